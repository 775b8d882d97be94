import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, parseAst } from "vite";

/** The files under `dir`, as paths relative to it. */
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));

const partial = `.${process.pid}.partial`;
const isPartial = (file: string) => /\.\d+\.partial$/.test(file);

/**
 * Writes the bundle, `public/` and the `copied` files into the out folder without ever emptying it: each file lands
 * whole by a rename, and only files no build makes any more are removed. Two builds at once (two
 * `npm test`s in one checkout) cannot delete each other's files, nor a server reading the folder
 * find one missing or half written.
 */
function replaceInPlace(copied: Record<string, string>): Plugin {
  let outDir = "";
  let publicDir = "";
  return {
    name: "spotbook:replace-in-place",
    apply: "build",
    enforce: "post",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    // Last, so the files are the bundle as every other plugin left it.
    generateBundle: {
      order: "post",
      handler(_options, bundle) {
        const files = new Map<string, string | Uint8Array>(
          filesIn(publicDir).map((file) => [file, readFileSync(join(publicDir, file))]),
        );
        for (const [file, from] of Object.entries(copied)) files.set(file, readFileSync(from));
        for (const out of Object.values(bundle)) {
          files.set(out.fileName, out.type === "chunk" ? out.code : out.source);
        }
        for (const [file, content] of files) {
          const target = join(outDir, file);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target + partial, content);
          renameSync(target + partial, target);
        }
        for (const file of filesIn(outDir)) {
          if (!files.has(file) && !isPartial(file)) rmSync(join(outDir, file), { force: true });
        }
      },
    },
  };
}

type Node = { type: string; start: number; end: number; [key: string]: unknown };

/** Every node of an ESTree tree, depth first. */
function* nodes(node: unknown): Generator<Node> {
  if (Array.isArray(node)) for (const child of node) yield* nodes(child);
  else if (node && typeof node === "object" && typeof (node as Node).type === "string") {
    yield node as Node;
    for (const value of Object.values(node)) if (value && typeof value === "object") yield* nodes(value);
  }
}

/** A stylesheet's text without comments and the spaces CSS never reads (none inside the widget's values matter). */
export const minifyCss = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/ ?([{};,>]) ?/g, "$1")
    .replace(/: /g, ":")
    .replace(/;}/g, "}")
    .trim();

/**
 * A template's line breaks and indents: none between two tags or at a template's ends, one space
 * elsewhere, as HTML shows them anyway (the widget has no <pre> and no whitespace-sensitive text).
 */
export const minifyHtml = (text: string, first: boolean, last: boolean) =>
  text.replace(/\s*\n\s*/g, (space, at: number) => {
    const before = text[at - 1];
    const after = text[at + space.length];
    if ((at === 0 && first) || (after === undefined && last)) return "";
    return before === ">" && after === "<" ? "" : " ";
  });

/**
 * Minifies the static text of the widget's `html` and `css` templates at build time: the
 * bundle's minifier keeps template text as written, where indentation is a tenth of the bytes.
 */
function minifyTemplates(): Plugin {
  return {
    name: "spotbook:minify-templates",
    apply: "build",
    enforce: "post",
    transform(code, id) {
      if (id.includes("node_modules") || !/\b(html|css)`/.test(code)) return null;
      const edits: [number, number, string][] = [];
      for (const node of nodes(parseAst(code))) {
        const tag = node.tag as Node & { name?: string };
        if (node.type !== "TaggedTemplateExpression" || (tag.name !== "html" && tag.name !== "css")) continue;
        const quasis = (node.quasi as { quasis: Node[] }).quasis;
        quasis.forEach((quasi, i) => {
          const raw = code.slice(quasi.start, quasi.end);
          const css = tag.name === "css" && quasis.length === 1;
          const text = css ? minifyCss(raw) : minifyHtml(raw, i === 0, i === quasis.length - 1);
          if (text !== raw) edits.push([quasi.start, quasi.end, text]);
        });
      }
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) {
        out = out.slice(0, start) + text + out.slice(end);
      }
      return { code: out, map: null };
    },
  };
}

/**
 * Files of packages served as they are: Scalar's standalone API reference for /docs (4 MB, loaded
 * only by that page; worker/http/docs.ts), from this origin rather than a CDN.
 */
const copied = {
  "docs/scalar.js": fileURLToPath(
    new URL("../node_modules/@scalar/api-reference/dist/browser/standalone.js", import.meta.url),
  ),
};

/**
 * One ES module, `widget/dist/widget.js`, with lit inside: a photographer's page loads it with a
 * single script tag, so there is no chunk to split into and no CSS file (styles live in the
 * shadow root). `public/` (the demo and the hosted booking page) is copied beside it, and the
 * Worker serves the folder as static assets. Paths are relative to `root`, which is relative to
 * the repository root where npm runs every script.
 */
export default defineConfig({
  root: "widget",
  publicDir: "public",
  plugins: [minifyTemplates(), replaceInPlace(copied)],
  // Always Lit's production build, even when a test runner has set NODE_ENV=test: the dev build
  // is bigger and leaves warning globals on the host page.
  resolve: { conditions: ["module", "browser", "production"] },
  build: {
    outDir: "dist",
    // replaceInPlace writes the files.
    write: false,
    target: "es2022",
    sourcemap: false,
    // Library mode keeps whitespace in ES output for other bundlers; this file goes straight
    // to browsers, so minify it fully; the tree-shaking annotations are of no use there either.
    rolldownOptions: { output: { minify: true, comments: { legal: true, annotation: false, jsdoc: false } } },
    lib: {
      entry: "spotbook-session.ts",
      formats: ["es"],
      fileName: () => "widget.js",
    },
  },
});

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin, runnerImport } from "vite";
import { translationsAsset } from "../worker/domain/catalogues/index.ts";
import { translations } from "../worker/domain/catalogues/translations.ts";
import { docsFiles } from "../worker/http/docs.ts";
import { minifyTemplates } from "./minify-templates.ts";

/** The files under `dir`, as paths relative to it. */
const filesIn = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));

const partial = `.${process.pid}.partial`;
const isPartial = (file: string) => /\.\d+\.partial$/.test(file);

/**
 * Writes the bundle, `public/`, the `copied` files and the `made` ones into the out folder without ever emptying it: each file lands
 * whole by a rename, and only files no build makes any more are removed. Two builds at once (two
 * `npm test`s in one checkout) cannot delete each other's files, nor a server reading the folder
 * find one missing or half written.
 */
function replaceInPlace(
  copied: Record<string, string>,
  made: () => Promise<Record<string, string>>[],
): Plugin {
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
      async handler(_options, bundle) {
        const files = new Map<string, string | Uint8Array>(
          filesIn(publicDir).map((file) => [file, readFileSync(join(publicDir, file))]),
        );
        for (const [file, from] of Object.entries(copied)) files.set(file, readFileSync(from));
        for (const part of await Promise.all(made())) {
          for (const [file, content] of Object.entries(part)) files.set(file, content);
        }
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

/**
 * Files served as they are: Scalar's standalone API reference for /docs (4 MB, loaded only by
 * that page; worker/http/docs.ts), from this origin rather than a CDN, and the admin pages'
 * stylesheet and script, which would otherwise ride in the Worker's bundle.
 */
const copied = {
  "docs/scalar.js": fileURLToPath(
    new URL("../node_modules/@scalar/api-reference/dist/browser/standalone.js", import.meta.url),
  ),
  "admin/admin.css": fileURLToPath(new URL("../worker/pages/admin/admin.css", import.meta.url)),
  "admin/admin.js": fileURLToPath(new URL("../worker/pages/admin/admin.js", import.meta.url)),
};

const repository = fileURLToPath(new URL("..", import.meta.url));

/**
 * The API's OpenAPI document, from the Worker's route definitions (worker/openapi-document.ts),
 * run here in Node with the Worker's zod (worker/zod.ts) and the full zod-to-openapi. The Worker
 * never sends its mail nor keeps a launch line from here, so its workerd-only modules are stand-ins.
 */
const workerdStandIns: Record<string, string> = {
  "cloudflare:email": "export class EmailMessage {}",
  "cloudflare:workers": "export class DurableObject {}",
};

async function openApiJson(): Promise<Record<string, string>> {
  const { module } = await runnerImport<{ openApiDocument: () => object }>(
    join(repository, "worker/openapi-document.ts"),
    {
      configFile: false,
      root: repository,
      logLevel: "warn",
      resolve: { alias: [{ find: /^zod$/, replacement: join(repository, "worker/zod.ts") }] },
      // The routes with their documentation, which the Worker's bundle leaves out (wrangler.toml [define]).
      define: { DOCUMENTED: "true" },
      plugins: [
        {
          name: "spotbook:workerd-modules",
          resolveId: (id) => (id in workerdStandIns ? `\0${id}` : undefined),
          load: (id) => (id.startsWith("\0") ? workerdStandIns[id.slice(1)] : undefined),
        },
      ],
    },
  );
  return { "v1/openapi.json": JSON.stringify(module.openApiDocument()) };
}

/** Every language's words but English's, which the Worker reads from its assets, not its bundle. */
const catalogueFiles = async () => ({ [translationsAsset.slice(1)]: JSON.stringify(translations) });

/**
 * One ES module, `widget/dist/widget.js`, with lit inside: a photographer's page loads it with a
 * single script tag, and no CSS file (styles live in the shadow root). What the list of times does
 * without (flows/on-demand.ts) is one chunk under `widget/`, named by its content, which widget.js
 * imports when it is first needed. `public/` (the demo and the hosted booking page) is copied
 * beside it, with the API's OpenAPI document, and the Worker serves the folder as static assets.
 * Paths are relative to `root`, which is relative to the repository root where npm runs every script.
 */
export default defineConfig({
  root: "widget",
  publicDir: "public",
  // The API's document and its reference page at /docs, made from the Worker's own modules.
  plugins: [minifyTemplates(), replaceInPlace(copied, () => [openApiJson(), docsFiles(), catalogueFiles()])],
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
    rolldownOptions: {
      // The chunk imports what it shares with widget.js from it, rather than widget.js loading a
      // third file first: its exports may grow beyond the element.
      preserveEntrySignatures: "allow-extension",
      output: {
        minify: true,
        comments: { legal: true, annotation: false, jsdoc: false },
        chunkFileNames: "widget/[name]-[hash].js",
      },
      // Making the API's document takes a few seconds by design; `npm start` prints only the banner.
      checks: { bundlerTimings: false },
    },
    lib: {
      entry: "spotbook-session.ts",
      formats: ["es"],
      fileName: () => "widget.js",
    },
  },
});

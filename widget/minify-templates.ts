/**
 * Build time only (vite.config.ts): the static text of the widget's `html` and `css` templates
 * without the indentation and comments the bundle's minifier keeps as written.
 */
import { type Plugin, parseAst } from "vite";

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
 * A template's line breaks and indents: none at a template's ends or between two tags, one space
 * elsewhere, as HTML shows them. Every break between two tags in the widget's templates sits
 * between blocks, grid or flex items, or beside a visually hidden span, where a space shows
 * nothing either; the widget has no <pre> and no whitespace-sensitive text.
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
export function minifyTemplates(): Plugin {
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

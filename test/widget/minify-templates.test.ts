import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minifyCss, minifyHtml, minifyTemplates } from "../../widget/minify-templates.ts";

describe("the build's template minifier", () => {
  it("drops indentation between tags and at a template's ends, and keeps one space beside text", () => {
    const template = "\n  <section>\n    <p>{a}</p>\n    {b} ·\n    <strong>x</strong>\n  </section>\n";
    expect(minifyHtml(template, true, true)).toBe("<section><p>{a}</p> {b} · <strong>x</strong></section>");
    // A part between two expressions keeps its space: "9:30 AM Taken".
    expect(minifyHtml("\n   ", false, false)).toBe(" ");
  });

  it("never changes a template's words, tags or same-line spaces", () => {
    const piece = fc.constantFrom("<p>", "</p>", "<b>", "</b>", "word", "·", " ", "  ", "\n", "\n    ", "\t");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.boolean(), fc.boolean(), (pieces, first, last) => {
        const text = pieces.join("");
        const out = minifyHtml(text, first, last);
        expect(out.replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
        expect(out).not.toContain("\n");
        if (!text.includes("\n")) expect(out).toBe(text);
      }),
    );
  });

  it("keeps every CSS token but comments, and the spaces values and combinators need", () => {
    const css = `
      /* why */
      :host([aria-busy="true"]) {
        min-height: var(--spotbook-min-height, max(22rem, 40rem - 40vw));
      }
      .spots > li,
      .day :focus { transition: border-color 0.15s, background-color 0.15s; }`;
    expect(minifyCss(css)).toBe(
      ':host([aria-busy="true"]){min-height:var(--spotbook-min-height,max(22rem,40rem - 40vw))}' +
        ".spots>li,.day :focus{transition:border-color 0.15s,background-color 0.15s}",
    );
  });

  it("rewrites only html and css templates in a module", () => {
    const plugin = minifyTemplates();
    const transform = plugin.transform as (code: string, id: string) => { code: string } | null;
    const code =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a module's source text, not a template
      "const a = html`\n  <p>${x}</p>\n`;\nconst b = css`p { color: red; }`;\nconst c = `\n  kept\n`;";
    expect(transform(code, "/widget/views/x.ts")?.code).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a module's source text, not a template
      "const a = html`<p>${x}</p>`;\nconst b = css`p{color:red}`;\nconst c = `\n  kept\n`;",
    );
    expect(transform(code, "/node_modules/lit/x.js")).toBeNull();
  });
});

import { defineConfig } from "vite";

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
  // Always Lit's production build, even when a test runner has set NODE_ENV=test: the dev build
  // is bigger and leaves warning globals on the host page.
  resolve: { conditions: ["module", "browser", "production"] },
  build: {
    outDir: "dist",
    emptyOutDir: true,
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

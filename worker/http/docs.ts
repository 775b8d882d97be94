import { Scalar } from "@scalar/hono-api-reference";
import { Hono } from "hono";

/**
 * The API reference at /docs: Scalar's interactive reference of /v1/openapi.json (schemas,
 * examples, "Try it" against this Worker), made at build time into the static assets
 * (widget/vite.config.ts) rather than by the Worker, whose bundle it would otherwise join. Its
 * script is Scalar's standalone bundle, served from this origin, never from a CDN, and its start-up
 * script is a file beside it (`docs/start.js`), so the page's Content-Security-Policy
 * (widget/public/_headers) needs no inline script. Scalar's own fonts and telemetry stay off:
 * nothing leaves.
 */
export async function docsFiles(): Promise<Record<string, string>> {
  const page = new Hono().get(
    "/docs",
    Scalar({
      url: "/v1/openapi.json",
      cdn: "/docs/scalar.js",
      pageTitle: "Spotbook API",
      withDefaultFonts: false,
      telemetry: false,
      // Its toolbar (share, deploy) is for Scalar's hosted service.
      showDeveloperTools: "never",
      // Offer no AI assistant or MCP hand-off: both would talk to Scalar's servers.
      agent: { disabled: true },
      mcp: { disabled: true },
    }),
  );
  const html = await (await page.request("/docs")).text();
  const inline = /<script type="text\/javascript">([\s\S]*?)<\/script>/;
  const start = inline.exec(html)?.[1];
  if (!start) throw new Error("Scalar's page has no start-up script to move into docs/start.js");
  return {
    "docs.html": html.replace(inline, '<script src="/docs/start.js"></script>'),
    "docs/start.js": `${start.trim()}\n`,
  };
}

import { Scalar } from "@scalar/hono-api-reference";
import type { Context } from "hono";
import type { HonoEnv } from "../env.ts";

/**
 * The API reference at /docs: Scalar's interactive reference of /v1/openapi.json (schemas,
 * examples, "Try it" against this Worker). Its script is Scalar's standalone bundle, copied into
 * the static assets at build time (widget/vite.config.ts) and served from this origin, never from
 * a CDN, and never inside the Worker's bundle; its inline start-up script and theme go by the
 * request's nonce (`docsHeaders`). Scalar's own fonts and telemetry stay off: nothing leaves.
 */
export const docsPage = Scalar((c: Context<HonoEnv>) => ({
  url: "/v1/openapi.json",
  cdn: "/docs/scalar.js",
  nonce: c.get("secureHeadersNonce") ?? "",
  pageTitle: "Spotbook API",
  withDefaultFonts: false,
  telemetry: false,
  // Its toolbar (share, deploy) is for Scalar's hosted service.
  showDeveloperTools: "never",
  // Offer no AI assistant or MCP hand-off: both would talk to Scalar's servers.
  agent: { disabled: true },
  mcp: { disabled: true },
}));

import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../env.ts";
import { crossSiteOrigin } from "../middleware/context.ts";

/** The public booking API: what a photographer's site calls, with CORS and the studio's site check. */
export const publicApiPaths = [
  "/v1/sessions",
  "/v1/holds",
  "/v1/bookings",
  "/v1/waitlist",
  "/v1/offers",
] as const;

const allowHeaders = "content-type, authorization";
const allowMethods = "GET, POST, DELETE, OPTIONS";

/**
 * CORS for the public API. Which sites may really use a studio's booking is per studio, known
 * only once the action has loaded it: the action refuses other sites (403 `forbidden`) before it
 * changes or answers anything. So every answer, the refusal included, is readable by the calling
 * site (a photographer trying a new site sees why), and preflights answer any origin: they
 * reveal nothing.
 */
export const publicCors = createMiddleware<HonoEnv>(async function publicCors(c, next) {
  const origin = crossSiteOrigin(c);
  if (c.req.method === "OPTIONS" && origin) {
    return c.body(null, 204, {
      "access-control-allow-origin": origin,
      "access-control-allow-methods": allowMethods,
      "access-control-allow-headers": allowHeaders,
      "access-control-max-age": "600",
      vary: "Origin",
    });
  }
  await next();
  c.res.headers.append("vary", "Origin");
  if (origin) c.res.headers.set("access-control-allow-origin", origin);
});

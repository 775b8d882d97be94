import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../env.ts";
import { ApiError } from "./problem.ts";

const allowHeaders = "content-type, authorization";
const allowMethods = "GET, POST, DELETE, OPTIONS";

/**
 * Preflights of the public API answer any origin: they reveal nothing. Which sites may really
 * call it is per studio, known only once a handler has loaded the session, so handlers call
 * `allowOrigin` with the studio's list before they change anything.
 */
export const publicPreflight = createMiddleware<HonoEnv>(async function publicPreflight(c, next) {
  const origin = c.req.header("origin");
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
});

/**
 * Lets the studio's own sites read the answer and refuses other sites before any write (the
 * refusal itself is readable, so a photographer testing a new site sees why).
 */
export function allowOrigin(c: Context<HonoEnv>, allowed: readonly string[]): void {
  const origin = c.req.header("origin");
  c.header("vary", "Origin", { append: true });
  if (!origin || origin === new URL(c.req.url).origin) return;
  c.header("access-control-allow-origin", origin);
  if (!allowed.includes(origin)) {
    throw new ApiError(
      403,
      "forbidden",
      `This studio has not allowed ${origin} to embed its booking sessions.`,
    );
  }
}

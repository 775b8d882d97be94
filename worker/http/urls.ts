import type { Context } from "hono";
import type { HonoEnv } from "../env.ts";

/** The Worker's public address: PUBLIC_URL when configured, else the request's own origin. */
export const publicUrl = (c: Context<HonoEnv>): string =>
  (c.env.PUBLIC_URL || new URL(c.req.url).origin).replace(/\/+$/, "");

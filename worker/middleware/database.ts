import { createMiddleware } from "hono/factory";
import type { HonoEnv } from "../env.ts";
import { openDb } from "../queries/db.ts";

/** One drizzle instance per request, read by handlers as `c.var.db`. */
export const database = createMiddleware<HonoEnv>(async function database(c, next) {
  c.set("db", openDb(c.env));
  await next();
});

import { drizzle } from "drizzle-orm/d1";
import { createMiddleware } from "hono/factory";
import * as schema from "../../db/schema.ts";
import type { Bindings, Db, HonoEnv } from "../env.ts";

export const openDb = (env: Bindings): Db => drizzle(env.DB, { schema });

/** One drizzle instance per request, read by handlers as `c.var.db`. */
export const database = createMiddleware<HonoEnv>(async function database(c, next) {
  c.set("db", openDb(c.env));
  await next();
});

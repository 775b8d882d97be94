import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/schema.ts";
import type { Bindings, Db } from "../env.ts";

/**
 * Drizzle over the Worker's D1 binding, with the schema for typed rows: made once per binding
 * and isolate, not per request. Building it walks every table of the schema for the relational
 * API, work the session read (the widget's one call) paid on each request; the instance holds no
 * request's state (D1 has no open transactions, and a batch is one call).
 */
const opened = new WeakMap<D1Database, Db>();

export function openDb(env: Bindings): Db {
  let db = opened.get(env.DB);
  if (!db) {
    db = drizzle(env.DB, { schema });
    opened.set(env.DB, db);
  }
  return db;
}

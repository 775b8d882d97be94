import { drizzle } from "drizzle-orm/d1";
import * as schema from "../../db/schema.ts";
import type { Bindings, Db } from "../env.ts";

/** Drizzle over the Worker's D1 binding, with the schema for typed rows. */
export const openDb = (env: Bindings): Db => drizzle(env.DB, { schema });

import { and, eq, ne } from "drizzle-orm";
import { studios } from "../../../db/schema.ts";
import type { Db } from "../../env.ts";

/** Sign-in finds a studio by its email, so no two studios may share one. */
export async function emailTakenByAnother(db: Db, studioId: string, email: string): Promise<boolean> {
  const rows = await db
    .select({ id: studios.id })
    .from(studios)
    .where(and(eq(studios.email, email), ne(studios.id, studioId)))
    .limit(1);
  return rows.length > 0;
}

export const setCredentials = (db: Db, studioId: string, email: string, passwordHash: string) =>
  db.update(studios).set({ email, passwordHash }).where(eq(studios.id, studioId));

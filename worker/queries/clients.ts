import { and, asc, eq, or, sql } from "drizzle-orm";
import { clients } from "../../db/schema.ts";
import type { Db } from "../env.ts";

export type ClientRow = typeof clients.$inferSelect;

/** Clients whose name or email contains `q` (case-insensitive), by name. */
export async function searchClients(db: Db, studioId: string, q: string | undefined, limit = 100) {
  const pattern = q ? `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : undefined;
  return db
    .select()
    .from(clients)
    .where(
      and(
        eq(clients.studioId, studioId),
        pattern
          ? or(
              sql`${clients.name} LIKE ${pattern} ESCAPE '\\'`,
              sql`${clients.email} LIKE ${pattern.toLowerCase()} ESCAPE '\\'`,
            )
          : undefined,
      ),
    )
    .orderBy(asc(clients.name))
    .limit(limit);
}

export async function getClient(db: Db, studioId: string, id: string): Promise<ClientRow | null> {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.studioId, studioId), eq(clients.id, id)));
  return row ?? null;
}

export async function getClientByEmail(db: Db, studioId: string, email: string): Promise<ClientRow | null> {
  const [row] = await db
    .select()
    .from(clients)
    .where(and(eq(clients.studioId, studioId), eq(clients.email, email)));
  return row ?? null;
}

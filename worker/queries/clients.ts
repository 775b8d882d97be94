import { and, asc, desc, eq, isNotNull, or, sql } from "drizzle-orm";
import { bookings, clients } from "../../db/schema.ts";
import type { Db } from "../env.ts";

export type ClientRow = typeof clients.$inferSelect;

/**
 * Clients whose name or email contains `q` (case-insensitive for ASCII, as SQLite's lower()), by
 * name. instr() rather than LIKE: a long LIKE pattern is "too complex" for D1, and instr has no
 * wildcards to escape.
 */
export async function searchClients(db: Db, studioId: string, q: string | undefined, limit = 100) {
  return db
    .select()
    .from(clients)
    .where(
      and(
        eq(clients.studioId, studioId),
        q
          ? or(
              sql`instr(lower(${clients.name}), lower(${q})) > 0`,
              sql`instr(${clients.email}, lower(${q})) > 0`,
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

/** The language of the latest booking made in one by the client with this email (null: none yet). */
export async function lastBookingLocale(db: Db, studioId: string, email: string): Promise<string | null> {
  const [row] = await db
    .select({ locale: bookings.locale })
    .from(bookings)
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .where(and(eq(clients.studioId, studioId), eq(clients.email, email), isNotNull(bookings.locale)))
    .orderBy(desc(bookings.createdAt))
    .limit(1);
  return row?.locale ?? null;
}

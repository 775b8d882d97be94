import { and, asc, desc, eq, exists, isNull, notInArray, type SQL, sql } from "drizzle-orm";
import {
  announcements,
  type BookingStatus,
  bookings,
  clients,
  sessions,
  studios,
  unsubscribeLinks,
} from "../../db/schema.ts";
import type { Audience } from "../domain/announcements.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import type { Db } from "../env.ts";
import { insertIfLastChanged, insertSelect } from "./insert-select.ts";

/** A booking that never became an appointment (cancelled, or a checkout left to expire) makes no past client. */
const notBookedStatuses: BookingStatus[] = ["cancelled", "expired"];

/** The audience's clients, each with whether this session was announced to them and whether they unsubscribed. */
export function audienceOf(db: Db, studioId: string, sessionId: string, audience: Audience) {
  const conditions: SQL[] = [eq(clients.studioId, studioId)];
  if (audience.kind === "sessionType") {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(bookings)
          .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
          .where(
            and(
              eq(bookings.studioId, studioId),
              eq(bookings.clientId, clients.id),
              notInArray(bookings.status, notBookedStatuses),
              eq(sessions.sessionTypeId, audience.sessionTypeId),
            ),
          ),
      ),
    );
  }
  const told = db
    .select({ one: sql`1` })
    .from(announcements)
    .where(and(eq(announcements.sessionId, sessionId), eq(announcements.clientId, clients.id)));
  return db
    .select({
      id: clients.id,
      name: clients.name,
      email: clients.email,
      unsubscribed: sql<boolean>`${clients.unsubscribedAt} is not null`.mapWith(Boolean),
      announced: sql<boolean>`${exists(told)}`.mapWith(Boolean),
    })
    .from(clients)
    .where(and(...conditions))
    .orderBy(asc(clients.name), asc(clients.id));
}

/** Who this session was announced to, latest first. */
export const announcementsOf = (db: Db, studioId: string, sessionId: string) =>
  db
    .select({
      clientId: clients.id,
      name: clients.name,
      email: clients.email,
      announcedAt: announcements.createdAt,
    })
    .from(announcements)
    .innerJoin(clients, eq(clients.id, announcements.clientId))
    .where(and(eq(announcements.studioId, studioId), eq(announcements.sessionId, sessionId)))
    .orderBy(desc(announcements.createdAt), asc(clients.name));

/**
 * The batch's statements that tell one client of a session: their row (only if it is new and they
 * have not unsubscribed meanwhile), then a fresh unsubscribe link only if that row was written.
 * The caller queues the email only if the link was written, so it goes out once.
 */
export async function recordAnnouncement(
  db: Db,
  studioId: string,
  sessionId: string,
  clientId: string,
  now: number,
) {
  const token = randomToken("sbk_unsub");
  const stillSubscribed = db
    .select({ one: sql`1` })
    .from(clients)
    .where(and(eq(clients.id, clientId), eq(clients.studioId, studioId), isNull(clients.unsubscribedAt)));
  const row = insertSelect(
    db,
    announcements,
    { studioId, sessionId, clientId, createdAt: now },
    sql`where ${exists(stillSubscribed)}`,
  ).onConflictDoNothing();
  const link = insertIfLastChanged(db, unsubscribeLinks, {
    studioId,
    clientId,
    tokenHash: await sha256(token),
    createdAt: now,
  });
  return { token, writes: [row, link] as const };
}

/** The client an unsubscribe token is for, with their studio's name and language, or null. */
export async function clientByUnsubscribeToken(db: Db, token: string) {
  const [row] = await db
    .select({
      client: { id: clients.id, unsubscribedAt: clients.unsubscribedAt },
      studio: { name: studios.name, locale: studios.locale },
    })
    .from(unsubscribeLinks)
    .innerJoin(clients, eq(clients.id, unsubscribeLinks.clientId))
    .innerJoin(studios, eq(studios.id, unsubscribeLinks.studioId))
    .where(eq(unsubscribeLinks.tokenHash, await sha256(token)));
  return row ?? null;
}

/** Marks the client unsubscribed, keeping the first moment they asked. */
export const unsubscribeClient = (db: Db, clientId: string, now: number) =>
  db
    .update(clients)
    .set({ unsubscribedAt: now })
    .where(and(eq(clients.id, clientId), isNull(clients.unsubscribedAt)));

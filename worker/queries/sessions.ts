import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, notExists, or, sql } from "drizzle-orm";
import {
  bookings,
  clients,
  packages,
  sessions,
  sessionTypes,
  spots,
  studios,
  waitlistEntries,
  waitlistOffers,
} from "../../db/schema.ts";
import type { Contract } from "../domain/contract.ts";
import { type SeatedTime, seatedTimes } from "../domain/spots.ts";
import type { Db } from "../env.ts";
import { readPrepared } from "./batch.ts";
import { occupyingSpot } from "./bookings.ts";
import { inForce, latestContractOf } from "./contracts.ts";
import { seatsLeftAt } from "./seats.ts";

export type SessionRow = typeof sessions.$inferSelect;
export type SpotRow = typeof spots.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;
export type PackageRow = typeof packages.$inferSelect;
export type SessionTypeRow = typeof sessionTypes.$inferSelect;

export type SpotWithBooking = SpotRow & { booking: (BookingRow & { client: ClientRow | null }) | null };

export type BookingWithClient = BookingRow & { client: ClientRow | null };

export type SessionDetails = {
  session: SessionRow;
  sessionType: SessionTypeRow;
  packages: PackageRow[];
  client: ClientRow | null;
  spots: SpotWithBooking[];
  /** Cancelled bookings that still hold money the client paid: what the studio owes back. */
  refundsDue: BookingWithClient[];
};

/** The spots a session has: those the photographer removed stay only for their bookings' sake. */
export const inSession = (sessionId: string | typeof sessions.id) =>
  and(eq(spots.sessionId, sessionId), isNull(spots.removedAt));

/*
 * Reads that run in one D1 batch select from one table each, narrowing by subqueries: a batch
 * answers rows as objects keyed by column name, so a join's clashing names (id, name) would
 * overwrite each other.
 */

/** Everything the session details page shows, read in one round trip. */
export async function getSessionDetails(
  db: Db,
  studioId: string,
  sessionId: string,
  now: number,
): Promise<SessionDetails | null> {
  const ofSession = and(eq(sessions.studioId, studioId), eq(sessions.id, sessionId));
  const typeId = db.select({ id: sessions.sessionTypeId }).from(sessions).where(ofSession);
  const liveHere = and(
    eq(bookings.studioId, studioId),
    eq(bookings.sessionId, sessionId),
    occupyingSpot(now),
  );
  const owedBack = and(
    eq(bookings.studioId, studioId),
    eq(bookings.sessionId, sessionId),
    eq(bookings.status, "cancelled"),
    gt(bookings.paidCents, 0),
  );
  const [heads, types, pkgs, spotRows, live, people, cancelled] = await db.batch([
    db.select().from(sessions).where(ofSession),
    db.select().from(sessionTypes).where(inArray(sessionTypes.id, typeId)),
    db.select().from(packages).where(inArray(packages.sessionTypeId, typeId)).orderBy(asc(packages.position)),
    db
      .select()
      .from(spots)
      .where(and(eq(spots.studioId, studioId), inSession(sessionId)))
      .orderBy(asc(spots.startsAt), asc(spots.id)),
    db.select().from(bookings).where(liveHere),
    db
      .select()
      .from(clients)
      .where(
        and(
          eq(clients.studioId, studioId),
          or(
            inArray(clients.id, db.select({ id: bookings.clientId }).from(bookings).where(liveHere)),
            inArray(clients.id, db.select({ id: sessions.clientId }).from(sessions).where(ofSession)),
            inArray(clients.id, db.select({ id: bookings.clientId }).from(bookings).where(owedBack)),
          ),
        ),
      ),
    db.select().from(bookings).where(owedBack).orderBy(asc(bookings.cancelledAt)),
  ]);
  const session = heads[0];
  const sessionType = types[0];
  if (!session || !sessionType) return null;
  const clientById = new Map(people.map((p) => [p.id, p]));
  const clientOf = (id: string | null) => (id ? (clientById.get(id) ?? null) : null);
  const bySpot = new Map(live.map((b) => [b.spotId, { ...b, client: clientOf(b.clientId) }]));
  return {
    session,
    sessionType,
    packages: pkgs,
    client: clientOf(session.clientId),
    spots: spotRows.map((spot) => ({ ...spot, booking: bySpot.get(spot.id) ?? null })),
    refundsDue: cancelled.map((b) => ({ ...b, client: clientOf(b.clientId) })),
  };
}

export type SessionSummary = {
  session: SessionRow;
  sessionTypeName: string;
  firstStartsAt: number | null;
  lastEndsAt: number | null;
  spotCount: number;
  takenCount: number;
};

/** The Booking Sessions list: each session with its time span and how many spots are taken. */
export async function listSessions(db: Db, studioId: string, now: number): Promise<SessionSummary[]> {
  const taken = db
    .select({ spotId: bookings.spotId, seats: bookings.seats })
    .from(bookings)
    .where(and(eq(bookings.studioId, studioId), occupyingSpot(now)))
    .as("taken");
  const rows = await db
    .select({
      session: sessions,
      sessionTypeName: sessionTypes.name,
      firstStartsAt: sql<number | null>`min(${spots.startsAt})`,
      lastEndsAt: sql<number | null>`max(${spots.endsAt})`,
      spotCount: sql<number>`count(${spots.id})`,
      takenCount: sql<number>`coalesce(sum(${taken.seats}), 0)`,
    })
    .from(sessions)
    .innerJoin(sessionTypes, eq(sessionTypes.id, sessions.sessionTypeId))
    .leftJoin(spots, inSession(sessions.id))
    .leftJoin(taken, eq(taken.spotId, spots.id))
    .where(eq(sessions.studioId, studioId))
    .groupBy(sessions.id)
    .orderBy(desc(sql`min(${spots.startsAt})`));
  return rows;
}

export type PublicSession = {
  session: SessionRow;
  sessionType: SessionTypeRow;
  studio: {
    name: string;
    currency: string;
    holdMinutes: number;
    locale: string;
    allowedOrigins: string[];
    maxSeatsPerBooking: number;
  };
  packages: PackageRow[];
  /** One entry per time: the spots that start together are its seats. */
  spots: SeatedTime[];
  /** The contract a booking signs (null: none). */
  contract: Contract | null;
};

/**
 * What a visitor sees of a Multi session, by its public slug, in one round trip. A Single is
 * private to its client, who opens it through their own link. A cancelled session is still
 * found, so its page can say so, with no spots; a spot that has started is not available.
 */
export async function getPublicSession(db: Db, slug: string, now: number): Promise<PublicSession | null> {
  let reads = publicSessionReads.get(db);
  if (!reads) {
    reads = preparePublicSessionReads(db);
    publicSessionReads.set(db, reads);
  }
  const [heads, types, owners, pkgs, spotRows, taken, versions] = await readPrepared(db, reads, {
    slug,
    now,
  });
  const [session, sessionType, studio] = [heads[0], types[0], owners[0]];
  if (!session || !sessionType || !studio) return null;
  return {
    session,
    sessionType,
    studio,
    packages: pkgs,
    spots: seatedTimes(spotRows, taken, now),
    contract: inForce(versions[0]),
  };
}

/** The seven reads of getPublicSession, prepared once per database (their SQL never changes). */
const publicSessionReads = new WeakMap<Db, ReturnType<typeof preparePublicSessionReads>>();

function preparePublicSessionReads(db: Db) {
  const now = sql.placeholder("now");
  const bySlug = and(eq(sessions.slug, sql.placeholder("slug")), eq(sessions.classification, "multi"));
  const sessionId = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(bySlug, eq(sessions.status, "scheduled")));
  const typeId = db.select({ id: sessions.sessionTypeId }).from(sessions).where(bySlug);
  return [
    db.select().from(sessions).where(bySlug).prepare(),
    db
      .select()
      .from(sessionTypes)
      .where(inArray(sessionTypes.id, db.select({ id: sessions.sessionTypeId }).from(sessions).where(bySlug)))
      .prepare(),
    db
      .select({
        name: studios.name,
        currency: studios.currency,
        holdMinutes: studios.holdMinutes,
        locale: studios.locale,
        allowedOrigins: studios.allowedOrigins,
        maxSeatsPerBooking: studios.maxSeatsPerBooking,
      })
      .from(studios)
      .where(inArray(studios.id, db.select({ id: sessions.studioId }).from(sessions).where(bySlug)))
      .prepare(),
    db
      .select()
      .from(packages)
      .where(
        inArray(
          packages.sessionTypeId,
          db.select({ id: sessions.sessionTypeId }).from(sessions).where(bySlug),
        ),
      )
      .orderBy(asc(packages.position))
      .prepare(),
    db
      .select({ id: spots.id, startsAt: spots.startsAt, endsAt: spots.endsAt })
      .from(spots)
      .where(and(inArray(spots.sessionId, sessionId), isNull(spots.removedAt)))
      .orderBy(asc(spots.startsAt), asc(spots.id))
      .prepare(),
    db
      .select({ spotId: bookings.spotId, seats: bookings.seats })
      .from(bookings)
      .where(and(inArray(bookings.sessionId, sessionId), occupyingSpot(now)))
      .prepare(),
    latestContractOf(db, typeId).prepare(),
  ] as const;
}

/** The session called off; only a scheduled one, so a second click changes nothing. */
export const cancelSessionRow = (db: Db, studioId: string, id: string, now: number) =>
  db
    .update(sessions)
    .set({ status: "cancelled", cancelledAt: now })
    .where(and(eq(sessions.studioId, studioId), eq(sessions.id, id), eq(sessions.status, "scheduled")));

/**
 * Deletes a session with its spots, decided in the batch: only while no booking of it has a client
 * (whatever its status) and none is live. Then the visitors' lapsed or released holds go with it.
 * The last statement's change count says whether the session went.
 */
export function deleteSessionRows(db: Db, studioId: string, id: string, now: number) {
  const ofSession = and(eq(bookings.studioId, studioId), eq(bookings.sessionId, id));
  const kept = db
    .select({ one: sql`1` })
    .from(bookings)
    .where(and(ofSession, or(isNotNull(bookings.clientId), occupyingSpot(now))));
  const anyBooking = db.select({ one: sql`1` }).from(bookings).where(ofSession);
  const anySpot = db.select({ one: sql`1` }).from(spots).where(eq(spots.sessionId, id));
  return [
    // A waitlist's rows go with it: its offers point at the session's (unbooked) holds.
    db
      .delete(waitlistOffers)
      .where(and(eq(waitlistOffers.studioId, studioId), eq(waitlistOffers.sessionId, id), notExists(kept))),
    db
      .delete(waitlistEntries)
      .where(and(eq(waitlistEntries.studioId, studioId), eq(waitlistEntries.sessionId, id), notExists(kept))),
    db.delete(bookings).where(and(ofSession, notExists(kept))),
    db.delete(spots).where(and(eq(spots.studioId, studioId), eq(spots.sessionId, id), notExists(anyBooking))),
    db.delete(sessions).where(and(eq(sessions.studioId, studioId), eq(sessions.id, id), notExists(anySpot))),
  ] as const;
}

/**
 * A spot nobody occupies now and that has not started: the only kind a photographer may change.
 * At a workshop's time it must also be a seat nobody's booking of several seats counts on.
 */
const freeSpot = (studioId: string, spotId: string, now: number) =>
  and(
    eq(spots.studioId, studioId),
    eq(spots.id, spotId),
    isNull(spots.removedAt),
    gt(spots.startsAt, now),
    sql`${seatsLeftAt(spotId, now)} >= 1`,
    notExists(
      // A raw subquery: drizzle's builder cannot refer to the outer row inside a nested select.
      sql`(select 1 from ${bookings} where ${bookings.spotId} = ${spots.id} and ${occupyingSpot(now)})`,
    ),
  );

/** Removes a free spot: marked, not deleted, so a cancelled booking of it keeps its time. */
export const removeFreeSpot = (db: Db, studioId: string, spotId: string, now: number) =>
  db
    .update(spots)
    .set({ removedAt: now })
    .where(freeSpot(studioId, spotId, now));

export const moveFreeSpot = (
  db: Db,
  studioId: string,
  spotId: string,
  to: { startsAt: number; endsAt: number },
  now: number,
) =>
  db
    .update(spots)
    .set(to)
    .where(freeSpot(studioId, spotId, now));
/** The studio's other scheduled sessions' spots that touch [from, to), to refuse a move onto them. */
export const otherSpotsBetween = (db: Db, studioId: string, sessionId: string, from: number, to: number) =>
  db
    .select({ startsAt: spots.startsAt, endsAt: spots.endsAt, session: sessions.name })
    .from(spots)
    .innerJoin(sessions, eq(sessions.id, spots.sessionId))
    .where(
      and(
        eq(spots.studioId, studioId),
        ne(spots.sessionId, sessionId),
        isNull(spots.removedAt),
        eq(sessions.status, "scheduled"),
        lt(spots.startsAt, to),
        gt(spots.endsAt, from),
      ),
    );

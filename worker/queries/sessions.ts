import { and, asc, desc, eq, gt, inArray, lt, ne, or, sql } from "drizzle-orm";
import { bookings, clients, packages, sessions, sessionTypes, spots, studios } from "../../db/schema.ts";
import type { Db } from "../env.ts";
import { occupyingSpot } from "./bookings.ts";

export type SessionRow = typeof sessions.$inferSelect;
export type SpotRow = typeof spots.$inferSelect;
export type BookingRow = typeof bookings.$inferSelect;
export type ClientRow = typeof clients.$inferSelect;
export type PackageRow = typeof packages.$inferSelect;
export type SessionTypeRow = typeof sessionTypes.$inferSelect;

export type SpotWithBooking = SpotRow & { booking: (BookingRow & { client: ClientRow | null }) | null };

export type SessionDetails = {
  session: SessionRow;
  sessionType: SessionTypeRow;
  packages: PackageRow[];
  client: ClientRow | null;
  spots: SpotWithBooking[];
};

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
  const [heads, types, pkgs, spotRows, live, people] = await db.batch([
    db.select().from(sessions).where(ofSession),
    db.select().from(sessionTypes).where(inArray(sessionTypes.id, typeId)),
    db.select().from(packages).where(inArray(packages.sessionTypeId, typeId)).orderBy(asc(packages.position)),
    db
      .select()
      .from(spots)
      .where(and(eq(spots.studioId, studioId), eq(spots.sessionId, sessionId)))
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
          ),
        ),
      ),
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
    .select({ spotId: bookings.spotId })
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
      takenCount: sql<number>`count(${taken.spotId})`,
    })
    .from(sessions)
    .innerJoin(sessionTypes, eq(sessionTypes.id, sessions.sessionTypeId))
    .leftJoin(spots, eq(spots.sessionId, sessions.id))
    .leftJoin(taken, eq(taken.spotId, spots.id))
    .where(eq(sessions.studioId, studioId))
    .groupBy(sessions.id)
    .orderBy(desc(sql`min(${spots.startsAt})`));
  return rows;
}

export type PublicSession = {
  session: SessionRow;
  sessionType: SessionTypeRow;
  studio: { name: string; currency: string; holdMinutes: number; locale: string; allowedOrigins: string[] };
  packages: PackageRow[];
  spots: (Pick<SpotRow, "id" | "startsAt" | "endsAt"> & { available: boolean })[];
};

/**
 * What a visitor sees of a Multi session, by its public slug, in one round trip. A Single is
 * private to its client, who opens it through their own link.
 */
export async function getPublicSession(db: Db, slug: string, now: number): Promise<PublicSession | null> {
  const bySlug = and(
    eq(sessions.slug, slug),
    eq(sessions.status, "scheduled"),
    eq(sessions.classification, "multi"),
  );
  const sessionId = db.select({ id: sessions.id }).from(sessions).where(bySlug);
  const [heads, types, owners, pkgs, spotRows, taken] = await db.batch([
    db.select().from(sessions).where(bySlug),
    db
      .select()
      .from(sessionTypes)
      .where(
        inArray(sessionTypes.id, db.select({ id: sessions.sessionTypeId }).from(sessions).where(bySlug)),
      ),
    db
      .select({
        name: studios.name,
        currency: studios.currency,
        holdMinutes: studios.holdMinutes,
        locale: studios.locale,
        allowedOrigins: studios.allowedOrigins,
      })
      .from(studios)
      .where(inArray(studios.id, db.select({ id: sessions.studioId }).from(sessions).where(bySlug))),
    db
      .select()
      .from(packages)
      .where(
        inArray(
          packages.sessionTypeId,
          db.select({ id: sessions.sessionTypeId }).from(sessions).where(bySlug),
        ),
      )
      .orderBy(asc(packages.position)),
    db
      .select({ id: spots.id, startsAt: spots.startsAt, endsAt: spots.endsAt })
      .from(spots)
      .where(inArray(spots.sessionId, sessionId))
      .orderBy(asc(spots.startsAt), asc(spots.id)),
    db
      .select({ spotId: bookings.spotId })
      .from(bookings)
      .where(and(inArray(bookings.sessionId, sessionId), occupyingSpot(now))),
  ]);
  const [session, sessionType, studio] = [heads[0], types[0], owners[0]];
  if (!session || !sessionType || !studio) return null;
  const takenIds = new Set(taken.map((t) => t.spotId));
  return {
    session,
    sessionType,
    studio,
    packages: pkgs,
    spots: spotRows.map((spot) => ({ ...spot, available: !takenIds.has(spot.id) })),
  };
}

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
        eq(sessions.status, "scheduled"),
        lt(spots.startsAt, to),
        gt(spots.endsAt, from),
      ),
    );

import { and, eq, isNull, sql } from "drizzle-orm";
import { bookings, rateLimits, sessions, sessionTypes, spots, studios } from "../../db/schema.ts";
import type { Db } from "../env.ts";
import { endBookings } from "./bookings.ts";
import { insertSelect } from "./insert-select.ts";
import { countUse } from "./rate-limits.ts";
import { freeSpotAtTimeOf, seatsLeftAt, spotsAtTimeOf } from "./seats.ts";
import { someoneWaiting } from "./waitlist.ts";

export type HoldRequest = {
  slug: string;
  /** Any spot of the wanted time: the hold sits on a free spot that starts with it. */
  spotId: string;
  /** Seats wanted at that time, within the studio's maximum per booking. */
  seats: number;
  holdId: string;
  tokenHash: string;
  /** The calling site, checked against the studio's allowed origins inside the insert. */
  origin: string | null;
  rateKey: string;
  rateLimit: number;
  /** Who asks (a hash of their network), for the studio's cap on the holds one visitor keeps. */
  visitorKey: string;
  rateWindowMs: number;
  now: number;
};

/**
 * Takes seats at a time in one atomic D1 batch: count the visitor's use, expire lapsed holds at that
 * time, then insert the hold on a free spot of it only if that time has the seats free, is open to
 * visitors and the caller may hold it, and let
 * go of the visitor's earlier holds in the session beyond the studio's cap (the newest kept): one
 * visitor cannot hold a whole session, and picking another time frees the last one. The partial
 * unique index on live bookings refuses a second hold, whatever the timing; the batch then rolls
 * back whole.
 */
export async function placeHold(
  db: Db,
  r: HoldRequest,
): Promise<{ expiresAt: number; sessionId: string; releasedForWaitlist: boolean } | null> {
  const originAllowed = r.origin
    ? sql`exists (select 1 from json_each(${studios.allowedOrigins}) where value = ${r.origin})`
    : sql`1`;
  const [, , inserted, released, waiting] = await db.batch([
    countUse(db, r.rateKey, r.rateWindowMs, r.now),
    endBookings(db, sql`${bookings.spotId} in ${spotsAtTimeOf(r.spotId)}`, "expire", r.now),
    insertSelect(
      db,
      bookings,
      {
        id: r.holdId,
        studioId: sql`${sessions.studioId}`,
        sessionId: sql`${sessions.id}`,
        spotId: sql`${spots.id}`,
        status: "held",
        currency: sql`${studios.currency}`,
        holdTokenHash: r.tokenHash,
        visitorKey: r.visitorKey,
        seats: r.seats,
        expiresAt: sql`${r.now} + ${studios.holdMinutes} * 60000`,
        createdAt: r.now,
      },
      sql`from ${spots}
        join ${sessions} on ${sessions.id} = ${spots.sessionId}
        join ${studios} on ${studios.id} = ${sessions.studioId}
        where ${spots.id} = ${freeSpotAtTimeOf(r.spotId)}
          and ${seatsLeftAt(r.spotId, r.now)} >= ${r.seats}
          and ${r.seats} <= ${studios.maxSeatsPerBooking}
          and ${sessions.slug} = ${r.slug}
          and ${sessions.classification} = 'multi'
          and ${sessions.status} = 'scheduled'
          and ${spots.removedAt} is null
          and ${spots.startsAt} > ${r.now}
          and ${originAllowed}
          and (select ${rateLimits.count} from ${rateLimits} where ${rateLimits.key} = ${r.rateKey}) <= ${r.rateLimit}`,
    ).returning({ expiresAt: bookings.expiresAt, sessionId: bookings.sessionId }),
    endBookings(db, beyondVisitorCap(r), "release", r.now),
    someoneWaiting(db, r.slug),
  ]);
  const row = inserted[0];
  return row?.expiresAt
    ? {
        expiresAt: row.expiresAt,
        sessionId: row.sessionId,
        // A spot let go while someone waits: read in the same batch, so holds cost no extra trip.
        releasedForWaitlist: released.meta.changes > 0 && waiting.length > 0,
      }
    : null;
}

/** Why a hold was not placed, for the error a visitor sees (only on the failure path). */
export async function whyNoHold(db: Db, r: HoldRequest) {
  const [[session], [spot], [use]] = await db.batch([
    db
      .select({
        classification: sessions.classification,
        status: sessions.status,
        allowedOrigins: studios.allowedOrigins,
        maxSeatsPerBooking: studios.maxSeatsPerBooking,
      })
      .from(sessions)
      .innerJoin(studios, eq(studios.id, sessions.studioId))
      .where(eq(sessions.slug, r.slug)),
    db
      .select({ startsAt: spots.startsAt, seatsLeft: sql<number>`${seatsLeftAt(r.spotId, r.now)}` })
      .from(spots)
      .innerJoin(sessions, eq(sessions.id, spots.sessionId))
      .where(and(eq(spots.id, r.spotId), eq(sessions.slug, r.slug), isNull(spots.removedAt))),
    db.select({ count: rateLimits.count }).from(rateLimits).where(eq(rateLimits.key, r.rateKey)),
  ]);
  return {
    session: session ?? null,
    spot: spot ?? null,
    rateLimited: (use?.count ?? 0) > r.rateLimit,
  };
}

/** The visitor's live holds in the session past the studio's cap, if the hold before was placed. */
const beyondVisitorCap = (r: HoldRequest) => sql`changes() = 1 and ${bookings.id} in (
  select ${bookings.id} from ${bookings}
  where ${bookings.sessionId} = (select ${sessions.id} from ${sessions} where ${sessions.slug} = ${r.slug})
    and ${bookings.visitorKey} = ${r.visitorKey}
    and ${bookings.status} = 'held' and ${bookings.expiresAt} > ${r.now}
  order by ${bookings.id} = ${r.holdId} desc, ${bookings.createdAt} desc, ${bookings.id} desc
  limit -1 offset (
    select ${studios.maxHoldsPerVisitor} from ${studios}
    join ${sessions} on ${sessions.studioId} = ${studios.id}
    where ${sessions.slug} = ${r.slug}
  )
)`;

/** What the studio's rules need to know of a spot a visitor asks to hold: its start, zone and rules. */
export async function spotRules(db: Db, slug: string, spotId: string) {
  const [row] = await db
    .select({
      startsAt: spots.startsAt,
      zone: sessions.timeZone,
      sessionRules: sessions.rules,
      typeRules: sessionTypes.rules,
    })
    .from(spots)
    .innerJoin(sessions, eq(sessions.id, spots.sessionId))
    .innerJoin(sessionTypes, eq(sessionTypes.id, sessions.sessionTypeId))
    .where(and(eq(spots.id, spotId), eq(sessions.slug, slug)));
  return row ?? null;
}

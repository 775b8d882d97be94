import { and, asc, desc, eq, gt, inArray, isNull, lte, not, type SQL, sql } from "drizzle-orm";
import {
  bookings,
  sessions,
  spots,
  studios,
  type WaitlistTime,
  waitlistEntries,
  waitlistOffers,
} from "../../db/schema.ts";
import type { Db } from "../env.ts";
import { endBookings, occupyingSpot } from "./bookings.ts";
import { insertIfLastChanged, insertSelect } from "./insert-select.ts";
import { seatsLeftAt } from "./seats.ts";

export type WaitlistEntryRow = typeof waitlistEntries.$inferSelect;
export type WaitlistOfferRow = typeof waitlistOffers.$inferSelect;

/** An offer's hold that is still theirs: held and not yet past its time. */
const holdStillOffered = (now: number) =>
  sql`exists (select 1 from ${bookings} where ${bookings.id} = ${waitlistOffers.bookingId}
    and ${bookings.status} = 'held' and ${bookings.expiresAt} > ${now})`;
const holdBooked = sql`exists (select 1 from ${bookings} where ${bookings.id} = ${waitlistOffers.bookingId}
    and ${bookings.status} in ('pending_payment', 'confirmed'))`;

/**
 * The statements that close a session's offers whose hold is no longer theirs: booked (the person
 * booked it), or lapsed (not booked in time, or let go), and the lapsed holds marked expired so
 * the spot can be offered again. The entries go first, while their offers still read `offered`.
 */
export function settleOffers(db: Db, sessionId: string, now: number) {
  const ended = (outcome: SQL) =>
    db
      .select({ id: waitlistOffers.entryId })
      .from(waitlistOffers)
      .where(
        and(
          eq(waitlistOffers.sessionId, sessionId),
          eq(waitlistOffers.status, "offered"),
          not(holdStillOffered(now)),
          outcome,
        ),
      );
  return [
    endBookings(
      db,
      inArray(
        bookings.id,
        db
          .select({ id: waitlistOffers.bookingId })
          .from(waitlistOffers)
          .where(and(eq(waitlistOffers.sessionId, sessionId), eq(waitlistOffers.status, "offered"))),
      ),
      "expire",
      now,
    ),
    db
      .update(waitlistEntries)
      .set({ status: "booked" })
      .where(inArray(waitlistEntries.id, ended(holdBooked))),
    db
      .update(waitlistEntries)
      .set({ status: "missed" })
      .where(and(eq(waitlistEntries.status, "waiting"), inArray(waitlistEntries.id, ended(not(holdBooked))))),
    db
      .update(waitlistOffers)
      .set({ status: sql`case when ${holdBooked} then 'booked' else 'lapsed' end`, endedAt: now })
      .where(
        and(
          eq(waitlistOffers.sessionId, sessionId),
          eq(waitlistOffers.status, "offered"),
          not(holdStillOffered(now)),
        ),
      ),
  ] as const;
}

/**
 * What offering needs of a session, in one round trip (after settling its offers): the session and
 * studio, its free spots still to come, and who waits in line without an offer, in order.
 */
export async function offerGround(db: Db, sessionId: string, now: number) {
  // No joins in a batch: D1 answers a batch's rows by column name, and the tables share names.
  const [, , , , heads, owners, free, line] = await db.batch([
    ...settleOffers(db, sessionId, now),
    db.select().from(sessions).where(eq(sessions.id, sessionId)),
    db
      .select()
      .from(studios)
      .where(
        inArray(
          studios.id,
          db.select({ id: sessions.studioId }).from(sessions).where(eq(sessions.id, sessionId)),
        ),
      ),
    db
      .select({ id: spots.id, startsAt: spots.startsAt, endsAt: spots.endsAt })
      .from(spots)
      .where(
        and(
          eq(spots.sessionId, sessionId),
          isNull(spots.removedAt),
          gt(spots.startsAt, now),
          sql`not exists (select 1 from ${bookings} where ${bookings.spotId} = ${spots.id} and ${occupyingSpot(now)})`,
          // At a workshop's time, a spot without a booking may still be a seat a booking counts on.
          sql`${seatsLeftAt(sql`${spots.id}`, now)} >= 1`,
        ),
      )
      .orderBy(asc(spots.startsAt)),
    db
      .select()
      .from(waitlistEntries)
      .where(
        and(
          eq(waitlistEntries.sessionId, sessionId),
          eq(waitlistEntries.status, "waiting"),
          sql`not exists (select 1 from ${waitlistOffers} where ${waitlistOffers.entryId} = ${waitlistEntries.id} and ${waitlistOffers.status} = 'offered')`,
        ),
      )
      .orderBy(asc(waitlistEntries.rank)),
  ]);
  const [session, studio] = [heads[0], owners[0]];
  return session && studio ? { session, studio, free, line } : null;
}

/** Sessions with someone waiting in line: the cron offers their free spots. */
export const sessionsWithWaitlist = (db: Db, now: number) =>
  db
    .selectDistinct({ id: waitlistEntries.sessionId })
    .from(waitlistEntries)
    .innerJoin(sessions, eq(sessions.id, waitlistEntries.sessionId))
    .innerJoin(spots, eq(spots.sessionId, sessions.id))
    .where(
      and(
        eq(waitlistEntries.status, "waiting"),
        eq(sessions.status, "scheduled"),
        eq(sessions.waitlistOpen, true),
        gt(spots.startsAt, now),
      ),
    );

/**
 * An offer's writes, for one batch: the hold on the spot (only while nobody occupies it, and the
 * session still takes offers), the offer, chained to the hold. The unique indexes on live
 * bookings and live offers refuse a second hold or a second offer, whatever the timing.
 */
export function offerWrites(
  db: Db,
  o: {
    studioId: string;
    sessionId: string;
    spotId: string;
    entryId: string;
    bookingId: string;
    tokenHash: string;
    currency: string;
    expiresAt: number;
    now: number;
  },
) {
  return [
    endBookings(db, eq(bookings.spotId, o.spotId), "expire", o.now),
    insertSelect(
      db,
      bookings,
      {
        id: o.bookingId,
        studioId: o.studioId,
        sessionId: o.sessionId,
        spotId: o.spotId,
        status: "held",
        currency: o.currency,
        holdTokenHash: o.tokenHash,
        expiresAt: o.expiresAt,
        createdAt: o.now,
      },
      sql`from ${sessions} join ${spots} on ${spots.sessionId} = ${sessions.id}
        where ${sessions.id} = ${o.sessionId} and ${spots.id} = ${o.spotId}
          and ${sessions.status} = 'scheduled' and ${sessions.waitlistOpen} = 1 and ${spots.startsAt} > ${o.now} and ${spots.removedAt} is null
          and ${seatsLeftAt(o.spotId, o.now)} >= 1
          and exists (select 1 from ${waitlistEntries} where ${waitlistEntries.id} = ${o.entryId} and ${waitlistEntries.status} = 'waiting')`,
    ),
    insertIfLastChanged(db, waitlistOffers, {
      studioId: o.studioId,
      sessionId: o.sessionId,
      entryId: o.entryId,
      spotId: o.spotId,
      bookingId: o.bookingId,
      status: "offered",
      expiresAt: o.expiresAt,
      createdAt: o.now,
    }),
  ] as const;
}

/** Someone joins the line, last (rank above everyone's), if their email is not waiting already. */
export const insertEntry = (
  db: Db,
  e: {
    id: string;
    studioId: string;
    sessionId: string;
    name: string;
    email: string;
    times: WaitlistTime[] | null;
    locale: string | null;
    tokenHash: string;
    now: number;
  },
) =>
  db.insert(waitlistEntries).values({
    ...e,
    rank: sql`(select coalesce(max(${waitlistEntries.rank}), 0) + 1 from ${waitlistEntries} where ${waitlistEntries.sessionId} = ${e.sessionId})`,
    createdAt: e.now,
  });

/** One's place in line: 1 for the first of those waiting; null once out of line. */
export const positionOf = (db: Db, entryId: string) =>
  db
    .select({ position: sql<number>`count(*)` })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.status, "waiting"),
        eq(
          waitlistEntries.sessionId,
          db
            .select({ id: waitlistEntries.sessionId })
            .from(waitlistEntries)
            .where(eq(waitlistEntries.id, entryId)),
        ),
        lte(
          waitlistEntries.rank,
          db
            .select({ rank: waitlistEntries.rank })
            .from(waitlistEntries)
            .where(eq(waitlistEntries.id, entryId)),
        ),
      ),
    );

/** The entry a link token opens, with its session and its live offer, if any. */
export async function entryByToken(db: Db, tokenHash: string, now: number) {
  const [row] = await db
    .select({ entry: waitlistEntries, session: sessions, studio: studios })
    .from(waitlistEntries)
    .innerJoin(sessions, eq(sessions.id, waitlistEntries.sessionId))
    .innerJoin(studios, eq(studios.id, sessions.studioId))
    .where(eq(waitlistEntries.tokenHash, tokenHash));
  if (!row) return null;
  const [[position], offers] = await db.batch([
    positionOf(db, row.entry.id),
    db
      .select({ offer: waitlistOffers })
      .from(waitlistOffers)
      .where(
        and(
          eq(waitlistOffers.entryId, row.entry.id),
          eq(waitlistOffers.status, "offered"),
          holdStillOffered(now),
        ),
      ),
  ]);
  return {
    ...row,
    position: row.entry.status === "waiting" ? (position?.position ?? null) : null,
    offer: offers[0]?.offer ?? null,
  };
}

/** The offer a hold token opens (the token emailed with the offer), while the hold is theirs. */
export async function offerByHoldToken(db: Db, tokenHash: string, now: number) {
  const [row] = await db
    .select({
      offer: waitlistOffers,
      entry: waitlistEntries,
      session: sessions,
      studio: studios,
      spot: spots,
    })
    .from(bookings)
    .innerJoin(waitlistOffers, eq(waitlistOffers.bookingId, bookings.id))
    .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
    .innerJoin(sessions, eq(sessions.id, waitlistOffers.sessionId))
    .innerJoin(studios, eq(studios.id, sessions.studioId))
    .innerJoin(spots, eq(spots.id, waitlistOffers.spotId))
    .where(
      and(eq(bookings.holdTokenHash, tokenHash), eq(bookings.status, "held"), gt(bookings.expiresAt, now)),
    );
  return row ?? null;
}

/** A session's line and every offer made from it with its outcome (settled first), for the photographer. */
export async function waitlistOf(db: Db, studioId: string, sessionId: string, now: number) {
  const [, , , , heads, entries, offers] = await db.batch([
    ...settleOffers(db, sessionId, now),
    db
      .select({ open: sessions.waitlistOpen })
      .from(sessions)
      .where(and(eq(sessions.studioId, studioId), eq(sessions.id, sessionId))),
    db
      .select()
      .from(waitlistEntries)
      .where(and(eq(waitlistEntries.studioId, studioId), eq(waitlistEntries.sessionId, sessionId)))
      .orderBy(asc(waitlistEntries.rank)),
    db
      .select({ offer: waitlistOffers, startsAt: spots.startsAt, name: waitlistEntries.name })
      .from(waitlistOffers)
      .innerJoin(spots, eq(spots.id, waitlistOffers.spotId))
      .innerJoin(waitlistEntries, eq(waitlistEntries.id, waitlistOffers.entryId))
      .where(and(eq(waitlistOffers.studioId, studioId), eq(waitlistOffers.sessionId, sessionId)))
      .orderBy(desc(waitlistOffers.createdAt)),
  ]);
  const head = heads[0];
  return head ? { open: head.open, entries, offers } : null;
}

/** Whether a hold is a waitlist offer's (held for the studio's offer hours, not its hold minutes). */
export async function isOfferedHold(db: Db, bookingId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: waitlistOffers.id })
    .from(waitlistOffers)
    .where(eq(waitlistOffers.bookingId, bookingId))
    .limit(1);
  return row !== undefined;
}

/** For a batch: whether anyone waits in line for the session with this slug. */
export const someoneWaiting = (db: Db, slug: string) =>
  db
    .select({ id: waitlistEntries.id })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.status, "waiting"),
        eq(
          waitlistEntries.sessionId,
          db.select({ id: sessions.id }).from(sessions).where(eq(sessions.slug, slug)),
        ),
      ),
    )
    .limit(1);

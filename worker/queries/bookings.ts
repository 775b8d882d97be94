import { and, asc, eq, gt, inArray, lte, or, type Placeholder, type SQL, sql } from "drizzle-orm";
import { bookings, clients, packages, sessions, sessionTypes, spots, studios } from "../../db/schema.ts";
import { expiringStatuses, lastingStatuses, type Transition, transitions } from "../domain/bookings.ts";
import type { Db } from "../env.ts";
import { inForce, latestContractOf } from "./contracts.ts";

export type BookingRow = typeof bookings.$inferSelect;

/** The SQL guard of a transition: the row's status is one the operation may start from. */
export const statusAllows = (transition: Transition): SQL =>
  inArray(bookings.status, [...transitions[transition]]);

/**
 * The SQL twin of domain/bookings.ts occupiesSpot: lasting statuses always, holds and pending
 * payments until they expire. Reads use it so an abandoned checkout frees the spot at once.
 */
export function occupyingSpot(now: number | Placeholder): SQL {
  return or(
    inArray(bookings.status, [...lastingStatuses]),
    and(inArray(bookings.status, [...expiringStatuses]), gt(bookings.expiresAt, now)),
  ) as SQL;
}

/** Holds and pending payments past their time: still in the unique index until marked expired. */
export function lapsed(now: number): SQL {
  return and(statusAllows("expire"), lte(bookings.expiresAt, now)) as SQL;
}

/**
 * Frees spots: every path by which a booking stops occupying its spot (a hold released, a booking
 * cancelled, a hold or a checkout lapsed, a client moving to another spot) is this one write, so
 * whatever must follow a freed spot hooks in here once. `which` narrows the rows; the
 * transition's own guard is added to it. A move takes `to`, the spot the booking moves to: the
 * unique index on live bookings refuses it if that spot is taken.
 */
export function endBookings(
  db: Db,
  which: SQL,
  transition: "release" | "cancel" | "clientCancel" | "expire" | "move",
  now: number,
  to?: { spotId: string | SQL },
) {
  if (transition === "expire") {
    return db
      .update(bookings)
      .set({ status: "expired" })
      .where(and(which, lapsed(now)));
  }
  // A moved or cancelled booking is a changed calendar event: its SEQUENCE rises.
  const sequence = sql`${bookings.sequence} + 1`;
  if (transition === "move") {
    if (!to) throw new Error("a move names the spot it moves to");
    return db
      .update(bookings)
      .set({ spotId: to.spotId, sequence, rescheduleCount: sql`${bookings.rescheduleCount} + 1` })
      .where(and(which, statusAllows("move")));
  }
  return db
    .update(bookings)
    .set({ status: "cancelled", cancelledAt: now, sequence })
    .where(and(which, statusAllows(transition)));
}

export async function bookingOf(db: Db, studioId: string, id: string): Promise<BookingRow | null> {
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.studioId, studioId), eq(bookings.id, id)));
  return row ?? null;
}

/** A booking with everything its client sees, in one round trip. */
export async function getBookingView(db: Db, found: BookingRow) {
  const typeId = db
    .select({ id: sessions.sessionTypeId })
    .from(sessions)
    .where(eq(sessions.id, found.sessionId));
  const [heads, types, pkgs, spotRows, people, owners, versions] = await db.batch([
    db.select().from(sessions).where(eq(sessions.id, found.sessionId)),
    db
      .select()
      .from(sessionTypes)
      .where(
        inArray(
          sessionTypes.id,
          db.select({ id: sessions.sessionTypeId }).from(sessions).where(eq(sessions.id, found.sessionId)),
        ),
      ),
    db
      .select()
      .from(packages)
      .where(
        inArray(
          packages.sessionTypeId,
          db.select({ id: sessions.sessionTypeId }).from(sessions).where(eq(sessions.id, found.sessionId)),
        ),
      )
      .orderBy(asc(packages.position)),
    db.select().from(spots).where(eq(spots.id, found.spotId)),
    db
      .select()
      .from(clients)
      .where(eq(clients.id, found.clientId ?? "")),
    db.select().from(studios).where(eq(studios.id, found.studioId)),
    latestContractOf(db, typeId),
  ]);
  const [session, sessionType, spot, studio] = [heads[0], types[0], spotRows[0], owners[0]];
  if (!session || !sessionType || !spot || !studio) return null;
  return {
    booking: found,
    session,
    sessionType,
    packages: pkgs,
    spot,
    client: people[0] ?? null,
    studio,
    /** The contract a confirmation signs now (null: none); the booking's own points at what was signed. */
    contract: inForce(versions[0]),
  };
}

export type BookingView = NonNullable<Awaited<ReturnType<typeof getBookingView>>>;

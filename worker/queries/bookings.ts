import { and, asc, eq, gt, inArray, lte, or, type SQL } from "drizzle-orm";
import { bookings, clients, packages, sessions, sessionTypes, spots, studios } from "../../db/schema.ts";
import type { Db } from "../env.ts";

/**
 * The SQL twin of domain/bookings.ts occupiesSpot: lasting statuses always, holds and pending
 * payments until they expire. Reads use it so an abandoned checkout frees the spot at once.
 */
export function occupyingSpot(now: number): SQL {
  return or(
    inArray(bookings.status, ["reserved", "awaiting_confirmation", "confirmed"]),
    and(inArray(bookings.status, ["held", "pending_payment"]), gt(bookings.expiresAt, now)),
  ) as SQL;
}

/** Holds and pending payments past their time: still in the unique index until marked expired. */
export function lapsed(now: number): SQL {
  return and(inArray(bookings.status, ["held", "pending_payment"]), lte(bookings.expiresAt, now)) as SQL;
}

/** Marks a spot's lapsed rows expired; batched before an insert so the unique index lets it in. */
export const lapsedOnSpot = (spotId: string, now: number): SQL =>
  and(eq(bookings.spotId, spotId), lapsed(now)) as SQL;

/** A booking with everything its client sees, in one round trip. */
export async function getBookingView(db: Db, found: typeof bookings.$inferSelect) {
  const [heads, types, pkgs, spotRows, people, owners] = await db.batch([
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
  ]);
  const [session, sessionType, spot, studio] = [heads[0], types[0], spotRows[0], owners[0]];
  if (!session || !sessionType || !spot || !studio) return null;
  return { booking: found, session, sessionType, packages: pkgs, spot, client: people[0] ?? null, studio };
}

export type BookingView = NonNullable<Awaited<ReturnType<typeof getBookingView>>>;

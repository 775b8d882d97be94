import { and, eq, gt, inArray, lte, or, type SQL } from "drizzle-orm";
import { bookings } from "../../db/schema.ts";

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

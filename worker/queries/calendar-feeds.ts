import { and, asc, eq, gte, isNotNull, or } from "drizzle-orm";
import { bookings, calendarFeeds, packages, spots, studios } from "../../db/schema.ts";
import type { Db, Studio } from "../env.ts";
import { occupyingSpot } from "./bookings.ts";
import { bookingRows } from "./overview.ts";

/** The studio whose feed this token hash opens, or null (never made, or revoked). */
export async function studioByFeedHash(db: Db, tokenHash: string): Promise<Studio | null> {
  const [row] = await db
    .select({ studio: studios })
    .from(calendarFeeds)
    .innerJoin(studios, eq(studios.id, calendarFeeds.studioId))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return row?.studio ?? null;
}

/** When the studio's feed was made, or null when it has none. */
export async function feedOf(db: Db, studioId: string): Promise<{ createdAt: number } | null> {
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(eq(calendarFeeds.studioId, studioId));
  return row ?? null;
}

/** A new feed URL: the old one (if any) stops working in the same batch. */
export const replaceFeed = (db: Db, studioId: string, tokenHash: string, now: number) =>
  db.batch([
    db.delete(calendarFeeds).where(eq(calendarFeeds.studioId, studioId)),
    db.insert(calendarFeeds).values({ studioId, tokenHash, createdAt: now }),
  ]);

export const deleteFeed = (db: Db, studioId: string) =>
  db.delete(calendarFeeds).where(eq(calendarFeeds.studioId, studioId));

/**
 * What the feed lists: every booking with a client that occupies its spot now, and the cancelled
 * ones (so subscribed calendars mark them cancelled), from `since` on, soonest first.
 */
export async function feedBookings(db: Db, studioId: string, now: number, since: number) {
  // Two reads, not a batch: drizzle's D1 batch maps the JSON columns of a join wrongly.
  const [rows, names] = await Promise.all([
    bookingRows(db)
      .where(
        and(
          eq(bookings.studioId, studioId),
          isNotNull(bookings.clientId),
          or(occupyingSpot(now), eq(bookings.status, "cancelled")),
          gte(spots.startsAt, since),
        ),
      )
      .orderBy(asc(spots.startsAt)),
    db.select({ id: packages.id, name: packages.name }).from(packages).where(eq(packages.studioId, studioId)),
  ]);
  const packageName = new Map(names.map((p) => [p.id, p.name]));
  return rows.map((r) => ({
    ...r,
    packageName: r.booking.packageId ? packageName.get(r.booking.packageId) : undefined,
  }));
}

import { and, eq, gt, gte, lt, lte, or, sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema.ts";
import type { Db } from "../env.ts";

/**
 * Counts one more use of `key` in a fixed window and answers the count (and when its window ends),
 * in one statement so it can ride in the same batch as the work it limits.
 */
export function countUse(db: Db, key: string, windowMs: number, now: number) {
  const resetAt = now + windowMs;
  return db
    .insert(rateLimits)
    .values({ key, count: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.resetAt} <= ${now} then 1 else ${rateLimits.count} + 1 end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${now} then ${resetAt} else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
}

/** Counters whose window closed by `now` count nothing any more: the cron deletes them. */
export const forgetClosedWindows = (db: Db, now: number) =>
  db.delete(rateLimits).where(lte(rateLimits.resetAt, now));

/** The count of `key` in its current window, if that window has not ended (for a batch). */
export const liveUse = (db: Db, key: string, now: number) =>
  db
    .select({ count: rateLimits.count, resetAt: rateLimits.resetAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.resetAt, now)));

export const forgetUse = (db: Db, key: string) => db.delete(rateLimits).where(eq(rateLimits.key, key));

/** Forgets `key` and every key under it (`key:…`), as a range of the primary key. */
export const forgetUsesUnder = (db: Db, key: string) =>
  db
    .delete(rateLimits)
    .where(or(eq(rateLimits.key, key), and(gte(rateLimits.key, `${key}:`), lt(rateLimits.key, `${key};`))));

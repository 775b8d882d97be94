import { lte, sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema.ts";
import type { Db } from "../env.ts";

/**
 * Counts one more use of `key` in a fixed window and answers the count, in one statement so it
 * can ride in the same batch as the work it limits.
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
    .returning({ count: rateLimits.count });
}

/** Counters whose window closed by `now` count nothing any more: the cron deletes them. */
export const forgetClosedWindows = (db: Db, now: number) =>
  db.delete(rateLimits).where(lte(rateLimits.resetAt, now));

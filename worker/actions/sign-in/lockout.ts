import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { rateLimits, studios } from "../../../db/schema.ts";
import { sha256 } from "../../domain/tokens.ts";
import type { Db } from "../../env.ts";

/**
 * Five wrong passwords in a row lock sign-in for fifteen minutes. An email that names no studio
 * is counted too (in rate_limits, by its hash), so the lockout never tells whether it exists.
 */
export const maxFailures = 5;
export const lockMinutes = 15;

/** Who is signing in: the studio when the email names one with a password, else only the email. */
export type Account = {
  studio: { id: string; passwordHash: string } | null;
  unknownKey: string;
  lockedUntil: number | null;
};

export const isLocked = (account: Account, now: number): boolean =>
  account.lockedUntil !== null && account.lockedUntil > now;

export async function findAccount(db: Db, email: string): Promise<Account> {
  const unknownKey = `admin-sign-in:${await sha256(email)}`;
  const [found, counters] = await db.batch([
    db
      .select({ id: studios.id, passwordHash: studios.passwordHash, lockedUntil: studios.lockedUntil })
      .from(studios)
      .where(and(eq(studios.email, email), isNotNull(studios.passwordHash)))
      .limit(1),
    db.select({ until: rateLimits.resetAt }).from(rateLimits).where(eq(rateLimits.key, unknownKey)),
  ]);
  const row = found[0];
  if (row?.passwordHash) {
    return {
      studio: { id: row.id, passwordHash: row.passwordHash },
      unknownKey,
      lockedUntil: row.lockedUntil,
    };
  }
  return { studio: null, unknownKey, lockedUntil: counters[0]?.until || null };
}

/** One more failure, counted by the database in one statement, so parallel failures all count. */
function counted(count: SQLiteColumn, until: SQLiteColumn, now: number): { count: SQL; until: SQL } {
  const locks = sql`${count} + 1 >= ${maxFailures}`;
  return {
    count: sql`case when ${locks} then 0 else ${count} + 1 end`,
    until: sql`case when ${locks} then ${now + lockMinutes * 60_000} else ${until} end`,
  };
}

/** Records a failed attempt; answers whether this one locked sign-in. */
export async function recordFailure(db: Db, account: Account, now: number): Promise<boolean> {
  if (account.studio) {
    const next = counted(studios.failedLogins, studios.lockedUntil, now);
    const [row] = await db
      .update(studios)
      .set({ failedLogins: next.count, lockedUntil: next.until })
      .where(eq(studios.id, account.studio.id))
      .returning({ until: studios.lockedUntil });
    return (row?.until ?? 0) > now;
  }
  // rate_limits keeps the lock's end in reset_at; 0 until the count first reaches the limit.
  const next = counted(rateLimits.count, rateLimits.resetAt, now);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: account.unknownKey, count: 1, resetAt: 0 })
    .onConflictDoUpdate({ target: rateLimits.key, set: { count: next.count, resetAt: next.until } })
    .returning({ until: rateLimits.resetAt });
  return (row?.until ?? 0) > now;
}

export const clearFailures = (db: Db, studioId: string) =>
  db.update(studios).set({ failedLogins: 0, lockedUntil: null }).where(eq(studios.id, studioId));

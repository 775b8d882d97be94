import { and, eq, isNotNull } from "drizzle-orm";
import { studios } from "../../../db/schema.ts";
import { DomainError } from "../../domain/errors.ts";
import { networkOf } from "../../domain/network.ts";
import {
  type Counter,
  perEmail,
  perNetwork,
  type Throttled,
  throttledBefore,
  throttledMessage,
  throttleKeys,
} from "../../domain/sign-in-throttle.ts";
import { sha256 } from "../../domain/tokens.ts";
import type { Db } from "../../env.ts";
import { countUse, forgetUse, forgetUsesUnder, liveUse } from "../../queries/rate-limits.ts";

/*
 * Sign-in's throttle (the rules are in domain/sign-in-throttle.ts), counted in rate_limits. The
 * studios table's failed_logins and locked_until columns are no longer read or written.
 */

/** One attempt to sign in: the studio the email names (with a password), and its counters. */
export type Attempt = {
  studio: { id: string; passwordHash: string } | null;
  keys: { email: string; network: string };
  /** This network's counter on this email, this attempt counted. */
  network: Counter;
  /** The email's failures in the current window, if any. */
  email: Counter | undefined;
};

/** Counts the attempt and reads what it needs, in one batch; throttled attempts count too. */
export async function beginAttempt(
  db: Db,
  email: string,
  client: string | undefined,
  now: number,
): Promise<Attempt> {
  const keys = throttleKeys(await sha256(email), networkOf(client));
  const [[network], [emailCount], [found]] = await db.batch([
    countUse(db, keys.network, perNetwork.windowMs, now),
    liveUse(db, keys.email, now),
    db
      .select({ id: studios.id, passwordHash: studios.passwordHash })
      .from(studios)
      .where(and(eq(studios.email, email), isNotNull(studios.passwordHash)))
      .limit(1),
  ]);
  if (!network) throw new Error("rate_limits upsert returned nothing");
  return {
    studio: found?.passwordHash ? { id: found.id, passwordHash: found.passwordHash } : null,
    keys,
    network,
    email: emailCount,
  };
}

export const throttledError = (throttled: Throttled, now: number) =>
  new DomainError("rate_limited", throttledMessage(throttled, now));

/** Refuses the attempt if its network is throttled for this email (before any password check). */
export function refuseIfThrottled(attempt: Attempt, now: number): void {
  const throttled = throttledBefore(attempt.network, attempt.email, now);
  if (throttled) throw throttledError(throttled, now);
}

/** Counts a wrong password against the email; answers the email's counter. */
export async function countFailure(db: Db, attempt: Attempt, now: number): Promise<Counter> {
  const [row] = await countUse(db, attempt.keys.email, perEmail.windowMs, now);
  if (!row) throw new Error("rate_limits upsert returned nothing");
  return row;
}

/** A signed-in network starts afresh (for a batch). */
export const clearNetwork = (db: Db, attempt: Attempt) => forgetUse(db, attempt.keys.network);

/**
 * Every counter of an email, from every network (for a batch): set-up with the admin token sets a
 * new password, so the guesses at the old one no longer matter. `emailHash` is sha256 of the email.
 */
export const clearAllFor = (db: Db, emailHash: string) =>
  forgetUsesUnder(db, throttleKeys(emailHash, "").email);

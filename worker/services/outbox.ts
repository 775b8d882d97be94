import { and, asc, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import { emails } from "../../db/schema.ts";
import type { Message } from "../domain/messages.ts";
import type { Db } from "../env.ts";
import { insertIfLastChanged, insertSelect } from "../queries/insert-select.ts";

export type OutgoingEmail = Message & {
  studioId: string;
  bookingId: string | null;
  kind: string;
  recipient: string;
  /** A message that must go out once (reminders) names itself; a second queueing is ignored. */
  dedupeKey?: string;
  /** A marketing message's one-click unsubscribe address. */
  unsubscribeUrl?: string;
};

/**
 * The insert that queues a message. Callers put it in the same D1 batch as the change that
 * causes it, so a booking and its email are written together or not at all.
 */
export function queueEmail(db: Db, email: OutgoingEmail, now = Date.now()) {
  return db.insert(emails).values(row(email, now)).onConflictDoNothing({ target: emails.dedupeKey });
}

/** The same, queued only if the batch's previous statement changed one row (see insert-select.ts). */
export const queueEmailIfLastChanged = (db: Db, email: OutgoingEmail, now = Date.now()) =>
  insertIfLastChanged(db, emails, row(email, now));

/** The same, queued only if `condition` (SQL, evaluated in the batch) holds. */
export const queueEmailWhen = (db: Db, email: OutgoingEmail, condition: SQL, now = Date.now()) =>
  insertSelect(db, emails, row(email, now), sql`where ${condition}`);

const row = (email: OutgoingEmail, now: number) => ({
  ...email,
  dedupeKey: email.dedupeKey ?? null,
  sendAfter: now,
  createdAt: now,
});

/**
 * Takes the messages due at `now` for one delivery attempt each: the attempt is counted and the
 * message leased (sendAfter moves to `leaseUntil`) in the same statement, so two overlapping runs
 * never take the same message, and one that dies mid-send leaves it to be retried after the lease.
 */
export function takeDueEmails(db: Db, now: number, leaseUntil: number, limit: number) {
  const due = db
    .select({ id: emails.id })
    .from(emails)
    .where(and(eq(emails.status, "queued"), lte(emails.sendAfter, now)))
    .orderBy(asc(emails.sendAfter))
    .limit(limit);
  return db
    .update(emails)
    .set({ attempts: sql`${emails.attempts} + 1`, sendAfter: leaseUntil })
    .where(and(inArray(emails.id, due), eq(emails.status, "queued")))
    .returning();
}

export const markSent = (db: Db, id: string, now: number) =>
  db.update(emails).set({ status: "sent", sentAt: now, lastError: null }).where(eq(emails.id, id));

/** A failed attempt: retried from `retryAt`, or given up (`failed`) when there is none. */
export const markAttemptFailed = (db: Db, id: string, error: string, retryAt: number | null) =>
  db
    .update(emails)
    .set(retryAt === null ? { status: "failed", lastError: error } : { sendAfter: retryAt, lastError: error })
    .where(eq(emails.id, id));

/** Queued mail older than `createdBefore` is given up rather than sent days late. */
export const giveUpStaleEmails = (db: Db, createdBefore: number, reason: string) =>
  db
    .update(emails)
    .set({ status: "failed", lastError: reason })
    .where(and(eq(emails.status, "queued"), lte(emails.createdAt, createdBefore)));

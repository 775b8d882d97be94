import { emails } from "../../db/schema.ts";
import type { Message } from "../domain/messages.ts";
import type { Db } from "../env.ts";
import { insertIfLastChanged } from "../queries/insert-select.ts";

export type OutgoingEmail = Message & {
  studioId: string;
  bookingId: string | null;
  kind: string;
  recipient: string;
  /** A message that must go out once (reminders) names itself; a second queueing is ignored. */
  dedupeKey?: string;
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

const row = (email: OutgoingEmail, now: number) => ({
  ...email,
  dedupeKey: email.dedupeKey ?? null,
  sendAfter: now,
  createdAt: now,
});

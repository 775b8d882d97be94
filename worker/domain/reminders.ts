import type { BookingStatus } from "../../db/schema.ts";

/** When the automatic reminders go out; each at most once per booking. */

export type ReminderKind = "payment_reminder" | "session_reminder";

export type ReminderCandidate = {
  status: BookingStatus;
  startsAt: number;
  confirmedAt: number | null;
  balanceCents: number;
  /** Days before the session, or null when its session type sends no payment reminder. */
  paymentReminderDays: number | null;
  /** Hours before the session; 0 sends none. */
  sessionReminderHours: number;
};

const hour = 3_600_000;
const day = 24 * hour;

/**
 * The reminders due at `now`. One is due from its lead time before the session until the session
 * starts, for confirmed bookings only; a booking confirmed inside the lead time gets none, since
 * its receipt has just told the client the same.
 */
export function remindersDue(c: ReminderCandidate, now: number): ReminderKind[] {
  if (c.status !== "confirmed" || c.startsAt <= now) return [];
  const due = (leadMs: number) => now >= c.startsAt - leadMs && (c.confirmedAt ?? 0) < c.startsAt - leadMs;
  const kinds: ReminderKind[] = [];
  if (c.paymentReminderDays !== null && c.balanceCents > 0 && due(c.paymentReminderDays * day)) {
    kinds.push("payment_reminder");
  }
  if (c.sessionReminderHours > 0 && due(c.sessionReminderHours * hour)) kinds.push("session_reminder");
  return kinds;
}

/** The outbox's dedupe key: whatever the number of cron runs, one reminder of a kind per booking. */
export const reminderKey = (kind: ReminderKind, bookingId: string): string => `${kind}:${bookingId}`;

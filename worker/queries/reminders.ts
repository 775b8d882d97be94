import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import { bookings, clients, emails, sessions, sessionTypes, spots, studios } from "../../db/schema.ts";
import { type ReminderKind, reminderKey } from "../domain/reminders.ts";
import type { Db } from "../env.ts";

const hour = 3_600_000;
const day = 24 * hour;

const queued = (kind: ReminderKind): SQL =>
  sql`exists (select 1 from ${emails} where ${emails.dedupeKey} = ${reminderKey(kind, "")} || ${bookings.id})`;

/** The window of domain/reminders.ts remindersDue: open, and opened after the booking was confirmed. */
const windowOpen = (lead: SQL, now: number): SQL =>
  sql`${spots.startsAt} - ${lead} <= ${now} and coalesce(${bookings.confirmedAt}, 0) < ${spots.startsAt} - ${lead}`;

/**
 * Confirmed bookings of scheduled sessions with a reminder due and not yet queued: the SQL twin of
 * remindersDue, so that bookings already reminded never crowd out those still waiting.
 */
export function reminderCandidates(db: Db, now: number, limit: number) {
  const paymentDue = sql`${sessionTypes.paymentReminder} = 1
    and ${bookings.amountCents} > ${bookings.paidCents}
    and ${windowOpen(sql`${sessionTypes.paymentReminderDays} * ${day}`, now)}
    and not ${queued("payment_reminder")}`;
  const sessionDue = sql`${studios.sessionReminderHours} > 0
    and ${windowOpen(sql`${studios.sessionReminderHours} * ${hour}`, now)}
    and not ${queued("session_reminder")}`;
  return db
    .select({
      booking: bookings,
      spot: { startsAt: spots.startsAt, endsAt: spots.endsAt },
      session: {
        id: sessions.id,
        name: sessions.name,
        timeZone: sessions.timeZone,
        location: sessions.location,
      },
      studio: {
        name: studios.name,
        paymentInstructions: studios.paymentInstructions,
        locale: studios.locale,
        bookingPageUrl: studios.bookingPageUrl,
        sessionReminderHours: studios.sessionReminderHours,
      },
      client: { name: clients.name, email: clients.email },
      paymentReminder: sessionTypes.paymentReminder,
      paymentReminderDays: sessionTypes.paymentReminderDays,
    })
    .from(bookings)
    .innerJoin(spots, eq(spots.id, bookings.spotId))
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(sessionTypes, eq(sessionTypes.id, sessions.sessionTypeId))
    .innerJoin(studios, eq(studios.id, bookings.studioId))
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .where(
      and(
        eq(bookings.status, "confirmed"),
        eq(sessions.status, "scheduled"),
        gt(spots.startsAt, now),
        sql`((${paymentDue}) or (${sessionDue}))`,
      ),
    )
    .orderBy(asc(spots.startsAt))
    .limit(limit);
}

import type { BatchItem } from "drizzle-orm/batch";
import { appointmentLinks } from "../domain/links.ts";
import { appointmentFacts, moneyFacts, paymentReminder, sessionReminder } from "../domain/messages.ts";
import { balanceDue } from "../domain/money.ts";
import { reminderKey, remindersDue } from "../domain/reminders.ts";
import { templateValues } from "../domain/templates.ts";
import { writeAll } from "../queries/batch.ts";
import { newClientLinkIfLastChanged } from "../queries/client-links.ts";
import { reminderCandidates } from "../queries/reminders.ts";
import { queueEmail } from "../services/outbox.ts";
import type { ActionContext } from "./context.ts";
import { clientLocale, howToPay, sessionMessage } from "./email-templates.ts";

/** At most this many bookings a run (one D1 batch); the next run, five minutes later, takes the rest. */
const perRun = 25;

/**
 * Queues the automatic payment and session reminders now due. The outbox's dedupe key makes each
 * go out once whatever the number of runs, and the client's fresh link is written only with it.
 */
export async function queueReminders(ctx: ActionContext): Promise<number> {
  const { db, publicUrl, now } = ctx;
  const rows = await reminderCandidates(db, now, perRun);
  const writes: BatchItem<"sqlite">[] = [];
  for (const r of rows) {
    const kinds = remindersDue(
      {
        status: r.booking.status,
        startsAt: r.spot.startsAt,
        confirmedAt: r.booking.confirmedAt,
        balanceCents: balanceDue(r.booking),
        paymentReminderDays: r.paymentReminder ? r.paymentReminderDays : null,
        sessionReminderHours: r.studio.sessionReminderHours,
      },
      now,
    );
    for (const kind of kinds) {
      const link = await newClientLinkIfLastChanged(db, r.booking.studioId, r.booking.id, now);
      const locale = await clientLocale(db, r.booking.studioId, r.booking, r.client.email);
      const facts = appointmentFacts(r.studio, r.session, r.spot, r.client, locale);
      const links = appointmentLinks(publicUrl, r.studio.bookingPageUrl, link.token);
      const money = moneyFacts(r.booking);
      const pay = howToPay(ctx, r.studio);
      const message = await sessionMessage(
        db,
        r.booking.studioId,
        r.session.id,
        kind,
        templateValues(facts, money, links, pay),
        () =>
          kind === "payment_reminder"
            ? paymentReminder(facts, money, links, ctx.stripe() ? undefined : r.studio.paymentInstructions)
            : sessionReminder(facts, links),
      );
      writes.push(
        queueEmail(
          db,
          {
            ...message,
            studioId: r.booking.studioId,
            bookingId: r.booking.id,
            kind,
            recipient: r.client.email,
            dedupeKey: reminderKey(kind, r.booking.id),
          },
          now,
        ),
        link.insert,
      );
    }
  }
  await writeAll(db, writes);
  return writes.length / 2;
}

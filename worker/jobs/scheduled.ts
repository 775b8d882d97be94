import { contextFor } from "../actions/context.ts";
import { expireLapsed } from "../actions/holds.ts";
import { sendDueMail } from "../actions/mail.ts";
import { queueReminders } from "../actions/reminders.ts";
import { offerFreeSpotsEverywhere } from "../actions/waitlist.ts";
import type { Bindings } from "../env.ts";
import { loadCatalogues } from "../services/catalogue-assets.ts";
import { mailerFor } from "../services/mail.ts";

/**
 * The cron's work, in order: free lapsed spots, queue the reminders now due, deliver mail (new and
 * retried). A failing job is logged and does not stop the others; the run still reports failure.
 */
export async function runScheduledJobs(env: Bindings, now: number): Promise<void> {
  // Offers, reminders and their mail speak each client's language.
  await loadCatalogues(env.ASSETS);
  const ctx = contextFor(env, now, env.PUBLIC_URL ?? "");
  const jobs: [string, () => Promise<unknown>][] = [
    ["expire lapsed bookings", () => expireLapsed(ctx)],
    // After the expiry: spots it freed, and offers that lapsed, go to the next in line.
    ["offer freed spots to waitlists", () => offerFreeSpotsEverywhere(ctx)],
    [
      "queue reminders",
      () => {
        // Links in reminders point at the Worker's public address; a cron run has no request to read it from.
        if (!ctx.publicUrl) throw new Error("PUBLIC_URL is not set, so reminders cannot link to bookings.");
        return queueReminders(ctx);
      },
    ],
    [
      "send mail",
      async () => {
        // No provider (`outbox`): mail stays queued, untouched, for the admin's mail viewer.
        const mailer = mailerFor(env);
        if (mailer) await sendDueMail(ctx.db, mailer, now);
      },
    ],
  ];
  const failures: unknown[] = [];
  for (const [name, job] of jobs) {
    try {
      await job();
    } catch (err) {
      console.error(`scheduled job failed: ${name}`, err);
      failures.push(err);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} scheduled job(s) failed`);
}

export const scheduled: ExportedHandlerScheduledHandler<Bindings> = (controller, env) =>
  runScheduledJobs(env, controller.scheduledTime);

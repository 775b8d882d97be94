import { inArray } from "drizzle-orm";
import { studios } from "../../db/schema.ts";
import { notFound } from "../domain/errors.ts";
import type { Db } from "../env.ts";
import { getMail, listMail, type Mail, type MailSummary } from "../queries/mail.ts";
import type { Mailer } from "../services/mail.ts";
import { giveUpStaleEmails, markAttemptFailed, markSent, takeDueEmails } from "../services/outbox.ts";
import type { StudioContext } from "./context.ts";

export const delivery = {
  /**
   * Each message costs a provider call and a D1 write: with the other jobs, a run stays under the
   * Workers Free plan's 50 subrequests. Every five minutes, that is 180 messages an hour.
   */
  perRun: 15,
  /** A message taken by a run that dies mid-send is retried after this. */
  leaseMs: 10 * 60_000,
  maxAttempts: 6,
  firstRetryMs: 5 * 60_000,
  /** Mail this old is not worth sending any more (a reminder after the session). */
  maxAgeMs: 3 * 24 * 3_600_000,
};

/** After the `attempts`-th failure: retry 5, 10, 20, 40 then 80 minutes later, then give up (null). */
export function retryAt(attempts: number, now: number): number | null {
  return attempts >= delivery.maxAttempts ? null : now + delivery.firstRetryMs * 2 ** (attempts - 1);
}

type Sender = { email: string | null; senderName: string | null };

/** Each studio's reply address (its email) and sender name. */
async function senders(db: Db, studioIds: string[]): Promise<Map<string, Sender>> {
  if (studioIds.length === 0) return new Map();
  const rows = await db
    .select({ id: studios.id, email: studios.email, senderName: studios.senderName })
    .from(studios)
    .where(inArray(studios.id, [...new Set(studioIds)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Delivers the queued mail that is due, one message at a time (providers limit rates). A failure
 * (an error answer, a timeout) leaves the message queued for a later retry with backoff, and
 * touches nothing else: bookings never wait on mail.
 */
export async function sendDueMail(
  db: Db,
  mailer: Mailer,
  now: number,
): Promise<{ sent: number; failed: number }> {
  await giveUpStaleEmails(db, now - delivery.maxAgeMs, "Not sent in time: too late to be useful.");
  const due = await takeDueEmails(db, now, now + delivery.leaseMs, delivery.perRun);
  const from = await senders(
    db,
    due.map((m) => m.studioId),
  );
  let sent = 0;
  for (const mail of due) {
    try {
      await mailer.send({
        id: mail.id,
        to: mail.recipient,
        replyTo: from.get(mail.studioId)?.email ?? null,
        fromName: from.get(mail.studioId)?.senderName ?? null,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        unsubscribeUrl: mail.unsubscribeUrl,
      });
      await markSent(db, mail.id, Date.now());
      sent++;
    } catch (err) {
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      await markAttemptFailed(db, mail.id, error.slice(0, 500), retryAt(mail.attempts, now));
    }
  }
  return { sent, failed: due.length - sent };
}

/** The studio's outbox, newest first: with the local mail provider, the only place mail goes. */
export const outboxOf = (ctx: StudioContext): Promise<MailSummary[]> => listMail(ctx.db, ctx.studio.id);

export async function messageOf(ctx: StudioContext, id: string): Promise<Mail> {
  const mail = await getMail(ctx.db, ctx.studio.id, id);
  if (!mail) throw notFound("message");
  return mail;
}

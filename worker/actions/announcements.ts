import type { BatchItem } from "drizzle-orm/batch";
import {
  type Audience,
  announcementValues,
  priceFrom,
  requireAnnounceable,
  sessionDates,
  splitAudience,
} from "../domain/announcements.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { announcedSessionUrl, unsubscribeUrl } from "../domain/links.ts";
import { formatWhen } from "../domain/messages.ts";
import { defaultTemplates, renderTemplate } from "../domain/templates.ts";
import {
  announcementsOf,
  audienceOf,
  clientByUnsubscribeToken,
  recordAnnouncement,
  unsubscribeClient,
} from "../queries/announcements.ts";
import { chosenTemplate } from "../queries/email-templates.ts";
import { getSessionType } from "../queries/session-types.ts";
import { getSessionDetails, type SessionDetails } from "../queries/sessions.ts";
import { queueEmailIfLastChanged } from "../services/outbox.ts";
import type { ActionContext, StudioContext } from "./context.ts";

/** "Announce this session": a Multi session's link emailed to chosen clients, once each. */

export type AudienceCounts = {
  /** How many would receive it now. */
  recipients: number;
  skipped: { alreadyAnnounced: number; unsubscribed: number };
};

/** The session to announce and the audience, split: refused when the session cannot be booked. */
async function planned(ctx: StudioContext, id: string, audience: Audience) {
  const details = await getSessionDetails(ctx.db, ctx.studio.id, id, ctx.now);
  if (!details) throw notFound("session");
  requireAnnounceable({ ...details.session, spots: details.spots }, ctx.now);
  if (
    audience.kind === "sessionType" &&
    !(await getSessionType(ctx.db, ctx.studio.id, audience.sessionTypeId))
  ) {
    throw invalid("audience.sessionTypeId", "Choose one of your session types.");
  }
  const split = splitAudience(await audienceOf(ctx.db, ctx.studio.id, id, audience));
  return { details, ...split };
}

/** Who was told of the session so far, and how many the audience would reach now. */
export async function announcementsOfSession(ctx: StudioContext, id: string, audience: Audience) {
  const { recipients, skipped } = await planned(ctx, id, audience);
  return {
    audience: { recipients: recipients.length, skipped } satisfies AudienceCounts,
    announcements: await announcementsOf(ctx.db, ctx.studio.id, id),
  };
}

/** The announcement's values for one client. */
function announcementValuesFor(
  ctx: StudioContext,
  details: SessionDetails,
  client: { name: string },
  unsubscribe: string,
) {
  const { studio } = ctx;
  const { session, spots } = details;
  const locale = studio.locale;
  const upcoming = spots.filter((s) => s.startsAt > ctx.now);
  const first = upcoming[0];
  return announcementValues({
    studioName: studio.name,
    sessionName: session.name,
    clientName: client.name,
    location: session.location,
    dates: sessionDates(upcoming, session.timeZone, locale),
    when: first ? formatWhen({ ...first, timeZone: session.timeZone, locale }) : "",
    priceFromCents: priceFrom(details.packages, session.packageId),
    currency: studio.currency,
    locale,
    link: announcedSessionUrl(ctx.publicUrl, studio.bookingPageUrl, session.slug),
    unsubscribeLink: unsubscribe,
  });
}

/** Clients per D1 batch (three statements each): a large audience is written in several. */
const clientsPerBatch = 100;

/**
 * Emails the session's link to each client of the audience not told of it yet and not
 * unsubscribed: each client's announcement row (unique per session and client), then, in the same
 * batch, their unsubscribe link and email only if that row was new. So a double click, a retry or
 * two tabs at once email nobody twice, and the answer counts what this call queued. The words are
 * the template the session (or its type) chose for announcements, else the default.
 */
export async function announceSession(ctx: StudioContext, id: string, audience: Audience) {
  const { db, studio, now } = ctx;
  const { details, recipients, skipped } = await planned(ctx, id, audience);
  const template = (await chosenTemplate(db, studio.id, id, "announcement")) ?? defaultTemplates.announcement;
  let sent = 0;
  for (let from = 0; from < recipients.length; from += clientsPerBatch) {
    const writes: BatchItem<"sqlite">[] = [];
    const emailAt: number[] = [];
    for (const client of recipients.slice(from, from + clientsPerBatch)) {
      const recorded = await recordAnnouncement(db, studio.id, id, client.id, now);
      const unsubscribe = unsubscribeUrl(ctx.publicUrl, recorded.token);
      const message = renderTemplate(template, announcementValuesFor(ctx, details, client, unsubscribe));
      writes.push(...recorded.writes);
      emailAt.push(writes.length);
      writes.push(
        queueEmailIfLastChanged(
          db,
          {
            ...message,
            studioId: studio.id,
            bookingId: null,
            kind: "announcement",
            recipient: client.email,
            unsubscribeUrl: unsubscribe,
          },
          now,
        ),
      );
    }
    const results = await db.batch(writes as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
    sent += emailAt.filter((i) => (results[i] as { meta: { changes: number } }).meta.changes === 1).length;
  }
  // Whom another click reached meanwhile, this call counts as already told (or unsubscribed).
  return {
    sent,
    skipped: { ...skipped, alreadyAnnounced: skipped.alreadyAnnounced + recipients.length - sent },
  };
}

/** What an unsubscribe link's page shows: the studio and whether the client already unsubscribed; null for no such link. */
export async function unsubscribeTarget(ctx: ActionContext, token: string) {
  const found = await clientByUnsubscribeToken(ctx.db, token);
  return found && { ...found, unsubscribed: found.client.unsubscribedAt !== null };
}

/** Stops the studio's announcements to the link's client (their booking emails still go out). */
export async function unsubscribe(ctx: ActionContext, token: string) {
  const target = await unsubscribeTarget(ctx, token);
  if (!target) return null;
  await unsubscribeClient(ctx.db, target.client.id, ctx.now);
  return { ...target, unsubscribed: true };
}

import { DomainError } from "../domain/errors.ts";
import { adminSessionUrl, calendarFeedUrl } from "../domain/links.ts";
import { balanceDue, formatMoney } from "../domain/money.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import type { Db } from "../env.ts";
import {
  deleteFeed,
  feedBookings,
  feedOf,
  replaceFeed,
  studioByFeedHash,
} from "../queries/calendar-feeds.ts";
import { type CalendarEvent, calendarFeed } from "../services/ics.ts";
import { statusOf } from "./calendar.ts";
import type { StudioContext } from "./context.ts";

/**
 * The studio's private calendar feed: one secret URL listing its bookings, for Google, Apple or
 * Outlook to subscribe to. Making a new one revokes the old; revoking makes its URL 404 at once.
 */

/** How far back the feed reaches: a year of past bookings, and all the future ones. */
const feedPastMs = 366 * 86_400_000;

const tentativeWords: Record<string, string> = {
  reserved: "Reserved, not confirmed yet",
  awaiting_confirmation: "Awaiting the client's confirmation",
  pending_payment: "Waiting for the online payment",
};

export type CalendarFeed = { url: string; token: string; createdAt: number };

/** A new feed URL, shown this once (only its hash is kept); any earlier URL stops working. */
export async function createCalendarFeed(ctx: StudioContext): Promise<CalendarFeed> {
  const token = randomToken("cal");
  await replaceFeed(ctx.db, ctx.studio.id, await sha256(token), ctx.now);
  return { url: calendarFeedUrl(ctx.publicUrl, token), token, createdAt: ctx.now };
}

export async function revokeCalendarFeed(ctx: StudioContext): Promise<void> {
  await deleteFeed(ctx.db, ctx.studio.id);
}

/** Whether the studio has a feed, and since when (its URL cannot be shown again). */
export const calendarFeedState = (ctx: StudioContext) => feedOf(ctx.db, ctx.studio.id);

/** The feed a token opens, as iCalendar; a token never made, or revoked, opens nothing. */
export async function calendarFeedFile(
  db: Db,
  token: string,
  now: number,
  publicUrl: string,
): Promise<string> {
  const studio = await studioByFeedHash(db, await sha256(token));
  if (!studio) throw new DomainError("not_found", "This calendar feed does not exist, or was turned off.");
  const rows = await feedBookings(db, studio.id, now, now - feedPastMs);
  const money = (cents: number, currency: string) => formatMoney(cents, currency, studio.locale);
  const events = rows.map(({ booking, spot, session, client, packageName }): CalendarEvent => {
    const balance = balanceDue(booking);
    const page = adminSessionUrl(publicUrl, session.id);
    const who = booking.visitorName ?? client?.name ?? "";
    return {
      uid: `${booking.id}@spotbook`,
      stamp: now,
      startsAt: spot.startsAt,
      endsAt: spot.endsAt,
      summary: `${who} — ${session.name}`,
      location: session.location,
      description: [
        `Client: ${who}${client ? ` <${client.email}>` : ""}${client?.phone ? `, ${client.phone}` : ""}`,
        packageName ? `Package: ${packageName}` : "",
        booking.seats > 1 ? `Seats: ${booking.seats}` : "",
        booking.status === "cancelled"
          ? "Cancelled"
          : balance > 0
            ? `Balance due: ${money(balance, booking.currency)} of ${money(booking.amountCents, booking.currency)}`
            : booking.amountCents > 0
              ? `Paid in full: ${money(booking.amountCents, booking.currency)}`
              : "",
        tentativeWords[booking.status] ?? "",
        `Session: ${page}`,
      ]
        .filter(Boolean)
        .join("\n"),
      url: page,
      status: statusOf(booking.status),
      sequence: booking.sequence,
    };
  });
  return calendarFeed(`${studio.name} — bookings`, events);
}

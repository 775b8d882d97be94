import { clientLinkUrl } from "../domain/links.ts";
import { balanceDue, formatMoney } from "../domain/money.ts";
import type { BookingView } from "../queries/bookings.ts";
import { type CalendarEvent, calendarFile } from "../services/ics.ts";
import { clientBooking } from "./bookings.ts";
import type { VisitorContext } from "./context.ts";

/** How a booking shows in a calendar: confirmed, cancelled (or lapsed), else not yet certain. */
export const statusOf = (status: BookingView["booking"]["status"]): CalendarEvent["status"] =>
  status === "confirmed"
    ? "CONFIRMED"
    : status === "cancelled" || status === "expired"
      ? "CANCELLED"
      : "TENTATIVE";

/** The booking as a calendar event; its link is the one the client opened the file with. */
function bookingEvent(v: BookingView, pageUrl: string, now: number): CalendarEvent {
  const pkg = v.packages.find((p) => p.id === v.booking.packageId);
  const balance = balanceDue(v.booking);
  return {
    uid: `${v.booking.id}@spotbook`,
    stamp: now,
    startsAt: v.spot.startsAt,
    endsAt: v.spot.endsAt,
    summary: `${v.session.name} — ${v.studio.name}`,
    location: v.session.location,
    description: [
      `${v.session.name} with ${v.studio.name}`,
      pkg ? `Package: ${pkg.name}` : "",
      balance > 0 ? `Balance due: ${formatMoney(balance, v.booking.currency, v.studio.locale)}` : "",
      `Your booking: ${pageUrl}`,
    ]
      .filter(Boolean)
      .join("\n"),
    url: pageUrl,
    status: statusOf(v.booking.status),
    sequence: v.booking.sequence,
    ...(v.studio.email && { organizer: { name: v.studio.name, email: v.studio.email } }),
  };
}

/** The client's appointment as an iCalendar file (RFC 5545), for Add to calendar. */
export async function bookingCalendar(ctx: VisitorContext, token: string): Promise<string> {
  const view = await clientBooking(ctx, token);
  const page = clientLinkUrl(ctx.publicUrl, view.studio.bookingPageUrl, token);
  return calendarFile(bookingEvent(view, page, ctx.now));
}

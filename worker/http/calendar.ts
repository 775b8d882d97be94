import { createRoute, z } from "@hono/zod-openapi";
import { clientLinkUrl } from "../domain/links.ts";
import { balanceDue, formatMoney } from "../domain/money.ts";
import type { BookingView } from "../queries/bookings.ts";
import { type CalendarEvent, calendarFile } from "../services/ics.ts";
import { createRouter } from "./app.ts";
import { TokenParam, viewByToken } from "./bookings.ts";
import { problems } from "./schemas.ts";
import { publicUrl } from "./urls.ts";

const statusOf = (status: BookingView["booking"]["status"]): CalendarEvent["status"] =>
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
  };
}

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/{token}/calendar.ics",
    tags: ["Public"],
    summary: "The appointment as an iCalendar file (RFC 5545), for Add to calendar",
    request: { params: TokenParam },
    responses: {
      200: { description: "The event", content: { "text/calendar": { schema: z.string() } } },
      ...problems(403, 404),
    },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const view = await viewByToken(c, token);
    const page = clientLinkUrl(publicUrl(c), view.studio.bookingPageUrl, token);
    return c.body(calendarFile(bookingEvent(view, page, Date.now())), 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="booking.ics"',
      "cache-control": "no-store",
    });
  },
);

export default router;

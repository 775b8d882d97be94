/** Where a client's link leads: the photographer's own booking page when set, else our hosted page. */
export const clientLinkUrl = (publicUrl: string, bookingPageUrl: string | null, token: string): string =>
  bookingPageLink(publicUrl, bookingPageUrl, "spotbook", token);

/**
 * A link the widget opens on the booking page by its parameter: `spotbook` (a booking),
 * `spotbook-waitlist` (a place on a waitlist) or `spotbook-offer` (a spot held for someone on it).
 */
export function bookingPageLink(
  publicUrl: string,
  bookingPageUrl: string | null,
  param: "spotbook" | "spotbook-waitlist" | "spotbook-offer",
  token: string,
): string {
  const url = new URL(bookingPageUrl ?? `${publicUrl}/book/`);
  url.searchParams.set(param, token);
  return url.toString();
}

/** The appointment as an iCalendar file; always on the Worker, whatever page the client books on. */
const calendarUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}/v1/bookings/${encodeURIComponent(token)}/calendar.ics`;

/** The two links every appointment email carries: the booking page and the calendar file. */
export type AppointmentLinks = { page: string; calendar: string };

export const appointmentLinks = (
  publicUrl: string,
  bookingPageUrl: string | null,
  token: string,
): AppointmentLinks => ({
  page: clientLinkUrl(publicUrl, bookingPageUrl, token),
  calendar: calendarUrl(publicUrl, token),
});

export const publicSessionUrl = (publicUrl: string, slug: string): string => `${publicUrl}/s/${slug}`;

/**
 * Where an announcement sends a client: the studio's booking page naming the session (a widget
 * there without a session of its own shows it), else the session's hosted page.
 */
export function announcedSessionUrl(publicUrl: string, bookingPageUrl: string | null, slug: string): string {
  if (!bookingPageUrl) return publicSessionUrl(publicUrl, slug);
  const url = new URL(bookingPageUrl);
  url.searchParams.set("spotbook-session", slug);
  return url.toString();
}

/** The page where a client stops a studio's announcements. */
export const unsubscribeUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}/unsubscribe/${encodeURIComponent(token)}`;

/** A session's page in the photographer's admin, for the studio's notices. */
export const adminSessionUrl = (publicUrl: string, sessionId: string): string =>
  `${publicUrl}/admin/sessions/${encodeURIComponent(sessionId)}`;

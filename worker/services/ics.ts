/** Appointments as RFC 5545 iCalendar: one booking's file ("Add to calendar") or a studio's feed. */

export type CalendarEvent = {
  /** Stable per booking, so importing the file again updates the event instead of adding one. */
  uid: string;
  stamp: number;
  startsAt: number;
  endsAt: number;
  summary: string;
  location: string;
  description: string;
  url: string;
  status: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
  /** Rises on every change (a move, a cancellation), so calendars take the newest version. */
  sequence: number;
  /** The studio, when it has an email: iTIP wants an organizer on a cancellation. */
  organizer?: { name: string; email: string };
};

const utf8 = new TextEncoder();

/** UTC in the form DTSTART wants: 20261017T133000Z. */
const icsInstant = (instant: number): string =>
  new Date(instant)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped, other controls dropped. */
export const escapeText = (value: string): string =>
  value
    .replace(/[\\;,]/g, (ch) => `\\${ch}`)
    .replace(/\r\n|\r|\n/g, "\\n")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters TEXT may not hold.
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, "");

/** Lines of at most 75 octets, continued after CRLF and a space, never splitting a character (3.1). */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8.encode(ch).length;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    if (octets + size > (pieces.length === 0 ? 75 : 74)) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

/** One VEVENT's content lines, unfolded. */
function eventLines(e: CalendarEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${icsInstant(e.stamp)}`,
    ...(e.organizer
      ? [`ORGANIZER;CN="${e.organizer.name.replace(/["\r\n]/g, "")}":mailto:${e.organizer.email}`]
      : []),
    `DTSTART:${icsInstant(e.startsAt)}`,
    `DTEND:${icsInstant(e.endsAt)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    `DESCRIPTION:${escapeText(e.description)}`,
    `URL:${e.url}`,
    `STATUS:${e.status}`,
    "END:VEVENT",
  ];
}

/** A VCALENDAR around `body`, folded, with CRLF line ends. */
const calendar = (head: string[], body: string[]): string =>
  `${[
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Spotbook//Booking Sessions//EN",
    "CALSCALE:GREGORIAN",
    ...head,
    ...body,
    "END:VCALENDAR",
  ]
    .map(foldLine)
    .join("\r\n")}\r\n`;

export function calendarFile(e: CalendarEvent): string {
  // A cancelled event is sent as a cancellation, so calendars drop it instead of keeping a ghost.
  return calendar([e.status === "CANCELLED" ? "METHOD:CANCEL" : "METHOD:PUBLISH"], eventLines(e));
}

/**
 * A subscribed calendar of many events (RFC 5545 with the de facto X-WR-CALNAME and refresh
 * hints Google, Apple and Outlook read). Times are UTC instants, so no VTIMEZONE is needed and
 * a change of daylight saving time cannot shift an event.
 */
export function calendarFeed(name: string, events: CalendarEvent[]): string {
  return calendar(
    [
      "METHOD:PUBLISH",
      `X-WR-CALNAME:${escapeText(name)}`,
      "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
      "X-PUBLISHED-TTL:PT1H",
    ],
    events.flatMap(eventLines),
  );
}

/** One appointment as an RFC 5545 iCalendar file, for "Add to calendar". */

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

export function calendarFile(e: CalendarEvent): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Spotbook//Booking Sessions//EN",
    "CALSCALE:GREGORIAN",
    // A cancelled event is sent as a cancellation, so calendars drop it instead of keeping a ghost.
    e.status === "CANCELLED" ? "METHOD:CANCEL" : "METHOD:PUBLISH",
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
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}

import { utcOffsetMinutes } from "./time.ts";

/**
 * How a spot reads to a visitor: its day and time in the visitor's language on the session's clock
 * (a photographer's 9:30 in New York is 9:30 for everyone), the zone's name, and its offset. The
 * widget shows these as they come: a phone's first `Intl.DateTimeFormat` loads the browser's date
 * data, tens of milliseconds of main thread before any time can show, while here the formatters
 * are built once per isolate. The offset lets the widget tell whether the visitor's clock reads
 * the same without building one (`getTimezoneOffset()` needs no Intl).
 */
export type SpotLabel = { day: string; time: string; zone: string; offsetMinutes: number };

// Same options as the widget's own formatters (widget/format.ts), which serve what has no label.
const dayOptions: Intl.DateTimeFormatOptions = { weekday: "long", month: "long", day: "numeric" };
const timeOptions: Intl.DateTimeFormatOptions = { hour: "numeric", minute: "2-digit" };
const zoneOptions: Intl.DateTimeFormatOptions = { timeZoneName: "long" };

type Formatters = { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat; zone: Intl.DateTimeFormat };
const built = new Map<string, Formatters>();
/** A visitor picks the locale (any tag a catalogue's language starts), so the cache is bounded. */
const mostBuilt = 64;

function formattersFor(locale: string, timeZone: string): Formatters {
  const key = `${locale}|${timeZone}`;
  let f = built.get(key);
  if (!f) {
    const make = (options: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(locale, { timeZone, ...options });
    f = { day: make(dayOptions), time: make(timeOptions), zone: make(zoneOptions) };
    if (built.size >= mostBuilt) built.clear();
    built.set(key, f);
  }
  return f;
}

/**
 * The labeller of one session's spots for one visitor's locale. A session's 200 spots share a
 * few days, times and offsets, so each is formatted once: per spot only its offset is read.
 */
export function spotLabeller(locale: string, timeZone: string): (startsAt: number) => SpotLabel {
  const f = formattersFor(locale, timeZone);
  const once = (format: (date: Date) => string) => {
    const seen = new Map<string, string>();
    return (key: string, date: Date) => {
      let label = seen.get(key);
      if (label === undefined) {
        label = format(date);
        seen.set(key, label);
      }
      return label;
    };
  };
  const day = once((date) => f.day.format(date));
  const time = once((date) => f.time.format(date));
  const zone = once(
    (date) => f.zone.formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? timeZone,
  );
  return (startsAt) => {
    const date = new Date(startsAt);
    const offsetMinutes = utcOffsetMinutes(startsAt, timeZone);
    // The wall clock, read as UTC: "2027-10-16T09:30" keys the day and the time.
    const wall = new Date(startsAt + offsetMinutes * 60_000).toISOString();
    return {
      day: day(wall.slice(0, 10), date),
      time: time(wall.slice(11, 16), date),
      zone: zone(String(offsetMinutes), date),
      offsetMinutes,
    };
  };
}

/**
 * Wall-clock times in a session's IANA zone <-> UTC instants, with Intl only (no tz database to
 * ship). Photographers type a local date and time; we store the instant.
 */

export type LocalDateTime = { date: string; time: string };

const dateShape = /^(\d{4})-(\d{2})-(\d{2})$/;
const timeShape = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidDate(date: string): boolean {
  const m = dateShape.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

export const isValidTime = (time: string): boolean => timeShape.test(time);

export function isValidTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's wall clock at an instant, as if it were UTC (ms). */
function wallClockMs(instant: number, zone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
}

/** The zone's offset from UTC at an instant in whole seconds, in ms (New York in winter: -5 h). */
const offsetAt = (instant: number, zone: string): number => wallClockMs(instant, zone) - instant;

/**
 * The zone's offset from UTC at an instant, in minutes, as the browser's `getTimezoneOffset()`
 * counts the other way round (New York in winter: -300; Chatham in its summer: +825).
 */
export const utcOffsetMinutes = (instant: number, zone: string): number =>
  Math.round(offsetAt(instant, zone) / 60_000);

const hour = 3600_000;
/**
 * How far either side of the wall time (read as UTC) the instants showing it can be: one offset
 * away, and no zone has ever been 16 h from UTC (Manila's -15:56 before 1845 comes closest).
 */
const searchReach = 18 * hour;
/**
 * Sampling the offset this often finds each offset in force near the wall time, because none
 * lasts nearly this short: the shortest stretch of one offset since 1900 is four days (Freetown,
 * 1939, in the full tz database; a week in the data Intl ships).
 */
const sampleStep = 12 * hour;

export class NonexistentLocalTime extends Error {}

/**
 * The instant of a local date and time, in any zone:
 * - a time the clocks skip (spring forward) does not exist there and throws NonexistentLocalTime;
 * - a time that happens twice (fall back) is the earlier of its two instants.
 * Every offset the zone uses near the wall time gives a candidate instant; the candidates whose
 * wall clock reads that time are its instants.
 */
export function localToUtc({ date, time }: LocalDateTime, zone: string): number {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const offsets = new Set<number>();
  for (let at = wall - searchReach; at <= wall + searchReach; at += sampleStep) {
    offsets.add(offsetAt(at, zone));
  }
  let earliest = Number.POSITIVE_INFINITY;
  for (const offset of offsets) {
    const instant = wall - offset;
    if (instant < earliest && wallClockMs(instant, zone) === wall) earliest = instant;
  }
  if (earliest === Number.POSITIVE_INFINITY) {
    throw new NonexistentLocalTime(`${date} ${time} does not exist in ${zone}: the clocks skip it.`);
  }
  return earliest;
}

/** The local date and time of an instant in a zone. */
export function utcToLocal(instant: number, zone: string): LocalDateTime {
  const iso = new Date(wallClockMs(instant, zone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

export const toIso = (instant: number): string => new Date(instant).toISOString();

/**
 * Which field a start that is not in the future is refused on: its date when that day is over
 * where the session is, else (today there) its time; null for a start still to come.
 */
export function pastStartField(
  startsAt: number,
  date: string,
  zone: string,
  now: number,
): "date" | "time" | null {
  if (startsAt > now) return null;
  return date < utcToLocal(now, zone).date ? "date" : "time";
}

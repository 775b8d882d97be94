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

/** The zone's offset from UTC at an instant, in ms (New York in winter: -5 h). */
const offsetAt = (instant: number, zone: string): number =>
  wallClockMs(Math.floor(instant / 1000) * 1000, zone) - Math.floor(instant / 1000) * 1000;

export class NonexistentLocalTime extends Error {}

/**
 * The instant of a local date and time. A time the clocks skip (spring forward) does not exist
 * and throws; a time that happens twice (fall back) is the first of the two.
 */
export function localToUtc({ date, time }: LocalDateTime, zone: string): number {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [h, mi] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // The offset a few hours either side brackets any transition; try the earlier one first.
  const candidates = [offsetAt(wall - 12 * 3600_000, zone), offsetAt(wall + 12 * 3600_000, zone)]
    .sort((a, b) => b - a)
    .map((offset) => wall - offset)
    .filter((instant) => wallClockMs(instant, zone) === wall);
  const first = candidates.sort((a, b) => a - b)[0];
  if (first === undefined) {
    throw new NonexistentLocalTime(`${date} ${time} does not exist in ${zone}: the clocks skip it.`);
  }
  return first;
}

/** The local date and time of an instant in a zone. */
export function utcToLocal(instant: number, zone: string): LocalDateTime {
  const iso = new Date(wallClockMs(instant, zone)).toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

export const toIso = (instant: number): string => new Date(instant).toISOString();

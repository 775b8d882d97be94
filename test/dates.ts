/**
 * Days for tests that schedule through the Worker, which refuses a start that has passed: each is
 * found from the real now, so the suite passes on any day it runs, and keeps what a fixed date was
 * chosen for. A month and day keep a zone's offset that day (16 October is on New York's summer
 * time every year, 5 March before it); a clock change is found where it falls that year.
 * Days are "YYYY-MM-DD", on the calendar (no zone).
 */

const dayMs = 86_400_000;

/** The day `days` after `date` (before it when negative). */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

/** The day `days` from now on `timeZone`'s calendar ("YYYY-MM-DD", as a date input takes it). */
export const inDays = (days: number, timeZone = "UTC"): string =>
  new Date(Date.now() + days * dayMs).toLocaleDateString("en-CA", { timeZone });

/**
 * The first day, at least `ahead` days after today, that `fits`. Today is UTC's, which is at most
 * a day from any zone's, so any `ahead` of 2 or more is still to come everywhere; the default
 * leaves every rule's lead time (notice, reminders, cut-offs: hours or a few days) well behind.
 */
export function nextDay(fits: (date: string) => boolean, ahead = 30): string {
  let date = inDays(ahead);
  for (let n = 0; n < 4000; n++, date = addDays(date, 1)) if (fits(date)) return date;
  throw new Error("no day in the next ten years fits");
}

/** The next `MM-DD` ("10-16"), at least `ahead` days away. */
export const nextMonthDay = (monthDay: string, ahead?: number): string =>
  nextDay((date) => date.slice(5) === monthDay, ahead);

/** Minutes `timeZone` is ahead of UTC at `instant`, as Intl reads it ("GMT-04:00", "GMT"). */
function offsetMinutes(timeZone: string, instant: number): number {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })
      .formatToParts(instant)
      .find((p) => p.type === "timeZoneName")?.value ?? "";
  const [, sign, h, m] = /^GMT(?:([+-])(\d\d):(\d\d))?$/.exec(name) ?? [];
  if (name === "" || (sign === undefined && name !== "GMT")) throw new Error(`no offset in "${name}"`);
  return sign === undefined ? 0 : (sign === "-" ? -1 : 1) * (Number(h) * 60 + Number(m));
}

/**
 * The next day the clocks in `timeZone` go `forward` (spring) or `back` (autumn), at least `ahead`
 * days away: New York's second Sunday of March, Berlin's last Sunday of March... Read at noon UTC,
 * after the small hours the zones of Europe and the Americas change in.
 */
export const nextClockChange = (timeZone: string, way: "forward" | "back", ahead?: number): string =>
  nextDay((date) => {
    const noon = (d: string) => offsetMinutes(timeZone, Date.parse(`${d}T12:00:00Z`));
    const change = noon(date) - noon(addDays(date, -1));
    return way === "forward" ? change > 0 : change < 0;
  }, ahead);

/** `date` as a reader in `locale` sees it, e.g. "Saturday, October 16, 2027" for the default options. */
export const dayText = (
  date: string,
  locale = "en-US",
  options: Intl.DateTimeFormatOptions = { weekday: "long", year: "numeric", month: "long", day: "numeric" },
): string =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(Date.parse(`${date}T12:00:00Z`));

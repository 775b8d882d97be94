import { invalid } from "./errors.ts";
import { localToUtc, NonexistentLocalTime, utcToLocal } from "./time.ts";

/**
 * Moving a whole session (rain on the day, or running late): by some minutes of elapsed time, or
 * to another date keeping every spot's wall-clock time and order in the session's zone, so a
 * 10:00 spot is at 10:00 on the new date whichever way the clocks changed in between.
 */
export type Shift = { minutes: number } | { date: string };

type Interval = { id: string; startsAt: number; endsAt: number };

const dayMs = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;
const dateOf = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);

/** Where each spot goes; a date move counts days from the first spot's date. */
export function shiftedSpots(spots: readonly Interval[], shift: Shift, zone: string): Interval[] {
  if ("minutes" in shift) {
    const by = shift.minutes * 60_000;
    return spots.map((s) => ({ id: s.id, startsAt: s.startsAt + by, endsAt: s.endsAt + by }));
  }
  const first = spots.reduce((a, b) => (b.startsAt < a.startsAt ? b : a), spots[0] as Interval);
  const days = dayNumber(shift.date) - dayNumber(utcToLocal(first.startsAt, zone).date);
  return spots.map((s) => {
    const local = utcToLocal(s.startsAt, zone);
    try {
      const startsAt = localToUtc({ date: dateOf(dayNumber(local.date) + days), time: local.time }, zone);
      return { id: s.id, startsAt, endsAt: startsAt + (s.endsAt - s.startsAt) };
    } catch (err) {
      if (err instanceof NonexistentLocalTime) {
        throw invalid("date", `On that date the clocks skip ${local.time}; choose another date.`);
      }
      throw err;
    }
  });
}

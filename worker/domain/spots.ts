import { localToUtc } from "./time.ts";

export type SpotPlan = {
  date: string;
  time: string;
  timeZone: string;
  spots: number;
  durationMinutes: number;
  breakMinutes: number;
  /** Workshops: every spot starts together. */
  sameTime?: boolean;
};

export type PlannedSpot = { startsAt: number; endsAt: number };

const minute = 60_000;

/**
 * The spots of a Multi session from its first local date and time. Sequential spots follow each
 * other in elapsed time (duration, then break), so across a daylight-saving change they neither
 * overlap nor stretch: the wall clock jumps, the photographer's hours do not.
 */
export function planSpots(plan: SpotPlan): PlannedSpot[] {
  const first = localToUtc({ date: plan.date, time: plan.time }, plan.timeZone);
  const length = plan.durationMinutes * minute;
  const step = plan.sameTime ? 0 : (plan.durationMinutes + plan.breakMinutes) * minute;
  return Array.from({ length: plan.spots }, (_, i) => {
    const startsAt = first + i * step;
    return { startsAt, endsAt: startsAt + length };
  });
}

/**
 * The first spot already there that a new one shares time with (sequential sessions must not), or
 * null. `exceptSeats`: a spot at exactly another's start and end is a workshop's seat, not a clash.
 */
export function firstOverlap<T extends PlannedSpot>(
  added: readonly PlannedSpot[],
  existing: readonly T[],
  options: { exceptSeats?: boolean } = {},
): T | null {
  for (const e of existing) {
    for (const a of added) {
      const seat = options.exceptSeats && a.startsAt === e.startsAt && a.endsAt === e.endsAt;
      if (!seat && a.startsAt < e.endsAt && e.startsAt < a.endsAt) return e;
    }
  }
  return null;
}

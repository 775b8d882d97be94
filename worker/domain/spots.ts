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

/**
 * A time of a session as visitors see it: the spots that start together are its seats (one for
 * mini sessions, ten for a workshop scheduled all at the same time). `id` is one of its spots,
 * a free one while any is, to hold by.
 */
export type SeatedTime = {
  id: string;
  startsAt: number;
  endsAt: number;
  seats: number;
  seatsLeft: number;
  available: boolean;
};

/**
 * Groups spots (sorted by start) into times, less the seats their live bookings take. A booking of
 * several seats sits on one spot, so the spots without a booking can outnumber the seats left. A
 * time that has started at `now` is not available.
 */
export function seatedTimes(
  spots: readonly { id: string; startsAt: number; endsAt: number }[],
  live: readonly { spotId: string; seats: number }[],
  now: number,
): SeatedTime[] {
  const seatsOn = new Map(live.map((b) => [b.spotId, b.seats]));
  const times: (SeatedTime & { taken: number })[] = [];
  for (const spot of spots) {
    let time = times.at(-1);
    if (time?.startsAt !== spot.startsAt) {
      time = { ...spot, seats: 0, seatsLeft: 0, available: false, taken: 0 };
      times.push(time);
    }
    const taken = seatsOn.get(spot.id);
    time.seats += 1;
    time.taken += taken ?? 0;
    // Hold by a spot nobody sits on, so a reservation or reschedule naming it finds it free.
    if (taken === undefined && seatsOn.has(time.id)) time.id = spot.id;
  }
  return times.map(({ taken, ...time }) => {
    const seatsLeft = Math.max(0, time.seats - taken);
    // A time that has started is not bookable, whatever its seats.
    return { ...time, seatsLeft, available: seatsLeft > 0 && time.startsAt > now };
  });
}

import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { Spot } from "../schemas.ts";

/** Consecutive spots on the same day in the session's zone (the API sorts them by start). */
export function groupByDay(format: Format, spots: Spot[]): { day: string; spots: Spot[] }[] {
  const days: { day: string; spots: Spot[] }[] = [];
  for (const spot of spots) {
    const day = format.day(spot.startsAt);
    const last = days.at(-1);
    if (last?.day === day) last.spots.push(spot);
    else days.push({ day, spots: [spot] });
  }
  return days;
}

/** What a time's button says after the time: nothing, Taken, or its seats (a workshop). */
export const spotState = (spot: Spot) =>
  spot.seats > 1
    ? spot.available
      ? t("seatsLeft", { count: spot.seatsLeft, seats: spot.seats })
      : t("full")
    : spot.available
      ? ""
      : t("taken");

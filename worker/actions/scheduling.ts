import { DomainError, invalid, refusal } from "../domain/errors.ts";
import { formatWhen } from "../domain/messages.ts";
import { type LocalDateTime, NonexistentLocalTime, pastStartField } from "../domain/time.ts";
import type { StudioContext } from "./context.ts";

/** The refusals every scheduling action shares: skipped local times, past starts, overlaps. */

/** A local date and time that the clocks skip is refused on the field it came from. */
export function refusingSkippedTimes<T>(plan: () => T): T {
  try {
    return plan();
  } catch (err) {
    if (err instanceof NonexistentLocalTime) throw invalid("time", err.message);
    throw err;
  }
}

/**
 * Sessions and spots are scheduled ahead: a first start at or before now is refused on the date
 * when that day is over in the session's zone, else on the time.
 */
export function refusingPastStart(
  ctx: StudioContext,
  startsAt: number,
  local: LocalDateTime,
  timeZone: string,
): void {
  const field = pastStartField(startsAt, local.date, timeZone, ctx.now);
  if (field === "date") throw invalid("date", "That date has passed; choose today or a later day.");
  if (field === "time") throw invalid("time", "That time has passed today; choose a later time.");
}

/** New or moved spots overlap one the session has: the refusal names it, in the session's time. */
export function overlapRefusal(
  existing: { startsAt: number; endsAt: number },
  zoned: { timeZone: string; locale: string },
): DomainError {
  const when = formatWhen({ ...existing, ...zoned });
  return refusal(
    "spots_overlap",
    `These times overlap the spot of ${when}.`,
    "time",
    `These times overlap the spot of ${when}: choose a time after it, or another day.`,
  );
}

/** A change that only a scheduled session takes. */
export function requireScheduled(session: { status: "scheduled" | "cancelled" }): void {
  if (session.status === "cancelled") {
    throw new DomainError("session_cancelled", "This session is cancelled, so it can no longer change.");
  }
}

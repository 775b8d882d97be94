import { type CancelMoney, cancelMoneyOutcomes } from "../../db/schema.ts";
import { DomainError } from "./errors.ts";
import { localToUtc, NonexistentLocalTime, utcToLocal } from "./time.ts";

/**
 * The studio's rules for booking, moving and cancelling a spot: set per session type, any of them
 * overridden per session. Cut-offs count hours on the session's wall clock ("48 hours before a
 * Sunday 10:00 spot" is Friday 10:00 there, whichever way the clocks changed in between), since
 * that is how a client reads them. Every check is strict: at the cut-off itself it is too late.
 */
export type BookingRules = {
  /** A spot can be booked until this many hours before it starts (0: until it starts). */
  noticeHours: number;
  /** Booking opens and closes at these instants (a session's own announcement); null: no limit. */
  opensAt: number | null;
  closesAt: number | null;
  rescheduleAllowed: boolean;
  /** Moves are possible until this many hours before the booked spot. */
  rescheduleHours: number;
  /** How many times a client may move one booking. */
  rescheduleMax: number;
  cancelAllowed: boolean;
  /** Cancelling is possible until this many hours before the booked spot. */
  cancelHours: number;
  /** What becomes of money paid on a cancellation. */
  cancelMoney: CancelMoney;
};

export { cancelMoneyOutcomes };

export const defaultRules: BookingRules = {
  noticeHours: 0,
  opensAt: null,
  closesAt: null,
  rescheduleAllowed: true,
  rescheduleHours: 24,
  rescheduleMax: 1,
  cancelAllowed: true,
  cancelHours: 48,
  cancelMoney: "credit",
};

const ruleNames = Object.keys(defaultRules) as (keyof BookingRules)[];

/** The rules that apply to a session: its own overrides over its type's, over the defaults. */
export function effectiveRules(
  typeRules: Partial<BookingRules> | null,
  sessionRules: Partial<BookingRules> | null,
): BookingRules {
  const rules = { ...defaultRules } as Record<keyof BookingRules, unknown>;
  for (const layer of [typeRules, sessionRules]) {
    for (const name of ruleNames) {
      if (layer && layer[name] !== undefined) rules[name] = layer[name];
    }
  }
  return rules as BookingRules;
}

const hourMs = 3_600_000;

/**
 * The instant `hours` before `startsAt` on the wall clock of `zone`. A wall time the clocks skip
 * is read as the same distance from the hour after it, so the cut-off never vanishes.
 */
export function cutOff(startsAt: number, hours: number, zone: string): number {
  if (hours === 0) return startsAt;
  const { date, time } = utcToLocal(startsAt, zone);
  const wall = Date.parse(`${date}T${time}:00Z`) - hours * hourMs;
  const at = (ms: number) => {
    const iso = new Date(ms).toISOString();
    return localToUtc({ date: iso.slice(0, 10), time: iso.slice(11, 16) }, zone);
  };
  try {
    return at(wall);
  } catch (err) {
    if (!(err instanceof NonexistentLocalTime)) throw err;
    return at(wall + hourMs) - hourMs;
  }
}

/** Whether a visitor may book (hold) a spot starting at `startsAt`; throws the refusal if not. */
export function requireBookable(rules: BookingRules, spot: { startsAt: number; zone: string }, now: number) {
  if (rules.opensAt !== null && now < rules.opensAt) {
    throw new DomainError("booking_not_open", "Booking for this session has not opened yet.");
  }
  if (rules.closesAt !== null && now >= rules.closesAt) {
    throw new DomainError("booking_closed", "Booking for this session has closed.");
  }
  if (now >= cutOff(spot.startsAt, rules.noticeHours, spot.zone)) {
    throw new DomainError(
      "too_late",
      `This spot must be booked at least ${hoursWords(rules.noticeHours)} ahead; pick a later one.`,
    );
  }
}

export const isBookable = (rules: BookingRules, spot: { startsAt: number; zone: string }, now: number) => {
  try {
    requireBookable(rules, spot, now);
    return true;
  } catch (err) {
    if (err instanceof DomainError) return false;
    throw err;
  }
};

/** Whether a client may move their booking now, from the spot they have. */
export function requireReschedulable(
  rules: BookingRules,
  booking: { startsAt: number; zone: string; rescheduleCount: number },
  now: number,
) {
  if (!rules.rescheduleAllowed) {
    throw new DomainError("reschedule_not_allowed", "This studio does not let bookings be moved online.");
  }
  if (booking.rescheduleCount >= rules.rescheduleMax) {
    throw new DomainError(
      "reschedule_limit_reached",
      `This booking was already moved ${timesWords(booking.rescheduleCount)}, as often as the studio allows.`,
    );
  }
  if (now >= cutOff(booking.startsAt, rules.rescheduleHours, booking.zone)) {
    throw new DomainError(
      "too_late",
      `Bookings can be moved until ${hoursWords(rules.rescheduleHours)} before; please contact the studio.`,
    );
  }
}

/** Whether a client may cancel their booking now. */
export function requireCancellable(
  rules: BookingRules,
  booking: { startsAt: number; zone: string },
  now: number,
) {
  if (!rules.cancelAllowed) {
    throw new DomainError("cancel_not_allowed", "This studio does not let bookings be cancelled online.");
  }
  if (now >= cutOff(booking.startsAt, rules.cancelHours, booking.zone)) {
    throw new DomainError(
      "too_late",
      `Bookings can be cancelled until ${hoursWords(rules.cancelHours)} before; please contact the studio.`,
    );
  }
}

/** What a cancellation does with what was paid. */
export const moneyOnCancel = (rules: BookingRules, paidCents: number) => ({
  outcome: rules.cancelMoney,
  amountCents: paidCents,
});

const hoursWords = (h: number) =>
  h % 24 === 0 && h > 0 ? `${h / 24} day${h === 24 ? "" : "s"}` : `${h} hour${h === 1 ? "" : "s"}`;
const timesWords = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);

const moneyWords: Record<CancelMoney, string> = {
  refund: "what you paid is refunded",
  keep: "what you paid is kept by the studio",
  credit: "what you paid is kept as credit toward a later session with the studio",
};

/** The rules in plain words, as a visitor reads them before booking. */
export function describeRules(rules: BookingRules, where: { timeZone: string; locale: string }): string[] {
  const moment = (instant: number) =>
    new Intl.DateTimeFormat(where.locale, {
      timeZone: where.timeZone,
      dateStyle: "full",
      timeStyle: "short",
    }).format(instant);
  const lines: string[] = [];
  if (rules.opensAt !== null) lines.push(`Booking opens ${moment(rules.opensAt)}.`);
  if (rules.closesAt !== null) lines.push(`Booking closes ${moment(rules.closesAt)}.`);
  if (rules.noticeHours > 0) lines.push(`Book at least ${hoursWords(rules.noticeHours)} ahead.`);
  lines.push(
    rules.rescheduleAllowed && rules.rescheduleMax > 0
      ? `You can move your booking to another free time of the session ${timesWords(rules.rescheduleMax)}, up to ${hoursWords(rules.rescheduleHours)} before it.`
      : "Bookings cannot be moved online.",
  );
  lines.push(
    rules.cancelAllowed
      ? `You can cancel up to ${hoursWords(rules.cancelHours)} before; ${moneyWords[rules.cancelMoney]}.`
      : "Bookings cannot be cancelled online.",
  );
  return lines;
}

/** A short, stable version of a set of rules (FNV-1a of its canonical JSON), recorded on each booking. */
export function rulesVersion(rules: BookingRules): string {
  const canonical = JSON.stringify(ruleNames.map((name) => [name, rules[name]]));
  let hash = 0x811c9dc5;
  for (let i = 0; i < canonical.length; i++) {
    hash ^= canonical.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `r1-${hash.toString(16).padStart(8, "0")}`;
}

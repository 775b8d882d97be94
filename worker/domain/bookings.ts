import { type BookingStatus, liveStatuses } from "../../db/schema.ts";
import { DomainError } from "./errors.ts";

/**
 * The booking state machine. Visitors: held -> pending_payment -> confirmed (or held -> confirmed
 * when nothing is due online). Photographers: reserved -> awaiting_confirmation -> confirmed.
 * Any live booking can be cancelled; held and pending_payment expire. The SQL guards of every
 * write (queries/bookings.ts) are built from the same lists, so the two can never disagree.
 */
export type BookingState = { status: BookingStatus; expiresAt: number | null };

/** Live only until `expiresAt`; then every read treats the spot as free. */
export const expiringStatuses = ["held", "pending_payment"] as const satisfies readonly BookingStatus[];
/** Live until someone acts. */
export const lastingStatuses = [
  "reserved",
  "awaiting_confirmation",
  "confirmed",
] as const satisfies readonly BookingStatus[];

/** Which statuses each operation may start from. */
export const transitions = {
  /** A visitor turns their live hold into a booking (or a pending payment). */
  book: ["held"],
  /** A visitor lets go of their hold. */
  release: ["held"],
  /** The client confirms what the photographer set up for them (or a Single's client changes). */
  confirm: ["reserved", "awaiting_confirmation"],
  /** Anyone cancels what occupies a spot. */
  cancel: liveStatuses,
  /** Money taken by hand counts on a booking the photographer made, or one that is confirmed. */
  takePayment: lastingStatuses,
  /** A paid Checkout lands on anything not cancelled: a late payment may revive a lapsed booking. */
  payOnline: ["held", "pending_payment", "reserved", "awaiting_confirmation", "confirmed", "expired"],
  /** The client moves their booking to another spot of the session, or cancels it themselves. */
  move: lastingStatuses,
  clientCancel: lastingStatuses,
  /** Lapsed holds and pending payments are marked expired. */
  expire: expiringStatuses,
} as const satisfies Record<string, readonly BookingStatus[]>;

export type Transition = keyof typeof transitions;

export const can = (transition: Transition, status: BookingStatus): boolean =>
  (transitions[transition] as readonly BookingStatus[]).includes(status);

/** Whether a booking occupies its spot at `now`: lasting ones always, expiring ones until they expire. */
export function occupiesSpot(b: BookingState, now: number): boolean {
  if (can("takePayment", b.status)) return true;
  return can("expire", b.status) && b.expiresAt !== null && b.expiresAt > now;
}

export const isHoldAlive = (b: BookingState, now: number): boolean =>
  b.status === "held" && b.expiresAt !== null && b.expiresAt > now;

const words = (status: BookingStatus) => status.replace(/_/g, " ");

/**
 * The refusal for a booking that cannot do what was asked because of its status: each status its
 * own code, so an integrator can tell a cancelled booking from one still being paid for.
 */
export function refusalFor(status: BookingStatus, asked: string): DomainError {
  switch (status) {
    case "confirmed":
      return new DomainError(
        "already_confirmed",
        `This booking is already confirmed, so it cannot ${asked}.`,
      );
    case "cancelled":
      return new DomainError("booking_cancelled", `This booking was cancelled, so it cannot ${asked}.`);
    case "expired":
      return new DomainError("booking_expired", `This booking expired, so it cannot ${asked}.`);
    case "held":
    case "pending_payment":
      return new DomainError(
        "booking_in_progress",
        `This booking is still ${words(status)}, so it cannot ${asked} yet.`,
      );
    default:
      return new DomainError("not_confirmed", `This booking is ${words(status)}, so it cannot ${asked} yet.`);
  }
}

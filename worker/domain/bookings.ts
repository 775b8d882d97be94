import type { BookingStatus } from "../../db/schema.ts";

/**
 * The booking state machine. Visitors: held -> pending_payment -> confirmed (or held -> confirmed
 * when nothing is due online). Photographers: reserved -> awaiting_confirmation -> confirmed.
 * Any live booking can be cancelled; held and pending_payment expire.
 */
export type BookingState = { status: BookingStatus; expiresAt: number | null };

const expiring: readonly BookingStatus[] = ["held", "pending_payment"];
const lasting: readonly BookingStatus[] = ["reserved", "awaiting_confirmation", "confirmed"];

/** Whether a booking occupies its spot at `now`: lasting ones always, expiring ones until they expire. */
export function occupiesSpot(b: BookingState, now: number): boolean {
  if (lasting.includes(b.status)) return true;
  return expiring.includes(b.status) && b.expiresAt !== null && b.expiresAt > now;
}

export const isHoldAlive = (b: BookingState, now: number): boolean =>
  b.status === "held" && b.expiresAt !== null && b.expiresAt > now;

/** A client can confirm what the photographer put them down for. */
export const canConfirm = (status: BookingStatus): boolean =>
  status === "reserved" || status === "awaiting_confirmation";

export const canCancel = (b: BookingState, now: number): boolean => occupiesSpot(b, now);

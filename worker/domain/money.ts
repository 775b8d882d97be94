/** Money is an integer in minor units; these rules decide what a client owes and when. */
import { type PricedPackage, quote, quotedAmounts } from "./pricing.ts";

export type Amounts = { amountCents: number; depositCents: number; paidCents: number };

/** What is still owed in all. */
export const balanceDue = ({ amountCents, paidCents }: Amounts): number =>
  Math.max(0, amountCents - paidCents);

/** What must be paid to secure the booking now: the deposit, or the full price when there is none. */
export function dueAtBooking(a: Amounts): number {
  const upFront = a.depositCents > 0 ? Math.min(a.depositCents, a.amountCents) : a.amountCents;
  return Math.max(0, upFront - a.paidCents);
}

/** An amount of money in a currency: what a Checkout asked for. */
export type Charge = { amountCents: number; currency: string };

/**
 * A paid Checkout counts only as exactly what it asked for, in that currency: less leaves the
 * booking unpaid, more is money nobody asked for, and an amount Stripe does not state is neither.
 * (The payment's batch decides the same in SQL; see queries/payments.ts applyPaidCheckout.)
 */
export const paysAsAsked = (asked: Charge, paid: { amountCents: number | null; currency: string }): boolean =>
  paid.amountCents !== null && paid.amountCents === asked.amountCents && paid.currency === asked.currency;

/** Minor units per major unit for a currency (JPY 1, USD 100, KWD 1000). */
export function minorUnitsPerMajor(currency: string): number {
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

export function formatMoney(cents: number, currency: string, locale = "en-US"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(
    cents / minorUnitsPerMajor(currency),
  );
}

/**
 * What a booking on a package costs with nothing added (its people included, no add-on, no code)
 * for its seats (the price and deposit are per seat), with what was paid so far; no package costs
 * nothing yet. Amounts come from pricing.ts `quote`.
 */
export const packageAmounts = (pkg: PricedPackage | null, paidCents = 0, seats = 1): Amounts =>
  pkg ? quotedAmounts(quote(pkg, { seats }), paidCents) : { amountCents: 0, depositCents: 0, paidCents };

import type { Amounts } from "./money.ts";
import type { MoneyWord } from "./money-lines.ts";
import type { Line, Quote } from "./pricing.ts";

/**
 * The lines one Stripe Checkout asks for. They always sum to exactly what it charges, and none is
 * negative (Stripe refuses a negative line).
 *
 * The rule, stated once: a Checkout for a booking's whole amount, with nothing paid before, is
 * itemized: the package, extra people and each add-on, a code's discount taken off those lines in
 * proportion to their amounts (largest remainder, so the minor units add up), and tax added on top
 * as a line of its own (tax included in the prices is only said, on the package's line). Any other
 * Checkout (a deposit, a balance, what a client's credit left) is one line: it pays toward the
 * booking as a whole, not for a part of it.
 *
 * The lines Spotbook names itself (extra people, tax) are in the client's language, from the
 * visitor catalogues; the quote keeps its English labels, as stored.
 */

/** The catalogue's words for those lines, in the booking's locale (see `visitorWords`). */
export type LineWords = (key: MoneyWord, params?: Record<string, string | number>) => string;

export type ChargeLine =
  /** `of`: the quantity a line stands for when it is one of "n × label" (its amount did not divide). */
  | { kind: Line["kind"]; label: string; quantity: number; unitCents: number; of?: number }
  | { kind: "tax"; label: string; quantity: 1; unitCents: number }
  /** The single line of a deposit, a balance, or a booking priced without a quote. */
  | { kind: "whole"; label: string; quantity: 1; unitCents: number };

/** `total` split over `weights` in proportion, in whole minor units that add up to it exactly. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = BigInt(weights.reduce((a, b) => a + b, 0));
  if (sum === 0n) return weights.map(() => 0);
  // In BigInt: total × weight passes 2^53 for large amounts. Floors first, then the largest remainders get one more.
  const parts = weights.map((w, i) => ({ i, product: BigInt(total) * BigInt(w) }));
  const shares = parts.map(({ product }) => Number(product / sum));
  let left = total - shares.reduce((a, b) => a + b, 0);
  const remainder = (p: { product: bigint }) => p.product % sum;
  for (const { i } of [...parts].sort((a, b) =>
    remainder(b) > remainder(a) ? 1 : remainder(b) < remainder(a) ? -1 : a.i - b.i,
  )) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

/** A quote's lines less their part of the discount; one whose amount no longer divides by its quantity becomes one of "n × label". */
function discountedLines(q: Quote, say: LineWords): ChargeLine[] {
  const off = apportion(
    q.discountCents,
    q.lines.map((l) => l.totalCents),
  );
  return q.lines.flatMap((l, i): ChargeLine[] => {
    const cents = l.totalCents - (off[i] ?? 0);
    if (cents <= 0) return [];
    // Extra people are one line, "2 additional people", as the price shows them everywhere else.
    if (l.kind === "people") {
      return [
        { kind: l.kind, label: say("extraPeople", { count: l.quantity }), quantity: 1, unitCents: cents },
      ];
    }
    return cents % l.quantity === 0
      ? [{ kind: l.kind, label: l.label, quantity: l.quantity, unitCents: cents / l.quantity }]
      : [{ kind: l.kind, label: l.label, quantity: 1, unitCents: cents, of: l.quantity }];
  });
}

export const lineTotal = (lines: ChargeLine[]): number =>
  lines.reduce((sum, l) => sum + l.quantity * l.unitCents, 0);

export function chargeLines(
  quote: Quote | null | undefined,
  amounts: Amounts,
  dueCents: number,
  say: LineWords,
): ChargeLine[] {
  const whole = quote && amounts.paidCents === 0 && dueCents === quote.amountCents && quote.amountCents > 0;
  if (!whole) return [{ kind: "whole", label: "", quantity: 1, unitCents: dueCents }];
  const lines = discountedLines(quote, say);
  if (!quote.taxInclusive && quote.taxCents > 0) {
    lines.push({ kind: "tax", label: say("tax"), quantity: 1, unitCents: quote.taxCents });
  }
  return lines;
}

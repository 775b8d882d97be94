import type { Line, Quote } from "./pricing.ts";

/**
 * A booking's money as both sides see it, line by line: the package, extra people, each add-on,
 * the code's discount (negative), the tax, and the total. Tax added on top is a line that counts;
 * tax the prices include is only said ("incl. €3.19 VAT"), so the counted lines always sum to the
 * total. Every place that shows money (widget, hosted pages, emails, admin) shows these.
 */

export type Shown = Pick<
  Quote,
  "couponCode" | "discountCents" | "taxCents" | "taxInclusive" | "amountCents"
> & {
  lines: Pick<Line, "kind" | "label" | "quantity" | "totalCents">[];
};

export type MoneyLine =
  | { kind: "package" | "people" | "add_on"; label: string; quantity: number; cents: number }
  | { kind: "discount"; code: string | null; cents: number }
  | { kind: "tax"; inclusive: boolean; cents: number }
  | { kind: "total"; cents: number };

export function moneyLines(q: Shown): MoneyLine[] {
  return [
    ...q.lines.map((l) => ({ kind: l.kind, label: l.label, quantity: l.quantity, cents: l.totalCents })),
    ...(q.discountCents > 0
      ? [{ kind: "discount" as const, code: q.couponCode, cents: -q.discountCents }]
      : []),
    ...(q.taxCents > 0 ? [{ kind: "tax" as const, inclusive: q.taxInclusive, cents: q.taxCents }] : []),
    { kind: "total", cents: q.amountCents },
  ];
}

/** Whether a line adds to the total: all but the total itself and a tax the prices include. */
export const counts = (l: MoneyLine): boolean => l.kind !== "total" && !(l.kind === "tax" && l.inclusive);

/** Whether there is more to say than one price: extras, a discount or a tax. */
export const itemized = (q: Shown): boolean => q.lines.length > 1 || q.discountCents > 0 || q.taxCents > 0;

/** The catalogue keys the rows use (worker/domain/catalogues, in every language). */
export type MoneyWord = "extraPeople" | "discountCode" | "tax" | "taxIncluded" | "total";

/**
 * The lines as label and value, in the visitor's words (`say` reads the catalogue) and money
 * (`money` formats minor units in the booking's currency).
 */
export function moneyRows(
  q: Shown,
  money: (cents: number) => string,
  say: (key: MoneyWord, params?: Record<string, string | number>) => string,
): { label: string; value: string }[] {
  return moneyLines(q).map((l) => {
    switch (l.kind) {
      case "people":
        return { label: say("extraPeople", { count: l.quantity }), value: money(l.cents) };
      case "package":
      case "add_on":
        return { label: l.quantity > 1 ? `${l.label} × ${l.quantity}` : l.label, value: money(l.cents) };
      case "discount":
        return { label: say("discountCode", { code: l.code ?? "" }), value: `−${money(-l.cents)}` };
      case "tax":
        return {
          label: say("tax"),
          value: l.inclusive ? say("taxIncluded", { amount: money(l.cents) }) : `+ ${money(l.cents)}`,
        };
      default:
        return { label: say("total"), value: money(l.cents) };
    }
  });
}

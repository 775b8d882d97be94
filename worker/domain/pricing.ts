import { invalid } from "./errors.ts";
import type { Amounts } from "./money.ts";

/**
 * What a booking costs, line by line: the package, extra people, add-ons, a code's discount and
 * the studio's tax. Every amount a booking stores, shows or asks Stripe for comes from `quote`.
 *
 * Rounding, stated once: a percentage (a code's, a tax rate's) is taken of a whole amount in minor
 * units and rounded to the nearest minor unit, halves up, once per booking (never per line).
 *
 * Deposit: the package's deposit, whatever people, add-ons, code or tax add or take away, and never
 * more than the total; the rest is the balance. No deposit means the total is due at booking.
 */

export type AddOn = { id: string; name: string; priceCents: number; maxPerBooking: number | null };

export type PricedPackage = {
  name?: string;
  priceCents: number;
  depositCents: number;
  /** People the price covers; each one more costs `extraPersonCents`, up to `maxPeople` in all. */
  peopleIncluded?: number;
  extraPersonCents?: number;
  maxPeople?: number;
  addOns?: AddOn[];
};

/** What the visitor chose: how many people, seats of a workshop's time, and each add-on. */
export type Choices = {
  people?: number | undefined;
  /** Seats the booking takes at its time; the package's price and deposit are per seat. */
  seats?: number | undefined;
  addOns?: { id: string; quantity: number }[] | undefined;
};

export type Discount = { code: string; kind: "percent" | "amount"; value: number };
export type Tax = { rateBasisPoints: number; inclusive: boolean };

export type Line = {
  kind: "package" | "people" | "add_on";
  /** The add-on's id for an add-on line. */
  id?: string;
  label: string;
  quantity: number;
  unitCents: number;
  totalCents: number;
};

/** A booking's amounts with how they came about, as stored on the booking and shown to both sides. */
export type Quote = {
  people: number;
  lines: Line[];
  subtotalCents: number;
  couponCode: string | null;
  discountCents: number;
  taxCents: number;
  taxInclusive: boolean;
  amountCents: number;
  depositCents: number;
};

/** An add-on taken without a limit is still capped, so nobody books 10⁹ prints by accident. */
export const addOnCeiling = 20;

/** `basisPoints` of `cents` (1 % = 100), rounded to the nearest minor unit, halves up. */
export const percentOf = (cents: number, basisPoints: number): number =>
  Math.floor((cents * basisPoints + 5000) / 10000);

export const maxPeopleOf = (p: PricedPackage): number => Math.max(p.maxPeople ?? 1, p.peopleIncluded ?? 1);

function peopleLine(p: PricedPackage, people: number): Line[] {
  const extra = people - (p.peopleIncluded ?? 1);
  const unitCents = p.extraPersonCents ?? 0;
  return extra > 0 && unitCents > 0
    ? [
        {
          kind: "people",
          label: "Additional person",
          quantity: extra,
          unitCents,
          totalCents: extra * unitCents,
        },
      ]
    : [];
}

function addOnLines(p: PricedPackage, chosen: NonNullable<Choices["addOns"]>): Line[] {
  const offered = p.addOns ?? [];
  const seen = new Set<string>();
  return chosen.flatMap(({ id, quantity }, i) => {
    const addOn = offered.find((a) => a.id === id);
    if (!addOn || seen.has(id))
      throw invalid(`addOns.${i}.id`, "That add-on is not offered with this package.");
    seen.add(id);
    const max = addOn.maxPerBooking ?? addOnCeiling;
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > max) {
      throw invalid(`addOns.${i}.quantity`, `Choose from 0 to ${max} of ${addOn.name}.`);
    }
    if (quantity === 0) return [];
    return [
      {
        kind: "add_on" as const,
        id,
        label: addOn.name,
        quantity,
        unitCents: addOn.priceCents,
        totalCents: quantity * addOn.priceCents,
      },
    ];
  });
}

/** A code's discount on `subtotal`: never more than the subtotal, never negative. */
export function discountOf(subtotalCents: number, d: Discount | null | undefined): number {
  if (!d) return 0;
  const off = d.kind === "percent" ? percentOf(subtotalCents, d.value * 100) : d.value;
  return Math.min(subtotalCents, Math.max(0, off));
}

/** The tax in `cents`: the part of it that is tax (inclusive), or what is added on top. */
export function taxOf(cents: number, tax: Tax | null | undefined): number {
  if (!tax || tax.rateBasisPoints <= 0) return 0;
  return tax.inclusive
    ? cents - Math.floor((cents * 10000 + (10000 + tax.rateBasisPoints) / 2) / (10000 + tax.rateBasisPoints))
    : percentOf(cents, tax.rateBasisPoints);
}

/**
 * The one function every amount comes from. Refuses (422, on the field) a party size or an add-on
 * the package does not offer.
 */
export function quote(
  pkg: PricedPackage,
  choices: Choices = {},
  terms: { discount?: Discount | null; tax?: Tax | null } = {},
): Quote {
  const people = choices.people ?? pkg.peopleIncluded ?? 1;
  const max = maxPeopleOf(pkg);
  if (!Number.isInteger(people) || people < 1 || people > max) {
    throw invalid(
      "people",
      max === 1 ? "This package is for one person." : `Choose from 1 to ${max} people.`,
    );
  }
  const seats = choices.seats ?? 1;
  const lines: Line[] = [
    {
      kind: "package",
      label: pkg.name ?? "Package",
      quantity: seats,
      unitCents: pkg.priceCents,
      totalCents: pkg.priceCents * seats,
    },
    ...peopleLine(pkg, people),
    ...addOnLines(pkg, choices.addOns ?? []),
  ];
  const subtotalCents = lines.reduce((sum, l) => sum + l.totalCents, 0);
  const discountCents = discountOf(subtotalCents, terms.discount);
  const afterDiscount = subtotalCents - discountCents;
  const taxCents = taxOf(afterDiscount, terms.tax);
  const taxInclusive = terms.tax?.inclusive ?? false;
  const amountCents = taxInclusive ? afterDiscount : afterDiscount + taxCents;
  return {
    people,
    lines,
    subtotalCents,
    couponCode: terms.discount?.code ?? null,
    discountCents,
    taxCents,
    taxInclusive,
    amountCents,
    depositCents: Math.min(pkg.depositCents * seats, amountCents),
  };
}

/** A quote's amounts as a booking keeps them, with what was paid so far. */
export const quotedAmounts = (q: Quote, paidCents = 0): Amounts => ({
  amountCents: q.amountCents,
  depositCents: q.depositCents,
  paidCents,
});

/** A studio's tax setting as `quote` takes it. */
export const studioTax = (s: { taxRateBasisPoints: number; taxInclusive: boolean }): Tax => ({
  rateBasisPoints: s.taxRateBasisPoints,
  inclusive: s.taxInclusive,
});

import fc from "fast-check";
import type { PricedPackage } from "../../worker/domain/pricing.ts";
import { quote } from "../../worker/domain/pricing.ts";

/** Generated packages and bookings of them, for the properties of every amount rule. */

export const cents = fc.integer({ min: 0, max: 10_000_000 });

export const pricedPackage = fc
  .record({
    priceCents: cents,
    deposit: fc.integer({ min: 0, max: 100 }),
    peopleIncluded: fc.integer({ min: 1, max: 10 }),
    morePeople: fc.integer({ min: 0, max: 10 }),
    extraPersonCents: cents,
    addOns: fc.array(
      fc.record({
        priceCents: cents,
        maxPerBooking: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(
    (p): PricedPackage => ({
      name: "Mini",
      priceCents: p.priceCents,
      depositCents: Math.floor((p.priceCents * p.deposit) / 100),
      peopleIncluded: p.peopleIncluded,
      maxPeople: p.peopleIncluded + p.morePeople,
      extraPersonCents: p.extraPersonCents,
      addOns: p.addOns.map((a, i) => ({ id: `a${i}`, name: `Add-on ${i}`, ...a })),
    }),
  );

/** A package with a visitor's choices that it offers, and any code and tax. */
export const booking = pricedPackage.chain((pkg) =>
  fc.record({
    pkg: fc.constant(pkg),
    people: fc.integer({ min: 1, max: pkg.maxPeople ?? 1 }),
    addOns: fc.tuple(...(pkg.addOns ?? []).map((a) => fc.integer({ min: 0, max: a.maxPerBooking ?? 20 }))),
    discount: fc.option(
      fc.oneof(
        fc.record({
          code: fc.constant("P"),
          kind: fc.constant("percent" as const),
          value: fc.integer({ min: 1, max: 100 }),
        }),
        fc.record({
          code: fc.constant("A"),
          kind: fc.constant("amount" as const),
          value: fc.integer({ min: 1, max: 20_000_000 }),
        }),
      ),
      { nil: null },
    ),
    tax: fc.option(
      fc.record({ rateBasisPoints: fc.integer({ min: 0, max: 5000 }), inclusive: fc.boolean() }),
      {
        nil: null,
      },
    ),
  }),
);

export type Booking = typeof booking extends fc.Arbitrary<infer B> ? B : never;

export const quoted = (b: Booking) =>
  quote(
    b.pkg,
    {
      people: b.people,
      addOns: (b.pkg.addOns ?? []).map((a, i) => ({ id: a.id, quantity: b.addOns[i] ?? 0 })),
    },
    { discount: b.discount, tax: b.tax },
  );

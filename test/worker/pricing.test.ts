import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../worker/domain/errors.ts";
import { packageAmounts } from "../../worker/domain/money.ts";
import { type PricedPackage, percentOf, quote, taxOf } from "../../worker/domain/pricing.ts";

const cents = fc.integer({ min: 0, max: 10_000_000 });

const pricedPackage = fc
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
const booking = pricedPackage.chain((pkg) =>
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

type Booking = typeof booking extends fc.Arbitrary<infer B> ? B : never;

const quoted = (b: Booking) =>
  quote(
    b.pkg,
    {
      people: b.people,
      addOns: (b.pkg.addOns ?? []).map((a, i) => ({ id: a.id, quantity: b.addOns[i] ?? 0 })),
    },
    { discount: b.discount, tax: b.tax },
  );

describe("what a booking costs", () => {
  it("is never negative, and its deposit never exceeds it", () => {
    fc.assert(
      fc.property(booking, (b) => {
        const q = quoted(b);
        expect(q.amountCents).toBeGreaterThanOrEqual(0);
        expect(q.depositCents).toBeGreaterThanOrEqual(0);
        expect(q.depositCents).toBeLessThanOrEqual(q.amountCents);
        expect(q.depositCents).toBeLessThanOrEqual(b.pkg.depositCents);
      }),
    );
  });

  it("adds up: the lines make the subtotal, less the discount, plus tax when added", () => {
    fc.assert(
      fc.property(booking, (b) => {
        const q = quoted(b);
        expect(q.lines.reduce((sum, l) => sum + l.totalCents, 0)).toBe(q.subtotalCents);
        for (const l of q.lines) expect(l.totalCents).toBe(l.quantity * l.unitCents);
        expect(q.amountCents).toBe(q.subtotalCents - q.discountCents + (q.taxInclusive ? 0 : q.taxCents));
        expect(Number.isInteger(q.amountCents) && Number.isInteger(q.taxCents)).toBe(true);
      }),
    );
  });

  it("never discounts more than the subtotal, nor a negative amount", () => {
    fc.assert(
      fc.property(booking, (b) => {
        const q = quoted(b);
        expect(q.discountCents).toBeGreaterThanOrEqual(0);
        expect(q.discountCents).toBeLessThanOrEqual(q.subtotalCents);
      }),
    );
  });

  it("charges each person beyond those included, and each add-on by its quantity", () => {
    fc.assert(
      fc.property(booking, (b) => {
        const q = quote(b.pkg, {
          people: b.people,
          addOns: (b.pkg.addOns ?? []).map((a, i) => ({ id: a.id, quantity: b.addOns[i] ?? 0 })),
        });
        const extra = Math.max(0, b.people - (b.pkg.peopleIncluded ?? 1)) * (b.pkg.extraPersonCents ?? 0);
        const addOns = (b.pkg.addOns ?? []).reduce((sum, a, i) => sum + a.priceCents * (b.addOns[i] ?? 0), 0);
        expect(q.amountCents).toBe(b.pkg.priceCents + extra + addOns);
      }),
    );
  });

  it("keeps the tax of an inclusive price inside it, and a rate's tax within half a minor unit", () => {
    fc.assert(
      fc.property(cents, fc.integer({ min: 1, max: 5000 }), (amount, bp) => {
        const inside = taxOf(amount, { rateBasisPoints: bp, inclusive: true });
        expect(inside).toBeGreaterThanOrEqual(0);
        expect(inside).toBeLessThanOrEqual(amount);
        // The net and its tax at the rate give back the gross within one minor unit.
        const net = amount - inside;
        expect(Math.abs(net + percentOf(net, bp) - amount)).toBeLessThanOrEqual(1);
        expect(
          Math.abs(taxOf(amount, { rateBasisPoints: bp, inclusive: false }) - (amount * bp) / 10000),
        ).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it("rounds a percentage once, halves up: 15 % of $0.10 is 2¢ (1.5), 8.25 % of $19.99 is $1.65", () => {
    expect(percentOf(10, 1500)).toBe(2);
    expect(percentOf(1999, 825)).toBe(165);
    expect(
      quote({ priceCents: 1999, depositCents: 0 }, {}, { tax: { rateBasisPoints: 825, inclusive: false } })
        .amountCents,
    ).toBe(2164);
  });

  it("costs a package's price with nothing chosen, as it did before people and add-ons", () => {
    expect(packageAmounts({ priceCents: 15000, depositCents: 5000 })).toEqual({
      amountCents: 15000,
      depositCents: 5000,
      paidCents: 0,
    });
    expect(packageAmounts(null, 300)).toEqual({ amountCents: 0, depositCents: 0, paidCents: 300 });
  });

  it("refuses a party beyond the package's most, an add-on it does not offer, or too many of one", () => {
    const pkg: PricedPackage = {
      name: "Family",
      priceCents: 20000,
      depositCents: 5000,
      peopleIncluded: 2,
      maxPeople: 5,
      extraPersonCents: 2000,
      addOns: [{ id: "print", name: "Print", priceCents: 3000, maxPerBooking: 2 }],
    };
    const field = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof DomainError ? err.errors?.[0]?.path : "not a refusal";
      }
      return "accepted";
    };
    expect(field(() => quote(pkg, { people: 6 }))).toBe("people");
    expect(field(() => quote(pkg, { people: 0 }))).toBe("people");
    expect(field(() => quote(pkg, { addOns: [{ id: "album", quantity: 1 }] }))).toBe("addOns.0.id");
    expect(field(() => quote(pkg, { addOns: [{ id: "print", quantity: 3 }] }))).toBe("addOns.0.quantity");
    expect(
      field(() =>
        quote(pkg, {
          addOns: [
            { id: "print", quantity: 1 },
            { id: "print", quantity: 1 },
          ],
        }),
      ),
    ).toBe("addOns.1.id");
    expect(quote(pkg, { people: 4, addOns: [{ id: "print", quantity: 1 }] })).toMatchObject({
      amountCents: 20000 + 2 * 2000 + 3000,
      depositCents: 5000,
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { en } from "../../worker/domain/catalogues/en.ts";
import { translate } from "../../worker/domain/catalogues/index.ts";
import { DomainError } from "../../worker/domain/errors.ts";
import { formatMoney, minorUnitsPerMajor, packageAmounts } from "../../worker/domain/money.ts";
import { counts, moneyLines, moneyRows } from "../../worker/domain/money-lines.ts";
import { type PricedPackage, percentOf, quote, taxOf } from "../../worker/domain/pricing.ts";
import { booking, cents, quoted } from "./pricing-arbitraries.ts";

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

describe("money as it is shown, line by line", () => {
  /** Every currency exponent Intl knows of: JPY has none, USD two, KWD three. */
  const currencies = ["JPY", "USD", "KWD"];

  /** A shown value read back in minor units: "−$40.50" is -4050 cents, "+ KWD 1.234" 1234 fils. */
  const minorOf = (shown: string, currency: string) => {
    const sign = shown.includes("−") ? -1 : 1;
    const major = Number(shown.replace(/[^\d.]/g, ""));
    return sign * Math.round(major * minorUnitsPerMajor(currency));
  };

  it("always sums to the total: package, people, add-ons, less the discount, plus tax when added", () => {
    fc.assert(
      fc.property(booking, (b) => {
        const q = quoted(b);
        const lines = moneyLines(q);
        const counted = lines.filter(counts).reduce((sum, l) => sum + l.cents, 0);
        expect(counted).toBe(q.amountCents);
        expect(lines.at(-1)).toEqual({ kind: "total", cents: q.amountCents });
        expect(lines.filter((l) => l.kind === "tax")).toHaveLength(q.taxCents > 0 ? 1 : 0);
      }),
    );
  });

  it("reads back to the total from the words and amounts shown, in every currency exponent", () => {
    fc.assert(
      fc.property(booking, fc.constantFrom(...currencies), (b, currency) => {
        const q = quoted(b);
        const money = (c: number) => formatMoney(c, currency, "en-US");
        const rows = moneyRows(q, money, (key, params) => translate(en, "en", key, params));
        const total = rows.at(-1);
        expect(total?.label).toBe("Total");
        const counted = rows
          .slice(0, -1)
          .filter((r) => !r.value.startsWith("incl."))
          .reduce((sum, r) => sum + minorOf(r.value, currency), 0);
        expect(counted).toBe(minorOf(total?.value ?? "", currency));
        expect(minorOf(total?.value ?? "", currency)).toBe(q.amountCents);
      }),
    );
  });

  it("says an added tax as '+ $4.00' and an included one as 'incl. €3.19 tax'", () => {
    const pkg = { name: "Mini", priceCents: 2000, depositCents: 0 };
    const words = (
      key: Parameters<Parameters<typeof moneyRows>[2]>[0],
      params?: Record<string, string | number>,
    ) => translate(en, "en", key, params);
    const added = moneyRows(
      quote(pkg, {}, { tax: { rateBasisPoints: 2000, inclusive: false } }),
      (c) => formatMoney(c, "USD"),
      words,
    );
    expect(added).toContainEqual({ label: "Tax", value: "+ $4.00" });
    const included = moneyRows(
      quote(pkg, {}, { tax: { rateBasisPoints: 1900, inclusive: true } }),
      (c) => formatMoney(c, "EUR"),
      words,
    );
    expect(included).toContainEqual({ label: "Tax", value: "incl. €3.19 tax" });
    expect(included.at(-1)).toEqual({ label: "Total", value: "€20.00" });
  });
});

import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { languages, visitorWords } from "../../worker/domain/catalogues/index.ts";
import { apportion, chargeLines, lineTotal } from "../../worker/domain/checkout-lines.ts";
import { loadCatalogues } from "../../worker/services/catalogue-assets.ts";
import {
  bookingRow,
  callWithStripe,
  checkoutEvent,
  deliver,
  fakeStripe,
  lineItems,
} from "./payments-support.ts";
import { booking, quoted } from "./pricing-arbitraries.ts";
import { call, hold, openMultiSession, visitorHeaders } from "./support.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A family package: 2 people included, $20 per extra person up to 5, prints at $30. */
const family = (depositCents: number) => ({
  name: "Family",
  priceCents: 20000,
  depositCents,
  peopleIncluded: 2,
  extraPersonCents: 2000,
  maxPeople: 5,
  addOns: [{ name: "Print 8×10", priceCents: 3000, maxPerBooking: 3 }],
});

/** A studio with the family package, its tax set, and a code; a visitor books with Stripe on. */
async function bookFamily(o: {
  depositCents: number;
  tax?: { taxRateBasisPoints: number; taxInclusive: boolean };
  coupon?: Record<string, unknown>;
  choices: Record<string, unknown>;
  /** The language the visitor books in (none: the studio's, en-US). */
  locale?: string;
}) {
  const stripe = fakeStripe();
  const opened = await openMultiSession(1, { packages: [family(o.depositCents)] });
  const print = opened.type.packages[0].addOns[0].id as string;
  if (o.tax) await call("PATCH", "/v1/admin/studio", { token: opened.token, body: o.tax });
  if (o.coupon) {
    const made = await call("POST", "/v1/admin/coupons", { token: opened.token, body: o.coupon });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
  }
  const held = await hold(opened.session.slug, opened.spotIds[0] as string, visitorHeaders());
  const choices = JSON.parse(JSON.stringify(o.choices).replaceAll('"PRINT"', JSON.stringify(print)));
  const booked = await callWithStripe("POST", `/v1/holds/${held.body.hold.id}/booking`, {
    token: held.body.hold.token,
    body: {
      client: { name: "Mary Shelley", email: "mary@example.com" },
      ...choices,
      ...(o.locale && { locale: o.locale }),
    },
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  const [created] = stripe.creations();
  return {
    stripe,
    bookingId: held.body.hold.id as string,
    quote: booked.body.quote,
    lines: lineItems(created?.params as URLSearchParams),
  };
}

describe("the Checkout's line items, sent through the real Stripe SDK", () => {
  it("itemizes a payment in full: package, extra people, the add-on and the tax added; the webhook's amount check holds", async () => {
    const { stripe, bookingId, quote, lines } = await bookFamily({
      depositCents: 0,
      tax: { taxRateBasisPoints: 825, taxInclusive: false },
      choices: { people: 4, addOns: [{ id: "PRINT", quantity: 2 }] },
    });
    // $200 + 2 × $20 + 2 × $30 = $300.00; 8.25 % tax is $24.75.
    expect(quote).toMatchObject({ amountCents: 32475, taxCents: 2475 });
    expect(lines).toEqual([
      {
        name: "Fall Minis — Family",
        description: expect.stringMatching(/^Payment in full · .+ · Juniper & Pine$/),
        quantity: 1,
        unitAmount: 20000,
        currency: "usd",
      },
      { name: "2 additional people", description: null, quantity: 1, unitAmount: 4000, currency: "usd" },
      { name: "Print 8×10", description: null, quantity: 2, unitAmount: 3000, currency: "usd" },
      { name: "Tax", description: null, quantity: 1, unitAmount: 2475, currency: "usd" },
    ]);
    const checkout = stripe.created();
    expect(checkout.amount_total).toBe(32475);
    const paid = checkoutEvent("checkout.session.completed", stripe.pay(checkout));
    expect((await deliver(paid)).status).toBe(200);
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 32475 });
  });

  it("takes a code's discount off the lines in proportion, never a negative line, and the lines still add up", async () => {
    const { stripe, bookingId, lines } = await bookFamily({
      depositCents: 0,
      tax: { taxRateBasisPoints: 825, taxInclusive: false },
      coupon: { code: "SAVE7", kind: "amount", value: 700 },
      choices: { people: 3, addOns: [{ id: "PRINT", quantity: 3 }], couponCode: "SAVE7" },
    });
    // $200 + $20 + 3 × $30 = $310, less $7 = $303, plus 8.25 % = $25.00 (24.9975 rounded once).
    expect(lines.every((l) => l.unitAmount > 0 && Number.isInteger(l.unitAmount))).toBe(true);
    const sum = lines.reduce((total, l) => total + l.quantity * l.unitAmount, 0);
    expect(sum).toBe(30300 + 2500);
    // $7 over $200, $20 and $90: $4.52, $0.45 and $2.03; $87.97 no longer divides by 3.
    expect(lines.map((l) => [l.name, l.quantity, l.unitAmount])).toEqual([
      ["Fall Minis — Family", 1, 19548],
      ["1 additional person", 1, 1955],
      ["3 × Print 8×10", 1, 8797],
      ["Tax", 1, 2500],
    ]);
    expect(
      (await deliver(checkoutEvent("checkout.session.completed", stripe.pay(stripe.created())))).status,
    ).toBe(200);
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 32800 });
  });

  it("names the lines in the language of a German booking: people, tax, and what the payment is", async () => {
    const { lines } = await bookFamily({
      depositCents: 0,
      tax: { taxRateBasisPoints: 825, taxInclusive: false },
      choices: { people: 4, addOns: [{ id: "PRINT", quantity: 2 }] },
      locale: "de-DE",
    });
    expect(lines.map((l) => [l.name, l.quantity, l.unitAmount])).toEqual([
      ["Fall Minis — Family", 1, 20000],
      ["2 weitere Personen", 1, 4000],
      ["Print 8×10", 2, 3000],
      ["MwSt.", 1, 2475],
    ]);
    expect(lines[0]?.description).toMatch(/^Vollständige Zahlung · .+ · Juniper & Pine$/);
    const included = await bookFamily({
      depositCents: 0,
      tax: { taxRateBasisPoints: 2000, taxInclusive: true },
      choices: {},
      locale: "de-DE",
    });
    expect(included.lines[0]?.description).toMatch(/ · inkl\. 33,33\s\$ MwSt\.$/);
  });

  it("asks for a deposit as one line, 'Deposit for …', of exactly the deposit", async () => {
    const { stripe, bookingId, lines } = await bookFamily({
      depositCents: 5000,
      tax: { taxRateBasisPoints: 825, taxInclusive: false },
      choices: { people: 4 },
    });
    expect(lines).toEqual([
      {
        name: "Deposit for Fall Minis — Family",
        description: expect.stringMatching(/^Deposit · /),
        quantity: 1,
        unitAmount: 5000,
        currency: "usd",
      },
    ]);
    await deliver(checkoutEvent("checkout.session.completed", stripe.pay(stripe.created())));
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 5000 });
  });

  it("sends no tax line for a tax the prices include, and says it on the package's line", async () => {
    const { lines } = await bookFamily({
      depositCents: 0,
      tax: { taxRateBasisPoints: 2000, taxInclusive: true },
      choices: {},
    });
    expect(lines).toEqual([
      {
        name: "Fall Minis — Family",
        description: expect.stringMatching(/ · incl\. \$33\.33 tax$/),
        quantity: 1,
        unitAmount: 20000,
        currency: "usd",
      },
    ]);
  });
});

describe("chargeLines", () => {
  // Called here directly, not through a request, so the words are loaded as a request would.
  beforeAll(() => loadCatalogues(env.ASSETS));

  it("always sums to what the Checkout charges, with whole, non-negative lines, whether itemized or one", () => {
    fc.assert(
      fc.property(
        booking,
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(...languages),
        (b, deposit, language) => {
          const q = quoted(b);
          const say = visitorWords(language);
          const whole = { amountCents: q.amountCents, depositCents: 0, paidCents: 0 };
          const lines = chargeLines(q, whole, q.amountCents, say);
          expect(lineTotal(lines)).toBe(q.amountCents);
          for (const l of lines) {
            expect(Number.isInteger(l.unitCents) && l.unitCents >= 0 && l.quantity >= 1).toBe(true);
          }
          const due = Math.min(deposit, q.amountCents);
          const part = chargeLines(q, { ...whole, depositCents: due }, due, say);
          expect(lineTotal(part)).toBe(due);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("apportions exactly, never more than a part's own amount", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (weights, n) => {
          const total = weights.reduce((a, b) => a + b, 0);
          const off = total === 0 ? 0 : n % (total + 1);
          const shares = apportion(off, weights);
          expect(shares.reduce((a, b) => a + b, 0)).toBe(total === 0 ? 0 : off);
          shares.forEach((s, i) => {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(weights[i] as number);
          });
        },
      ),
    );
  });
});

/**
 * The OpenAPI examples of party sizes, add-ons, codes and tax, in the story of index.ts:
 * Juniper & Pine's fall minis, booked for a family of four with a print and a launch code.
 */
import type { z } from "@hono/zod-openapi";
import type { QuoteSchema } from "../checkout.ts";
import type { CouponSchema, CreateCoupon } from "../coupons.ts";

export const exampleAddOn = {
  id: "9d2c4b6e-1f3a-4c8e-b5d7-0a2e4c6f8b13",
  name: "Print 8×10",
  priceCents: 3_000,
  maxPerBooking: 2,
};

/** The Mini package ($150, $50 deposit, 2 people, $20 each more up to 5) for 4 people and a print, 10 % off. */
export const exampleQuote = {
  people: 4,
  lines: [
    { kind: "package", label: "Mini", quantity: 1, unitCents: 15_000, totalCents: 15_000 },
    { kind: "people", label: "Additional person", quantity: 2, unitCents: 2_000, totalCents: 4_000 },
    {
      kind: "add_on",
      id: exampleAddOn.id,
      label: "Print 8×10",
      quantity: 1,
      unitCents: 3_000,
      totalCents: 3_000,
    },
  ],
  subtotalCents: 22_000,
  couponCode: "SPRING10",
  discountCents: 2_200,
  taxCents: 0,
  taxInclusive: false,
  amountCents: 19_800,
  depositCents: 5_000,
} satisfies z.output<typeof QuoteSchema>;

export const exampleNewCoupon = {
  code: "SPRING10",
  kind: "percent",
  value: 10,
  sessionTypeIds: null,
  startsOn: "2027-09-01",
  endsOn: "2027-10-31",
  maxUses: 50,
  maxUsesPerClient: 1,
} satisfies z.input<typeof CreateCoupon>;

export const exampleCoupon = {
  id: "6b1e3d5f-7a9c-4e2b-8d0f-3c5e7a9b1d24",
  ...exampleNewCoupon,
  uses: 12,
} satisfies z.output<typeof CouponSchema>;

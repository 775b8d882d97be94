import { z } from "@hono/zod-openapi";
import { paymentMethods, paymentStatuses } from "../../db/schema.ts";
import { toIso } from "../domain/time.ts";
import type { PaymentRow } from "../queries/payments.ts";
import { Cents, Instant } from "./fields.ts";

/** Payments as the photographer sees them, and money recorded by hand: in the admin API and its pages. */

export { paymentMethods };
export type PaymentMethod = (typeof paymentMethods)[number];
export const PaymentMethod = z.enum(paymentMethods);
export type PaymentMethodName = z.infer<typeof PaymentMethod>;

/** Money taken or given back outside Stripe: how much, how, and a note for the studio's books. */
export const ManualEntry = z
  .object({
    amountCents: Cents.min(1, "Enter an amount above zero."),
    method: PaymentMethod.optional(),
    note: z.string().trim().max(500).optional(),
  })
  .openapi("ManualEntry");
export type ManualEntry = z.infer<typeof ManualEntry>;

export const PaymentSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    provider: z.enum(["stripe", "manual"]),
    /** The Stripe Checkout session id, or a generated id for a payment taken by hand. */
    reference: z.string(),
    /** A refund gave `amountCents` back: it lowered the booking's paid amount. */
    kind: z.enum(["payment", "refund"]),
    amountCents: z.number().int(),
    currency: z.string(),
    status: z.enum(paymentStatuses),
    method: PaymentMethod.nullable(),
    note: z.string(),
    createdAt: Instant,
  })
  .openapi("Payment");

export const toPayment = (p: PaymentRow): z.infer<typeof PaymentSchema> => ({
  id: p.id,
  provider: p.provider,
  reference: p.providerRef,
  kind: p.kind,
  amountCents: p.amountCents,
  currency: p.currency,
  status: p.status,
  method: p.method,
  note: p.note,
  createdAt: toIso(p.createdAt),
});

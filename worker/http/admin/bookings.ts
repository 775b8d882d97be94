import { createRoute, z } from "@hono/zod-openapi";
import { paymentStatuses } from "../../../db/schema.ts";
import { cancelBooking } from "../../actions/bookings.ts";
import { paymentsOf, recordManualPayment } from "../../actions/payments.ts";
import { balanceDue } from "../../domain/money.ts";
import { toIso } from "../../domain/time.ts";
import { studioContext } from "../../middleware/context.ts";
import type { PaymentRow } from "../../queries/payments.ts";
import { exampleIds } from "../../schemas/examples.ts";
import { Cents, Instant } from "../../schemas/fields.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

const router = createRouter();

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    tags: ["Bookings"],
    summary: "Cancel a booking, freeing its spot",
    security: adminSecurity,
    request: { params: IdParam },
    responses: { 204: { description: "Cancelled" }, ...problems(404, 409) },
  }),
  async (c) => {
    await cancelBooking(studioContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  },
);

const PaymentSchema = z
  .object({
    id: z.string(),
    provider: z.enum(["stripe", "manual"]),
    /** The Stripe Checkout session id, or a generated id for a payment taken by hand. */
    reference: z.string(),
    amountCents: z.number().int(),
    currency: z.string(),
    status: z.enum(paymentStatuses),
    createdAt: Instant,
  })
  .openapi("Payment");

const examplePayment: z.output<typeof PaymentSchema> = {
  id: "6e2a8c4f-1d9b-4a7e-b3c5-8f0d2e6a9c17",
  provider: "stripe",
  reference: "cs_test_a1B2c3D4e5F6g7H8",
  amountCents: 5_000,
  currency: "USD",
  status: "succeeded",
  createdAt: "2027-10-02T18:06:00.000Z",
};

const toPayment = (p: PaymentRow): z.infer<typeof PaymentSchema> => ({
  id: p.id,
  provider: p.provider,
  reference: p.providerRef,
  amountCents: p.amountCents,
  currency: p.currency,
  status: p.status,
  createdAt: toIso(p.createdAt),
});

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}/payments",
    tags: ["Bookings"],
    summary: "A booking's payments: Checkouts (open, paid, expired, refund needed) and those taken by hand",
    security: adminSecurity,
    request: { params: IdParam },
    responses: {
      200: {
        description: "OK",
        ...json(z.object({ payments: z.array(PaymentSchema) }), { payments: [examplePayment] }),
      },
      ...problems(404),
    },
  }),
  async (c) => {
    const rows = await paymentsOf(studioContext(c), c.req.valid("param").id);
    return c.json({ payments: rows.map(toPayment) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/payments",
    tags: ["Bookings"],
    summary: "Mark a payment taken at the session (cash, card reader); it counts toward the balance",
    security: adminSecurity,
    request: {
      params: IdParam,
      ...jsonBody(
        z.object({ amountCents: Cents.min(1, "Enter an amount above zero.") }).openapi("ManualPayment"),
        { amountCents: 10_000 },
      ),
    },
    responses: {
      201: {
        description: "Recorded",
        ...json(
          z.object({
            payment: PaymentSchema,
            booking: z.object({
              id: z.string(),
              paidCents: z.number().int(),
              balanceCents: z.number().int(),
            }),
          }),
          {
            payment: {
              ...examplePayment,
              provider: "manual",
              reference: "manual_2b7c9e1f",
              amountCents: 10_000,
            },
            booking: { id: exampleIds.booking, paidCents: 15_000, balanceCents: 0 },
          },
        ),
      },
      ...problems(404, 409),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { payment, booking } = await recordManualPayment(
      studioContext(c),
      id,
      c.req.valid("json").amountCents,
    );
    return c.json(
      {
        payment: toPayment(payment),
        booking: { id, paidCents: booking.paidCents, balanceCents: balanceDue(booking) },
      },
      201,
    );
  },
);

export default router;

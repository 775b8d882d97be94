import { createRoute, z } from "@hono/zod-openapi";
import { cancelBooking } from "../../actions/bookings.ts";
import { paymentsOf, recordManualPayment, recordRefund } from "../../actions/payments.ts";
import { balanceDue } from "../../domain/money.ts";
import { studioContext } from "../../middleware/context.ts";
import type { BookingRow } from "../../queries/bookings.ts";
import type { PaymentRow } from "../../queries/payments.ts";
import { exampleIds } from "../../schemas/examples.ts";
import { ManualEntry, PaymentSchema, toPayment } from "../../schemas/payments.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

const router = createRouter();

const examplePayment: z.output<typeof PaymentSchema> = {
  id: "6e2a8c4f-1d9b-4a7e-b3c5-8f0d2e6a9c17",
  provider: "stripe",
  reference: "cs_test_a1B2c3D4e5F6g7H8",
  kind: "payment",
  amountCents: 5_000,
  currency: "USD",
  status: "succeeded",
  method: null,
  note: "",
  createdAt: "2027-10-02T18:06:00.000Z",
};

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

const Recorded = json(
  z.object({
    payment: PaymentSchema,
    booking: z.object({ id: z.string(), paidCents: z.number().int(), balanceCents: z.number().int() }),
  }),
  {
    payment: {
      ...examplePayment,
      provider: "manual",
      reference: "manual_2b7c9e1f",
      amountCents: 10_000,
      method: "cash",
      note: "Paid on the day",
    },
    booking: { id: exampleIds.booking, paidCents: 15_000, balanceCents: 0 },
  },
);

const exampleEntry: ManualEntry = { amountCents: 10_000, method: "cash", note: "Paid on the day" };

const recorded = (r: { payment: PaymentRow; booking: BookingRow }) => ({
  payment: toPayment(r.payment),
  booking: { id: r.booking.id, paidCents: r.booking.paidCents, balanceCents: balanceDue(r.booking) },
});

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/payments",
    tags: ["Bookings"],
    summary:
      "Record a payment taken outside Stripe (cash, transfer, card reader); it counts toward the balance, never beyond it",
    security: adminSecurity,
    request: { params: IdParam, ...jsonBody(ManualEntry, exampleEntry) },
    responses: { 201: { description: "Recorded", ...Recorded }, ...problems(404, 409) },
  }),
  async (c) => {
    const done = await recordManualPayment(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(recorded(done), 201);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/refunds",
    tags: ["Bookings"],
    summary:
      "Record money given back to the client (cash, transfer, or refunded in Stripe's dashboard); never more than was paid",
    security: adminSecurity,
    request: { params: IdParam, ...jsonBody(ManualEntry, exampleEntry) },
    responses: { 201: { description: "Recorded", ...Recorded }, ...problems(404, 409) },
  }),
  async (c) => {
    const done = await recordRefund(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(recorded(done), 201);
  },
);

export default router;

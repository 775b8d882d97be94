import { createRoute, z } from "@hono/zod-openapi";
import { cancelBooking } from "../../actions/bookings.ts";
import { paymentsOf, recordManualPayment, recordRefund } from "../../actions/payments.ts";
import { balanceDue } from "../../domain/money.ts";
import { studioContext } from "../../middleware/context.ts";
import type { BookingRow } from "../../queries/bookings.ts";
import type { PaymentRow } from "../../queries/payments.ts";
import { exampleIds } from "../../schemas/examples/index.ts";
import { ManualEntry, PaymentSchema, toPayment } from "../../schemas/payments.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

const examplePayment: z.output<typeof PaymentSchema> = {
  id: "6e2a8c4f-1d9b-4a7e-b3c5-8f0d2e6a9c17",
  provider: "manual",
  reference: "manual_6e2a8c4f-1d9b-4a7e-b3c5-8f0d2e6a9c17",
  kind: "payment",
  amountCents: 10_000,
  currency: "USD",
  status: "succeeded",
  method: "cash",
  note: "Paid at the session",
  createdAt: "2027-10-16T13:45:00.000Z",
};

const router = createRouter();

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Bookings"],
      summary: "Cancel a booking, freeing its spot",
      security: adminSecurity,
      responses: { 204: { description: "Cancelled" }, ...problems(404, 409) },
    }),
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
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Bookings"],
      summary: "A booking's payments: Checkouts (open, paid, expired, refund needed) and those taken by hand",
      security: adminSecurity,
      responses: {
        200: {
          description: "OK",
          ...json(z.object({ payments: z.array(PaymentSchema) }), {
            payments: [
              {
                ...examplePayment,
                provider: "stripe",
                reference: "cs_test_a1B2c3D4e5F6g7H8",
                amountCents: 5_000,
                method: null,
                note: "",
                createdAt: "2027-10-02T18:06:00.000Z",
              },
              examplePayment,
            ],
          }),
        },
        ...problems(404),
      },
    }),
  }),
  async (c) => {
    const rows = await paymentsOf(studioContext(c), c.req.valid("param").id);
    return c.json({ payments: rows.map(toPayment) }, 200);
  },
);

const Recorded =
  DOCUMENTED &&
  json(
    z.object({
      payment: PaymentSchema,
      booking: z.object({ id: z.string(), paidCents: z.number().int(), balanceCents: z.number().int() }),
    }),
    { payment: examplePayment, booking: { id: exampleIds.booking, paidCents: 15_000, balanceCents: 0 } },
  );

const recorded = (r: { payment: PaymentRow; booking: BookingRow }) => ({
  payment: toPayment(r.payment),
  booking: { id: r.booking.id, paidCents: r.booking.paidCents, balanceCents: balanceDue(r.booking) },
});

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/payments",
    request: {
      params: IdParam,
      ...jsonBody(
        ManualEntry,
        DOCUMENTED && { amountCents: 10_000, method: "cash", note: "Paid at the session" },
      ),
    },
    ...(DOCUMENTED && {
      tags: ["Bookings"],
      summary:
        "Record a payment taken outside Stripe (cash, transfer, card reader); it counts toward the balance, never beyond it",
      security: adminSecurity,
      responses: { 201: { description: "Recorded", ...Recorded }, ...problems(404, 409) },
    }),
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
    request: {
      params: IdParam,
      ...jsonBody(
        ManualEntry,
        DOCUMENTED && { amountCents: 5_000, method: "transfer", note: "Session cancelled" },
      ),
    },
    ...(DOCUMENTED && {
      tags: ["Bookings"],
      summary:
        "Record money given back to the client (cash, transfer, or refunded in Stripe's dashboard); never more than was paid",
      security: adminSecurity,
      responses: { 201: { description: "Recorded", ...Recorded }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    const done = await recordRefund(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json(recorded(done), 201);
  },
);

export default router;

import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { bookings, paymentStatuses } from "../../../db/schema.ts";
import { canCancel, canConfirm } from "../../domain/bookings.ts";
import { balanceDue, formatMoney } from "../../domain/money.ts";
import { toIso } from "../../domain/time.ts";
import type { Db } from "../../env.ts";
import { bookingPayments, type PaymentRow, takeManualPayment } from "../../queries/payments.ts";
import { createRouter } from "../app.ts";
import { ApiError, invalid, notFound } from "../problem.ts";
import { adminSecurity, Cents, IdParam, Instant, json, jsonBody, problems } from "../schemas.ts";

const router = createRouter();

async function bookingOf(db: Db, studioId: string, id: string) {
  const [booking] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.studioId, studioId), eq(bookings.id, id)));
  if (!booking) throw notFound("booking");
  return booking;
}

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    tags: ["Bookings"],
    summary: "Cancel a booking, freeing its spot",
    security: adminSecurity,
    request: { params: IdParam },
    responses: { 204: { description: "Cancelled" }, ...problems(401, 404, 409) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const studioId = c.var.studio.id;
    const db = c.var.db;
    const booking = await bookingOf(db, studioId, id);
    const now = Date.now();
    if (!canCancel(booking, now)) {
      throw new ApiError(409, "conflict", `This booking is already ${booking.status.replace("_", " ")}.`);
    }
    await db
      .update(bookings)
      .set({ status: "cancelled", cancelledAt: now })
      .where(and(eq(bookings.studioId, studioId), eq(bookings.id, id)));
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
      200: { description: "OK", ...json(z.object({ payments: z.array(PaymentSchema) })) },
      ...problems(401, 404),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    await bookingOf(c.var.db, c.var.studio.id, id);
    const rows = await bookingPayments(c.var.db, c.var.studio.id, id);
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
        ),
      },
      ...problems(401, 404, 409, 415, 422),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { amountCents } = c.req.valid("json");
    const studio = c.var.studio;
    const db = c.var.db;
    const booking = await bookingOf(db, studio.id, id);
    if (booking.status !== "confirmed" && !canConfirm(booking.status)) {
      throw new ApiError(409, "conflict", `This booking is ${booking.status.replace("_", " ")}.`);
    }
    const balance = balanceDue(booking);
    if (balance === 0) throw new ApiError(409, "no_balance_due", "This booking is paid in full.");
    if (amountCents > balance) {
      throw invalid("amountCents", `Only ${formatMoney(balance, booking.currency, studio.locale)} is due.`);
    }
    const paymentId = crypto.randomUUID();
    const [credited] = await db.batch(
      takeManualPayment(db, {
        id: paymentId,
        studioId: studio.id,
        bookingId: id,
        amountCents,
        currency: booking.currency,
        now: Date.now(),
      }),
    );
    if (credited.meta.changes !== 1) {
      throw new ApiError(409, "conflict", "This booking changed meanwhile. Please reload.");
    }
    const [after, rows] = await Promise.all([
      bookingOf(db, studio.id, id),
      bookingPayments(db, studio.id, id),
    ]);
    const payment = rows.find((p) => p.id === paymentId);
    if (!payment) throw new Error("the manual payment was not recorded");
    return c.json(
      {
        payment: toPayment(payment),
        booking: { id, paidCents: after.paidCents, balanceCents: balanceDue(after) },
      },
      201,
    );
  },
);

export default router;

import { createRoute, z } from "@hono/zod-openapi";
import type { SQL } from "drizzle-orm";
import type Stripe from "stripe";
import { appointmentFacts, refundNeeded } from "../domain/messages.ts";
import type { Db } from "../env.ts";
import { getBookingView } from "../queries/bookings.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import {
  abandonPayment,
  applyPaidCheckout,
  checkoutBooking,
  paymentByRef,
  recordStripeEvent,
  stripeEventSeen,
} from "../queries/payments.ts";
import { queueEmailWhen } from "../services/outbox.ts";
import { isSignatureError, verifiedEvent } from "../services/stripe.ts";
import { createRouter } from "./app.ts";
import { receiptAfter } from "./bookings.ts";
import { ApiError } from "./problem.ts";
import { json, problems } from "./schemas.ts";
import { publicUrl } from "./urls.ts";

type CheckoutSession = Stripe.Checkout.Session;

/**
 * A paid Checkout: the booking it names is confirmed and credited, with the client's receipt, or
 * the payment is recorded for refund and the studio told; all in one batch with the event id.
 */
async function applyPayment(
  db: Db,
  event: Stripe.Event,
  session: CheckoutSession,
  base: string,
  now: number,
) {
  const found = await checkoutBooking(db, session.metadata);
  const view = found && (await getBookingView(db, found));
  const client = view?.client;
  if (!view || !client || session.amount_total === null) {
    // Not one of ours (another app on the same Stripe account) or a booking that is gone.
    console.warn("paid Checkout for no known booking", session.id);
    await recordStripeEvent(db, event, now);
    return;
  }
  const { booking, studio } = view;
  const amountCents = session.amount_total;
  const receipt = await receiptAfter(db, {
    view,
    client,
    amounts: { ...booking, paidCents: booking.paidCents + amountCents },
    kind: booking.status === "confirmed" ? "payment_received" : "booking_confirmed",
    publicUrl: base,
    now,
  });
  const facts = appointmentFacts(studio, view.session, view.spot, client);
  const currency = (session.currency ?? "").toUpperCase();
  const alertStudio = (refunding: SQL) =>
    studio.email
      ? [
          queueEmailWhen(
            db,
            {
              ...refundNeeded(facts, {
                amountCents,
                currency,
                reference: session.id,
                clientEmail: client.email,
              }),
              studioId: studio.id,
              bookingId: booking.id,
              kind: "refund_needed",
              recipient: studio.email,
            },
            refunding,
            now,
          ),
        ]
      : [];
  const statements = [
    ...applyPaidCheckout(
      db,
      {
        reference: session.id,
        studioId: studio.id,
        bookingId: booking.id,
        spotId: booking.spotId,
        amountCents,
        currency,
        now,
      },
      receipt.statements,
      alertStudio,
    ),
    recordStripeEvent(db, event, now),
  ];
  try {
    await db.batch(statements as unknown as Parameters<Db["batch"]>[0]);
  } catch (err) {
    // The batch checks in SQL that the spot is free; should the unique index on live bookings refuse
    // it all the same, nothing was written, and the 409 has Stripe deliver the event again.
    if (!isUniqueViolation(err)) throw err;
    throw new ApiError(409, "spot_taken", "The spot is taken; deliver the event again to record the refund.");
  }
}

/** What a verified event does; anything not about our Checkouts is only recorded. */
async function handle(db: Db, event: Stripe.Event, base: string, now: number): Promise<void> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      // A bank debit completes unpaid; its money arrives with async_payment_succeeded.
      if (event.data.object.payment_status === "paid") {
        return applyPayment(db, event, event.data.object, base, now);
      }
      break;
    case "checkout.session.expired":
    case "checkout.session.async_payment_failed":
      // Only a pending payment lapses: a late or replayed event never undoes a payment.
      await db.batch([
        abandonPayment(db, paymentByRef(event.data.object.id)),
        recordStripeEvent(db, event, now),
      ]);
      return;
  }
  await recordStripeEvent(db, event, now);
}

const router = createRouter();

router.openapi(
  createRoute({
    method: "post",
    path: "/webhook",
    tags: ["Payments"],
    summary: "Stripe's events, signature checked: a paid Checkout confirms its booking",
    description:
      "Send checkout.session.completed, checkout.session.async_payment_succeeded, " +
      "checkout.session.async_payment_failed and checkout.session.expired. Each event id is handled once.",
    request: { headers: z.object({ "stripe-signature": z.string().optional() }) },
    responses: {
      200: { description: "Received", ...json(z.object({ received: z.boolean() })) },
      ...problems(400, 409, 503),
    },
  }),
  async (c) => {
    const secret = c.env.STRIPE_WEBHOOK_SECRET;
    if (!secret) {
      throw new ApiError(503, "payments_unavailable", "This deployment has no STRIPE_WEBHOOK_SECRET.");
    }
    // The signature covers the exact bytes, so the body is read as text, never re-serialized.
    const body = await c.req.text();
    let event: Stripe.Event;
    try {
      event = await verifiedEvent(body, c.req.header("stripe-signature") ?? "", secret);
    } catch (err) {
      if (isSignatureError(err)) {
        throw new ApiError(400, "invalid_signature", "The Stripe-Signature header does not match this body.");
      }
      throw err;
    }
    const db = c.var.db;
    if (!(await stripeEventSeen(db, event.id))) await handle(db, event, publicUrl(c), Date.now());
    return c.json({ received: true }, 200);
  },
);

export default router;

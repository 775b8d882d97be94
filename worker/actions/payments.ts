import type { SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type Stripe from "stripe";
import type { PaymentMethod } from "../../db/schema.ts";
import { can, refusalFor } from "../domain/bookings.ts";
import { DomainError, invalid, notFound } from "../domain/errors.ts";
import { clientLinkUrl } from "../domain/links.ts";
import { appointmentFacts, type RefundReason, refundNeeded } from "../domain/messages.ts";
import { balanceDue, formatMoney, paysAsAsked } from "../domain/money.ts";
import { noticeOn } from "../domain/notices.ts";
import type { Db } from "../env.ts";
import { bookingOf, getBookingView } from "../queries/bookings.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import {
  abandonPayment,
  applyPaidCheckout,
  bookingPayments,
  checkoutBooking,
  giveManualRefund,
  type ManualMoney,
  type PaymentRow,
  paymentByRef,
  paymentOfCheckout,
  recordCheckout,
  recordStripeEvent,
  stripeEventSeen,
  takeManualPayment,
} from "../queries/payments.ts";
import { queueEmailWhen } from "../services/outbox.ts";
import { isSignatureError, verifiedEvent } from "../services/stripe.ts";
import { clientBooking } from "./bookings.ts";
import { openCheckout } from "./checkout.ts";
import type { ActionContext, StudioContext, VisitorContext } from "./context.ts";
import { receiptAfter } from "./receipts.ts";

/** The client pays the balance due online: a Stripe Checkout to send them to. */
export async function payBalance(ctx: VisitorContext, token: string): Promise<{ checkoutUrl: string }> {
  const view = await clientBooking(ctx, token);
  const { booking, client } = view;
  if (can("confirm", booking.status)) {
    throw new DomainError("not_confirmed", "Confirm the booking first: confirming asks for what is due.");
  }
  if (booking.status !== "confirmed" || !client) throw refusalFor(booking.status, "be paid");
  const due = balanceDue(booking);
  if (due === 0) throw new DomainError("no_balance_due", "Nothing is owed on this booking.");
  const stripe = ctx.stripe();
  if (!stripe) {
    throw new DomainError("payments_unavailable", "This studio takes payment at the session, not online.");
  }
  const opened = await openCheckout(ctx.db, stripe, {
    view,
    client,
    packageName: view.packages.find((p) => p.id === booking.packageId)?.name ?? view.sessionType.name,
    amounts: booking,
    quote: booking.quote,
    dueCents: due,
    returnUrl: clientLinkUrl(ctx.publicUrl, view.studio.bookingPageUrl, token),
    now: ctx.now,
  });
  if (opened.isNew) await recordCheckout(ctx.db, opened.paymentId, opened.checkout.id);
  return { checkoutUrl: opened.checkout.url };
}

async function studioBooking(ctx: StudioContext, id: string) {
  const booking = await bookingOf(ctx.db, ctx.studio.id, id);
  if (!booking) throw notFound("booking");
  return booking;
}

/** A booking as the photographer manages it: its session, spot, client, amounts and payments. */
export async function studioBookingView(ctx: StudioContext, id: string) {
  const view = await getBookingView(ctx.db, await studioBooking(ctx, id));
  if (!view) throw notFound("booking");
  return { ...view, payments: await bookingPayments(ctx.db, ctx.studio.id, id) };
}
export type StudioBookingView = Awaited<ReturnType<typeof studioBookingView>>;

/** A booking's payments: Checkouts (open, paid, expired, refund needed) and those taken by hand. */
export async function paymentsOf(ctx: StudioContext, bookingId: string): Promise<PaymentRow[]> {
  await studioBooking(ctx, bookingId);
  return bookingPayments(ctx.db, ctx.studio.id, bookingId);
}

export type ManualEntry = {
  amountCents: number;
  method?: PaymentMethod | undefined;
  note?: string | undefined;
};

/** Writes money taken or given back by hand in one batch, then answers the payment and the booking. */
async function writeManual(
  ctx: StudioContext,
  bookingId: string,
  entry: ManualEntry,
  currency: string,
  statements: (m: ManualMoney) => readonly [BatchItem<"sqlite">, BatchItem<"sqlite">],
) {
  const { db, studio } = ctx;
  const paymentId = crypto.randomUUID();
  const [credited] = await db.batch(
    statements({
      id: paymentId,
      studioId: studio.id,
      bookingId,
      amountCents: entry.amountCents,
      currency,
      method: entry.method ?? null,
      note: entry.note ?? "",
      now: ctx.now,
    }),
  );
  if ((credited as { meta: { changes: number } }).meta.changes !== 1) {
    throw new DomainError("booking_changed", "This booking changed meanwhile. Please reload.");
  }
  const [after, rows] = await Promise.all([
    studioBooking(ctx, bookingId),
    bookingPayments(db, studio.id, bookingId),
  ]);
  const payment = rows.find((p) => p.id === paymentId);
  if (!payment) throw new Error("the manual payment was not recorded");
  return { payment, booking: after };
}

/** The photographer records a payment taken outside Stripe (cash, a transfer); it counts toward the balance. */
export async function recordManualPayment(ctx: StudioContext, bookingId: string, entry: ManualEntry) {
  const booking = await studioBooking(ctx, bookingId);
  if (!can("takePayment", booking.status)) throw refusalFor(booking.status, "take a payment");
  const balance = balanceDue(booking);
  if (balance === 0) throw new DomainError("no_balance_due", "This booking is paid in full.");
  if (entry.amountCents > balance) {
    throw invalid("amountCents", `Only ${formatMoney(balance, booking.currency, ctx.studio.locale)} is due.`);
  }
  return writeManual(ctx, bookingId, entry, booking.currency, (m) => takeManualPayment(ctx.db, m));
}

/** The photographer records money given back to the client; never more than the booking counts as paid. */
export async function recordRefund(ctx: StudioContext, bookingId: string, entry: ManualEntry) {
  const booking = await studioBooking(ctx, bookingId);
  if (booking.paidCents === 0) {
    throw new DomainError(
      "nothing_to_refund",
      "Nothing was paid on this booking, so there is nothing to refund.",
    );
  }
  if (entry.amountCents > booking.paidCents) {
    throw invalid(
      "amountCents",
      `Only ${formatMoney(booking.paidCents, booking.currency, ctx.studio.locale)} was paid, so no more can be refunded.`,
    );
  }
  return writeManual(ctx, bookingId, entry, booking.currency, (m) => giveManualRefund(ctx.db, m));
}

type CheckoutSession = Stripe.Checkout.Session;

/**
 * A paid Checkout: the booking it names is confirmed and credited, with the client's receipt, if
 * the payment is exactly what we asked for through that Checkout; otherwise (not as asked, or the
 * booking cannot take it) the payment is recorded for refund and the studio told. All in one
 * batch with the event id, the batch deciding (see applyPaidCheckout).
 */
async function applyPayment(ctx: ActionContext, event: Stripe.Event, session: CheckoutSession) {
  const { db, now } = ctx;
  const found = await checkoutBooking(db, session.metadata);
  const view = found && (await getBookingView(db, found));
  const client = view?.client;
  if (!view || !client) {
    // Not one of ours (another app on the same Stripe account) or a booking that is gone.
    console.warn("paid Checkout for no known booking", session.id);
    await recordStripeEvent(db, event, now);
    return;
  }
  const { booking, studio } = view;
  const paid = { amountCents: session.amount_total, currency: (session.currency ?? "").toUpperCase() };
  const asked = await paymentOfCheckout(db, session.id);
  // Only the alert's words hang on this read; whether the booking takes the money is the batch's.
  const opened =
    asked?.provider === "stripe" && asked.studioId === studio.id && asked.bookingId === booking.id;
  const reason: RefundReason =
    opened && paysAsAsked(asked, paid)
      ? { kind: "booking_unavailable" }
      : {
          kind: "not_as_asked",
          asked: opened ? { amountCents: asked.amountCents, currency: asked.currency } : null,
        };
  const receipt = await receiptAfter(db, {
    view,
    client,
    amounts: { ...booking, paidCents: booking.paidCents + (paid.amountCents ?? 0) },
    kind: booking.status === "confirmed" ? "payment_received" : "booking_confirmed",
    publicUrl: ctx.publicUrl,
    now,
    online: true,
    notice: "paid",
  });
  const facts = appointmentFacts(studio, view.session, view.spot, client);
  const alertStudio = (refunding: SQL) =>
    studio.email && noticeOn(studio, "refund_needed")
      ? [
          queueEmailWhen(
            db,
            {
              ...refundNeeded(facts, { ...paid, reference: session.id, clientEmail: client.email }, reason),
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
        ...paid,
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
    throw new DomainError("spot_taken", "The spot is taken; deliver the event again to record the refund.");
  }
}

/** What a verified event does; anything not about our Checkouts is only recorded. */
async function applyEvent(ctx: ActionContext, event: Stripe.Event): Promise<void> {
  const { db, now } = ctx;
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      // A bank debit completes unpaid; its money arrives with async_payment_succeeded.
      if (event.data.object.payment_status === "paid") return applyPayment(ctx, event, event.data.object);
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

/**
 * Stripe's webhook: the exact body as sent and its signature header. Each event id is handled
 * once, so a replay changes nothing.
 */
export async function receiveStripeEvent(
  ctx: ActionContext,
  delivery: { body: string; signature: string; secret: string | undefined },
): Promise<void> {
  if (!delivery.secret) {
    throw new DomainError("payments_unavailable", "This deployment has no STRIPE_WEBHOOK_SECRET.", {
      status: 503,
    });
  }
  let event: Stripe.Event;
  try {
    event = await verifiedEvent(delivery.body, delivery.signature, delivery.secret, ctx.now);
  } catch (err) {
    if (isSignatureError(err)) {
      throw new DomainError("invalid_signature", "The Stripe-Signature header does not match this body.");
    }
    throw err;
  }
  if (!(await stripeEventSeen(ctx.db, event.id))) await applyEvent(ctx, event);
}

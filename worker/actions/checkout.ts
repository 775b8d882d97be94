import type { BatchItem } from "drizzle-orm/batch";
import type Stripe from "stripe";
import { visitorWords } from "../domain/catalogues/index.ts";
import { type ChargeLine, chargeLines } from "../domain/checkout-lines.ts";
import { DomainError } from "../domain/errors.ts";
import { appointmentFacts, checkoutItem } from "../domain/messages.ts";
import { type Amounts, formatMoney } from "../domain/money.ts";
import type { Quote } from "../domain/pricing.ts";
import type { Db } from "../env.ts";
import type { BookingView } from "../queries/bookings.ts";
import {
  abandonPayment,
  claimCheckout,
  isClaim,
  openCheckoutPayment,
  type PaymentRow,
  paymentById,
  recordCheckout,
} from "../queries/payments.ts";
import {
  type Checkout,
  checkoutLifetimeMs,
  checkoutState,
  closeCheckout,
  createCheckout,
} from "../services/stripe.ts";
import { clientLocale } from "./email-templates.ts";

export type CheckoutSpec = {
  view: BookingView;
  client: { name: string; email: string };
  packageName: string;
  /** The booking's amounts once this request is applied; the Checkout asks for `dueCents`. */
  amounts: Amounts;
  /** How the amount came about; null for a booking priced before quotes (one line then). */
  quote?: Quote | null;
  dueCents: number;
  /** The client's booking page, where Stripe sends them back. */
  returnUrl: string;
  now: number;
  /** The visitor's language, while the booking being written does not yet record it. */
  locale?: string | undefined;
};

/** A Checkout for the booking, and whether it is new (then the caller records it with its write). */
export type OpenedCheckout = { checkout: Checkout; paymentId: string; isNew: boolean };

/** A claim older than this belongs to a request that died before Stripe answered. */
const claimTimeoutMs = 60_000;

const busy = () =>
  new DomainError(
    "payment_in_progress",
    "A payment for this booking is being set up. Please try again in a moment.",
  );

async function fromStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    console.error("Stripe call failed", err);
    throw new DomainError(
      "payments_unavailable",
      "Online payment is unavailable right now. Please try again.",
      {
        status: 503,
      },
    );
  }
}

/**
 * The booking's one open Checkout: the one already open for this amount if there is one, else a
 * new one. An open Checkout for another amount (the client chose another package) is closed
 * first, so that only one can ever be paid.
 */
export async function openCheckout(db: Db, stripe: Stripe, s: CheckoutSpec): Promise<OpenedCheckout> {
  const openSince = s.now - checkoutLifetimeMs;
  const paymentId = crypto.randomUUID();
  const claim = {
    id: paymentId,
    studioId: s.view.studio.id,
    bookingId: s.view.booking.id,
    amountCents: s.dueCents,
    currency: s.view.booking.currency,
    now: s.now,
    openSince,
  };
  if (!(await claimCheckout(db, claim))) {
    const open = await openCheckoutPayment(db, s.view.booking.id, openSince);
    const reused = open && (await reuse(db, stripe, open, s));
    if (reused) return reused;
    if (!(await claimCheckout(db, claim))) throw busy();
  }
  // Stripe's page shows the line in the client's language, as their emails are.
  const locale = await clientLocale(
    db,
    s.view.studio.id,
    { locale: s.locale ?? s.view.booking.locale },
    s.client.email,
  );
  const facts = appointmentFacts(s.view.studio, s.view.session, s.view.spot, s.client, locale);
  const item = checkoutItem(facts, s.packageName, s.amounts, s.dueCents);
  const currency = s.view.booking.currency;
  const say = visitorWords(facts.locale);
  const lines = chargeLines(s.quote, s.amounts, s.dueCents, say).map((l: ChargeLine, i) => ({
    name: `${"of" in l && l.of ? `${l.of} × ` : ""}${l.kind === "whole" ? item.partName : l.kind === "package" ? item.name : l.label}`,
    quantity: l.quantity,
    unitCents: l.unitCents,
    // The first line says what the money is for and when, and tax the prices include.
    ...(i === 0 && {
      description:
        s.quote?.taxInclusive && s.quote.taxCents > 0 && l.kind !== "whole"
          ? `${item.description} · ${say("taxIncluded", { amount: formatMoney(s.quote.taxCents, currency, facts.locale) })}`
          : item.description,
    }),
  }));
  try {
    const checkout = await fromStripe(() =>
      createCheckout(stripe, {
        paymentId,
        bookingId: s.view.booking.id,
        studioId: s.view.studio.id,
        amountCents: s.dueCents,
        currency,
        lines,
        customerEmail: s.client.email,
        returnUrl: s.returnUrl,
        expiresAt: s.now + checkoutLifetimeMs,
      }),
    );
    return { checkout, paymentId, isNew: true };
  } catch (err) {
    await abandonPayment(db, paymentById(paymentId));
    throw err;
  }
}

/** The open Checkout if it still asks for what is due; otherwise it is closed and null answered. */
async function reuse(
  db: Db,
  stripe: Stripe,
  open: PaymentRow,
  s: CheckoutSpec,
): Promise<OpenedCheckout | null> {
  if (isClaim(open)) {
    if (open.createdAt > s.now - claimTimeoutMs) throw busy();
  } else {
    const state = await fromStripe(() => checkoutState(stripe, open.providerRef));
    if (state.status === "complete") {
      throw new DomainError("already_paid", "Your payment went through; the booking updates in a moment.");
    }
    if (state.status === "open" && state.url && open.amountCents === s.dueCents) {
      return {
        checkout: { id: open.providerRef, url: state.url, expiresAt: state.expiresAt },
        paymentId: open.id,
        isNew: false,
      };
    }
    if (state.status === "open") await closeCheckout(stripe, open.providerRef);
  }
  await abandonPayment(db, paymentById(open.id));
  return null;
}

/**
 * A new Checkout that the booking's write could not follow (the hold lapsed, the booking changed)
 * is closed. One opened earlier is left alone: it may be what a first click sent the client to.
 */
export async function withdrawCheckout(db: Db, stripe: Stripe, opened: OpenedCheckout): Promise<void> {
  if (!opened.isNew) return;
  await closeCheckout(stripe, opened.checkout.id);
  await abandonPayment(db, paymentById(opened.paymentId));
}

/** The write that records a new Checkout's id, for the batch of the booking it belongs to. */
export const recorded = (db: Db, opened: OpenedCheckout): BatchItem<"sqlite">[] =>
  opened.isNew ? [recordCheckout(db, opened.paymentId, opened.checkout.id)] : [];

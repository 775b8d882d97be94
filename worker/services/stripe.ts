import Stripe from "stripe";
import type { Bindings } from "../env.ts";

/**
 * Stripe, through its official SDK on the Worker's fetch and Web Crypto. Only Checkout is used:
 * Stripe hosts the card form, so no card data ever reaches Spotbook.
 */

/**
 * How long a Checkout stays open. Stripe's minimum is 30 minutes counted on its own clock from
 * when it receives the request, so exactly 30 from ours can be refused; a minute more never is.
 */
export const checkoutLifetimeMs = 31 * 60_000;

/** The deployment's Stripe client, or null when online payment is not set up (pay at the session). */
export function stripeFor(env: Bindings): Stripe | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  // Built per use: cheap, and the fetch it captures is the one of the moment.
  return new Stripe(env.STRIPE_SECRET_KEY, {
    httpClient: Stripe.createFetchHttpClient(),
    // A visitor waits on this call; Stripe's default of 80 s is for servers.
    timeout: 15_000,
    ...(env.STRIPE_API_BASE && apiAddress(env.STRIPE_API_BASE)),
  });
}

/** The SDK's own address options for a stand-in of Stripe's API (see STRIPE_API_BASE). */
function apiAddress(base: string) {
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { protocol, host: url.hostname, port: url.port || (protocol === "http" ? 80 : 443) } as const;
}

export type CheckoutRequest = {
  /** Our pending payment's id: the idempotency key, so one attempt is one Checkout whatever the retries. */
  paymentId: string;
  bookingId: string;
  studioId: string;
  amountCents: number;
  currency: string;
  /** What the client sees on Stripe's page, line by line; they must sum to `amountCents`. */
  lines: CheckoutLine[];
  customerEmail: string;
  /** The client's booking page; Stripe sends them back to it, paid or not. */
  returnUrl: string;
  expiresAt: number;
};

export type CheckoutLine = { name: string; description?: string; quantity: number; unitCents: number };

export type Checkout = { id: string; url: string; expiresAt: number };

const withOutcome = (page: string, outcome: "paid" | "cancelled") => {
  const url = new URL(page);
  url.searchParams.set("spotbook_payment", outcome);
  return url.toString();
};

export async function createCheckout(stripe: Stripe, r: CheckoutRequest): Promise<Checkout> {
  const metadata = { bookingId: r.bookingId, studioId: r.studioId, paymentId: r.paymentId };
  // The webhook accepts a payment only of the amount asked for: lines that sum to another are a bug.
  const sum = r.lines.reduce((total, l) => total + l.quantity * l.unitCents, 0);
  if (sum !== r.amountCents) throw new Error(`Checkout lines sum to ${sum}, not ${r.amountCents}`);
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      line_items: r.lines.map((l) => ({
        quantity: l.quantity,
        price_data: {
          // Our minor units are Stripe's smallest currency unit.
          currency: r.currency.toLowerCase(),
          unit_amount: l.unitCents,
          product_data: { name: l.name, ...(l.description && { description: l.description }) },
        },
      })),
      customer_email: r.customerEmail,
      client_reference_id: r.bookingId,
      metadata,
      payment_intent_data: { metadata },
      expires_at: Math.floor(r.expiresAt / 1000),
      success_url: withOutcome(r.returnUrl, "paid"),
      cancel_url: withOutcome(r.returnUrl, "cancelled"),
    },
    { idempotencyKey: `spotbook-checkout-${r.paymentId}` },
  );
  if (!session.url) throw new Error(`Stripe answered Checkout ${session.id} without a URL`);
  return { id: session.id, url: session.url, expiresAt: session.expires_at * 1000 };
}

/** A Checkout opened earlier: still payable (`open`), already paid (`complete`) or `expired`. */
export async function checkoutState(stripe: Stripe, id: string) {
  const session = await stripe.checkout.sessions.retrieve(id);
  return { status: session.status, url: session.url, expiresAt: session.expires_at * 1000 };
}

/** Closes a Checkout nobody should pay any more; if Stripe cannot be reached, it lapses on its own. */
export async function closeCheckout(stripe: Stripe, id: string): Promise<void> {
  try {
    await stripe.checkout.sessions.expire(id);
  } catch (err) {
    console.warn("could not expire Checkout", id, err instanceof Error ? err.message : err);
  }
}

/** How far, in seconds, a signature's timestamp may be from now, either way (the SDK's default). */
export const signatureToleranceSeconds = 300;

/**
 * The `t=` of a Stripe-Signature header, read as the SDK reads it (the last one, `parseInt`), so
 * that the timestamp checked here is the one its HMAC covers; null if there is none.
 */
function signedAt(header: string): number | null {
  let t: number | null = null;
  for (const item of header.split(",")) {
    const [key, value] = item.split("=");
    if (key === "t") t = Number.parseInt(value ?? "", 10);
  }
  return t;
}

const signatureError = (header: string, body: string, message: string) =>
  new Stripe.errors.StripeSignatureVerificationError(header, body, { message });

/**
 * The event Stripe signed, or a StripeSignatureVerificationError. The SDK checks the HMAC and
 * refuses a timestamp older than the tolerance; one further ahead of `now` than the tolerance
 * (which would keep a captured delivery replayable long after) is refused here too.
 */
export async function verifiedEvent(
  body: string,
  signature: string,
  secret: string,
  now = Date.now(),
): Promise<Stripe.Event> {
  const event = await Stripe.webhooks.constructEventAsync(
    body,
    signature,
    secret,
    signatureToleranceSeconds,
    Stripe.createSubtleCryptoProvider(),
    now,
  );
  const t = signedAt(signature);
  if (t === null || !Number.isFinite(t) || t - Math.floor(now / 1000) > signatureToleranceSeconds) {
    throw signatureError(signature, body, "Timestamp outside the tolerance zone");
  }
  return event;
}

export const isSignatureError = (err: unknown): boolean =>
  err instanceof Stripe.errors.StripeSignatureVerificationError;

/**
 * Gives back what a paid Checkout took, through Stripe's Refunds API (on its payment intent);
 * one refund per payment whatever the retries (the idempotency key).
 */
export async function refundCheckout(stripe: Stripe, checkoutId: string, paymentId: string): Promise<void> {
  const session = await stripe.checkout.sessions.retrieve(checkoutId);
  const intent =
    typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  if (!intent) throw new Error(`Checkout ${checkoutId} has no payment to refund`);
  await stripe.refunds.create({ payment_intent: intent }, { idempotencyKey: `spotbook-refund-${paymentId}` });
}

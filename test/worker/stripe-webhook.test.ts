import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runScheduledJobs } from "../../worker/jobs/scheduled.ts";
import {
  bookingRow,
  bookWithCheckout,
  checkoutEvent,
  deliver,
  type FakeSession,
  fakeStripe,
  postWebhook,
  rowsOf,
  signatureFor,
  stripeEnv,
} from "./payments-support.ts";
import { call, hold, openMultiSession, rowCount } from "./support.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A visitor who is sent to Stripe to pay the deposit, and what Stripe knows of it. */
async function pendingPayment(spots = 1, typeOverrides: Record<string, unknown> = {}) {
  const stripe = fakeStripe();
  const opened = await openMultiSession(spots, typeOverrides);
  const { held, token } = await bookWithCheckout(opened.session.slug, opened.spotIds[0] as string);
  return {
    ...opened,
    stripe,
    bookingId: held.body.hold.id as string,
    link: token,
    checkout: stripe.created(),
  };
}

const eventCount = async (id: string) =>
  (
    await env.DB.prepare("SELECT count(*) AS n FROM stripe_events WHERE id = ?")
      .bind(id)
      .first<{ n: number }>()
  )?.n;

/** A D1 that fails the batch crediting a booking, as the partial unique index on live bookings would. */
function refusingCredit(): D1Database {
  const sqlOf = new WeakMap<D1PreparedStatement, string>();
  return new Proxy(env.DB, {
    get: (db, prop) => {
      if (prop === "prepare") {
        return (query: string) =>
          new Proxy(db.prepare(query), {
            get: (statement, p) =>
              p === "bind"
                ? (...params: unknown[]) => {
                    const bound = statement.bind(...params);
                    sqlOf.set(bound, query);
                    return bound;
                  }
                : Reflect.get(statement, p).bind(statement),
          });
      }
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) =>
          statements.some((st) =>
            /^update "bookings" set "status" = \?, "paid_cents"/.test(sqlOf.get(st) ?? ""),
          )
            ? Promise.reject(
                new Error("D1_ERROR: UNIQUE constraint failed: bookings.spot_id: SQLITE_CONSTRAINT"),
              )
            : db.batch(statements);
      }
      return Reflect.get(db, prop).bind(db);
    },
  });
}

describe("POST /v1/stripe/webhook: a paid Checkout", () => {
  it("confirms the booking, records the payment and queues the receipt", async () => {
    const { stripe, bookingId, link, checkout } = await pendingPayment();
    const event = checkoutEvent("checkout.session.completed", stripe.pay(checkout));
    const res = await deliver(event);
    expect(res).toEqual({ status: 200, body: { received: true } });
    expect((await call("GET", `/v1/bookings/${link}`)).body.booking).toMatchObject({
      status: "confirmed",
      paidCents: 5000,
      balanceCents: 10000,
      expiresAt: null,
    });
    expect(await rowsOf("payments", bookingId)).toEqual([
      expect.objectContaining({ provider_ref: checkout.id, amount_cents: 5000, status: "succeeded" }),
    ]);
    const [receipt, ...others] = await rowsOf<{ kind: string; recipient: string; text: string }>(
      "emails",
      bookingId,
    );
    expect(others).toEqual([]);
    expect(receipt).toMatchObject({ kind: "booking_confirmed", recipient: "mary@example.com" });
    expect(receipt?.text).toContain("Paid: $50.00\nBalance due: $100.00");
    expect(await eventCount(event.id)).toBe(1);
  });

  it("changes nothing when the same event is delivered again", async () => {
    const { stripe, bookingId, checkout } = await pendingPayment();
    const event = checkoutEvent("checkout.session.completed", stripe.pay(checkout));
    await deliver(event);
    expect((await deliver(event)).status).toBe(200);
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 5000 });
    expect(await rowsOf("payments", bookingId)).toHaveLength(1);
    expect(await rowsOf("emails", bookingId)).toHaveLength(1);
  });

  it("credits a Checkout once, whichever of its events come (completed, then async_payment_succeeded)", async () => {
    const { stripe, bookingId, checkout } = await pendingPayment();
    stripe.pay(checkout);
    await deliver(checkoutEvent("checkout.session.completed", checkout));
    await deliver(checkoutEvent("checkout.session.async_payment_succeeded", checkout));
    expect(await bookingRow(bookingId)).toMatchObject({ paid_cents: 5000 });
    expect(await rowsOf("emails", bookingId)).toHaveLength(1);
  });

  it("waits for the money when a Checkout completes unpaid (a bank debit)", async () => {
    const { stripe, bookingId, checkout } = await pendingPayment();
    await deliver(checkoutEvent("checkout.session.completed", { ...checkout, status: "complete" }));
    expect(await bookingRow(bookingId)).toMatchObject({ status: "pending_payment", paid_cents: 0 });
    await deliver(checkoutEvent("checkout.session.async_payment_succeeded", stripe.pay(checkout)));
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 5000 });
  });

  it("is not undone by an `expired` event that arrives after it", async () => {
    const { stripe, bookingId, checkout } = await pendingPayment();
    await deliver(checkoutEvent("checkout.session.completed", stripe.pay(checkout)));
    await deliver(checkoutEvent("checkout.session.expired", { ...checkout, status: "expired" }));
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 5000 });
    expect(await rowsOf("payments", bookingId)).toEqual([expect.objectContaining({ status: "succeeded" })]);
  });

  it("still books the spot when the payment lands after the hold lapsed, if nobody took it", async () => {
    const { stripe, bookingId, checkout } = await pendingPayment();
    await runScheduledJobs(env, Date.now() + 40 * 60_000);
    expect(await bookingRow(bookingId)).toMatchObject({ status: "expired" });
    await deliver(checkoutEvent("checkout.session.completed", stripe.pay(checkout)));
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 5000 });
    expect(await rowsOf("payments", bookingId)).toEqual([expect.objectContaining({ status: "succeeded" })]);
  });

  it("is flagged for refund, never double-booked, when someone else has the spot by then", async () => {
    const { stripe, bookingId, session, spotIds, checkout, token } = await pendingPayment();
    await call("PATCH", "/v1/admin/studio", { token, body: { email: "hello@juniper.example" } });
    await runScheduledJobs(env, Date.now() + 40 * 60_000);
    const other = await hold(session.slug, spotIds[0] as string);
    expect(other.status).toBe(201);
    await call("POST", `/v1/holds/${other.body.hold.id}/booking`, {
      token: other.body.hold.token,
      body: { client: { name: "Claire", email: "claire@example.com" } },
    });

    expect((await deliver(checkoutEvent("checkout.session.completed", stripe.pay(checkout)))).status).toBe(
      200,
    );
    expect(await bookingRow(bookingId)).toMatchObject({ status: "expired", paid_cents: 0 });
    expect(await bookingRow(other.body.hold.id)).toMatchObject({ status: "confirmed" });
    expect(await rowsOf("payments", bookingId)).toEqual([
      expect.objectContaining({ provider_ref: checkout.id, amount_cents: 5000, status: "refund_needed" }),
    ]);
    const [alert] = await rowsOf<{ kind: string; recipient: string; subject: string; text: string }>(
      "emails",
      bookingId,
    );
    expect(alert).toMatchObject({
      kind: "refund_needed",
      recipient: "hello@juniper.example",
      subject: "Refund needed: $50.00 for Fall Minis",
    });
    expect(alert?.text).toContain(checkout.id);
    const live = await env.DB.prepare(
      "SELECT count(*) AS n FROM bookings WHERE spot_id = ? AND status IN ('held','pending_payment','reserved','awaiting_confirmation','confirmed')",
    )
      .bind(spotIds[0])
      .first<{ n: number }>();
    expect(live?.n).toBe(1);
  });

  it("answers 409 and writes nothing if the unique index refuses the batch, so that Stripe retries", async () => {
    const { stripe, bookingId, checkout } = await pendingPayment();
    const event = checkoutEvent("checkout.session.completed", stripe.pay(checkout));
    const refused = await deliver(event, { ...stripeEnv, DB: refusingCredit() });
    expect(refused).toMatchObject({ status: 409, body: { code: "spot_taken" } });
    expect(await eventCount(event.id)).toBe(0);
    expect(await bookingRow(bookingId)).toMatchObject({ status: "pending_payment", paid_cents: 0 });
    expect((await deliver(event)).status).toBe(200);
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 5000 });
  });

  it("is flagged for refund when the photographer cancelled the booking meanwhile", async () => {
    const { stripe, bookingId, token, checkout } = await pendingPayment();
    expect((await call("DELETE", `/v1/admin/bookings/${bookingId}`, { token })).status).toBe(204);
    await deliver(checkoutEvent("checkout.session.completed", stripe.pay(checkout)));
    expect(await bookingRow(bookingId)).toMatchObject({ status: "cancelled", paid_cents: 0 });
    expect(await rowsOf("payments", bookingId)).toEqual([
      expect.objectContaining({ status: "refund_needed" }),
    ]);
  });
});

type PaymentRecord = { provider_ref: string; amount_cents: number; currency: string; status: string };
type EmailRecord = { kind: string; recipient: string; subject: string; text: string };

/** A pending deposit at a studio with an email address, so that a refund alert has somewhere to go. */
async function pendingPaymentAlerting(typeOverrides: Record<string, unknown> = {}) {
  const pending = await pendingPayment(1, typeOverrides);
  // A studio's email signs it in, so it is unique across the deployment.
  const studioEmail = `hello-${crypto.randomUUID()}@juniper.example`;
  const set = await call("PATCH", "/v1/admin/studio", { token: pending.token, body: { email: studioEmail } });
  expect(set.status).toBe(200);
  return { ...pending, studioEmail };
}

/** Stripe's event for a paid Checkout, as a session that differs from the one we opened by `changes`. */
const paidEvent = (
  checkout: FakeSession,
  changes: Record<string, unknown>,
  type = "checkout.session.completed",
) => checkoutEvent(type, { ...checkout, status: "complete", payment_status: "paid", ...changes });

/** The booking was left as it was, the payment recorded for refund and the studio told. */
async function expectRefused(
  bookingId: string,
  payment: Partial<PaymentRecord>,
  alert: { to: string; subject: string; says: string[] },
) {
  expect(await bookingRow(bookingId)).toMatchObject({ status: "pending_payment", paid_cents: 0 });
  const rows = await rowsOf<PaymentRecord>("payments", bookingId);
  expect(rows.filter((r) => r.status !== "pending")).toEqual([
    expect.objectContaining({ ...payment, status: "refund_needed" }),
  ]);
  const mail = await rowsOf<EmailRecord>("emails", bookingId);
  expect(mail).toEqual([
    expect.objectContaining({
      kind: "refund_needed",
      recipient: alert.to,
      subject: alert.subject,
    }),
  ]);
  for (const words of alert.says) expect(mail[0]?.text).toContain(words);
  expect(mail[0]?.text).toContain("The booking was not confirmed and nothing was credited to it.");
}

describe("POST /v1/stripe/webhook: a paid Checkout that is not what was asked", () => {
  it("does not confirm a $50 deposit paid with 1 cent: recorded for refund, the studio told", async () => {
    const { stripe, bookingId, link, checkout, studioEmail } = await pendingPaymentAlerting();
    const event = paidEvent(checkout, { amount_total: 1 });
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true } });
    await expectRefused(
      bookingId,
      { provider_ref: checkout.id, amount_cents: 1, currency: "USD" },
      {
        to: studioEmail,
        subject: "Refund needed: $0.01 for Fall Minis",
        says: ["paid $0.01 online", "the Checkout asked for $50.00", checkout.id],
      },
    );
    expect((await call("GET", `/v1/bookings/${link}`)).body.booking).toMatchObject({
      status: "pending_payment",
      paidCents: 0,
    });
    expect(await eventCount(event.id)).toBe(1);

    // Replays change nothing; neither does the Checkout's other event, even with the right amount.
    await deliver(event);
    await deliver(paidEvent(stripe.pay(checkout), {}, "checkout.session.async_payment_succeeded"));
    expect(await bookingRow(bookingId)).toMatchObject({ status: "pending_payment", paid_cents: 0 });
    expect(await rowsOf("payments", bookingId)).toHaveLength(1);
    expect(await rowsOf("emails", bookingId)).toHaveLength(1);
  });

  it("does not confirm a deposit paid in another currency", async () => {
    const { bookingId, checkout, studioEmail } = await pendingPaymentAlerting();
    await deliver(paidEvent(checkout, { currency: "eur" }));
    await expectRefused(
      bookingId,
      { provider_ref: checkout.id, amount_cents: 5000, currency: "EUR" },
      {
        to: studioEmail,
        subject: "Refund needed: €50.00 for Fall Minis",
        says: ["paid €50.00 online", "asked for $50.00"],
      },
    );
  });

  it("does not confirm a booking through a Checkout we never opened, even one naming it in our metadata", async () => {
    const { bookingId, checkout, studioEmail } = await pendingPaymentAlerting();
    const forged = paidEvent(checkout, { id: "cs_test_not_ours", amount_total: 5000 });
    expect((await deliver(forged)).status).toBe(200);
    await expectRefused(
      bookingId,
      { provider_ref: "cs_test_not_ours", amount_cents: 5000, currency: "USD" },
      {
        to: studioEmail,
        subject: "Refund needed: $50.00 for Fall Minis",
        says: ["Spotbook opened no such Checkout", "cs_test_not_ours"],
      },
    );
    // Our own Checkout is still pending and still confirms the booking when paid.
    expect(await rowsOf("payments", bookingId)).toContainEqual(
      expect.objectContaining({ provider_ref: checkout.id, status: "pending" }),
    );
  });

  it("does not confirm a booking when the event states no amount", async () => {
    const { bookingId, checkout, studioEmail } = await pendingPaymentAlerting();
    await deliver(paidEvent(checkout, { amount_total: null }));
    await expectRefused(
      bookingId,
      { provider_ref: checkout.id, amount_cents: 0 },
      {
        to: studioEmail,
        subject: "Refund needed: a payment for Fall Minis",
        says: ["paid an amount Stripe did not state online"],
      },
    );
  });

  it("does not confirm a deposit overpaid, even within the booking's price", async () => {
    const { bookingId, checkout, studioEmail } = await pendingPaymentAlerting();
    await deliver(paidEvent(checkout, { amount_total: 5001 }));
    await expectRefused(
      bookingId,
      { provider_ref: checkout.id, amount_cents: 5001 },
      { to: studioEmail, subject: "Refund needed: $50.01 for Fall Minis", says: ["asked for $50.00"] },
    );
  });

  it("confirms the booking when the payment is exactly what was asked, in the studio's currency", async () => {
    const { bookingId, checkout } = await pendingPaymentAlerting();
    await deliver(paidEvent(checkout, { amount_total: 5000, currency: "usd" }));
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 5000 });
    expect(await rowsOf("payments", bookingId)).toEqual([
      expect.objectContaining({
        provider_ref: checkout.id,
        amount_cents: 5000,
        currency: "USD",
        status: "succeeded",
      }),
    ]);
    // The client's receipt, and the studio's notice of the payment.
    expect((await rowsOf<EmailRecord>("emails", bookingId)).map((m) => m.kind)).toEqual([
      "booking_confirmed",
      "notice_paid",
    ]);
  });

  it("confirms a booking exactly when the payment is what was asked, and never half-writes the money", async ({
    annotate,
  }) => {
    const cases = new Map<string, number>();
    type Case = {
      depositCents: number;
      relation: "below" | "exact" | "above" | "none";
      delta: number;
      currency: string;
      checkout: "ours" | "unknown";
      type: string;
    };
    const completed = "checkout.session.completed";
    const example = (c: Partial<Case>): [Case] => [
      {
        depositCents: 5000,
        relation: "exact",
        delta: 1,
        currency: "usd",
        checkout: "ours",
        type: completed,
        ...c,
      },
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          depositCents: fc.integer({ min: 1, max: 200_000 }),
          relation: fc.constantFrom("below", "exact", "above", "none"),
          delta: fc.integer({ min: 1, max: 500_000 }),
          currency: fc.oneof(
            { weight: 3, arbitrary: fc.constant("usd") },
            { weight: 1, arbitrary: fc.constantFrom("eur", "gbp", "jpy", "cad") },
          ),
          checkout: fc.oneof(
            { weight: 4, arbitrary: fc.constant("ours") },
            { weight: 1, arbitrary: fc.constant("unknown") },
          ),
          type: fc.constantFrom("checkout.session.completed", "checkout.session.async_payment_succeeded"),
        }),
        async (c) => {
          const asked = c.depositCents;
          const amount =
            c.relation === "none"
              ? null
              : c.relation === "exact"
                ? asked
                : c.relation === "below"
                  ? Math.max(0, asked - c.delta)
                  : asked + c.delta;
          const { stripe, bookingId, checkout } = await pendingPaymentAlerting({
            packages: [{ name: "Mini", priceCents: asked * 3, depositCents: asked }],
          });
          try {
            const id = c.checkout === "ours" ? checkout.id : `cs_test_unknown_${crypto.randomUUID()}`;
            const event = paidEvent(checkout, { id, amount_total: amount, currency: c.currency }, c.type);
            expect((await deliver(event)).status).toBe(200);
            const asAsked = c.checkout === "ours" && amount === asked && c.currency === "usd";
            const key = `${c.checkout} ${amount === asked ? "exact" : c.relation} ${c.currency === "usd" ? "usd" : "other"} → ${asAsked ? "confirmed" : "refused"}`;
            cases.set(key, (cases.get(key) ?? 0) + 1);

            const check = async () => {
              const booking = await bookingRow(bookingId);
              const rows = await rowsOf<PaymentRecord>("payments", bookingId);
              const mail = await rowsOf<EmailRecord>("emails", bookingId);
              const succeeded = rows.filter((r) => r.status === "succeeded");
              const refunds = rows.filter((r) => r.status === "refund_needed");
              expect(booking?.status).toBe(asAsked ? "confirmed" : "pending_payment");
              // What the booking was credited is exactly what its succeeded payments say.
              expect(booking?.paid_cents).toBe(succeeded.reduce((sum, r) => sum + r.amount_cents, 0));
              expect(booking?.paid_cents).toBe(asAsked ? asked : 0);
              // The paid Checkout has one row: succeeded, or for refund with what was paid.
              expect(rows.filter((r) => r.provider_ref === id)).toEqual([
                asAsked
                  ? expect.objectContaining({ status: "succeeded", amount_cents: asked, currency: "USD" })
                  : expect.objectContaining({
                      status: "refund_needed",
                      amount_cents: amount ?? 0,
                      currency: c.currency.toUpperCase(),
                    }),
              ]);
              expect(succeeded).toHaveLength(asAsked ? 1 : 0);
              expect(refunds).toHaveLength(asAsked ? 0 : 1);
              expect(mail.map((m) => m.kind)).toEqual(
                asAsked ? ["booking_confirmed", "notice_paid"] : ["refund_needed"],
              );
              expect(await eventCount(event.id)).toBe(1);
            };
            await check();
            // A replay, and the Checkout's other event, change nothing.
            await deliver(event);
            const other =
              c.type === "checkout.session.completed"
                ? "checkout.session.async_payment_succeeded"
                : "checkout.session.completed";
            await deliver(paidEvent(checkout, { id, amount_total: amount, currency: c.currency }, other));
            await check();
          } finally {
            stripe.restore();
          }
        },
      ),
      {
        numRuns: 40,
        examples: [
          example({ relation: "below", delta: 4999 }),
          example({}),
          example({ currency: "eur" }),
          example({ checkout: "unknown" }),
          example({ relation: "above", delta: 1 }),
          example({ relation: "none", type: "checkout.session.async_payment_succeeded" }),
        ],
      },
    );
    await annotate(
      `cases run: ${[...cases]
        .sort()
        .map(([k, n]) => `${k}: ${n}`)
        .join("; ")}`,
    );
  }, 180_000);
});

describe("POST /v1/stripe/webhook: other events and bad requests", () => {
  it("marks an abandoned Checkout expired and leaves the booking to lapse on its own", async () => {
    const { bookingId, checkout } = await pendingPayment();
    await deliver(checkoutEvent("checkout.session.expired", { ...checkout, status: "expired" }));
    expect(await rowsOf("payments", bookingId)).toEqual([expect.objectContaining({ status: "expired" })]);
    expect(await bookingRow(bookingId)).toMatchObject({ status: "pending_payment" });
  });

  it("answers 200 to an event type it does not handle, and records it", async () => {
    const payments = await rowCount("payments");
    const event = checkoutEvent("customer.created", { id: "cus_1", object: "customer" });
    expect(await deliver(event)).toEqual({ status: 200, body: { received: true } });
    expect(await eventCount(event.id)).toBe(1);
    expect(await rowCount("payments")).toBe(payments);
  });

  it("answers 200 to a payment for a booking it does not know, and changes nothing", async () => {
    const before = { payments: await rowCount("payments"), emails: await rowCount("emails") };
    const event = checkoutEvent("checkout.session.completed", {
      id: "cs_test_other_app",
      object: "checkout.session",
      payment_status: "paid",
      amount_total: 4200,
      currency: "usd",
      metadata: { bookingId: "no-such-booking", studioId: "no-such-studio" },
    });
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect((await deliver(event)).status).toBe(200);
    expect(await eventCount(event.id)).toBe(1);
    expect({ payments: await rowCount("payments"), emails: await rowCount("emails") }).toEqual(before);
  });

  it("answers 400 to a bad signature, and to none", async () => {
    const payload = JSON.stringify(checkoutEvent("checkout.session.completed", { id: "cs_forged" }));
    for (const signature of [await signatureFor(payload, "whsec_someone_else"), "t=1,v1=00", undefined]) {
      const res = await postWebhook(payload, signature);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ code: "invalid_signature" });
    }
  });

  it("answers 400 to a signature timestamped more than 5 minutes ahead, as to one 5 minutes old", async () => {
    for (const [offset, status] of [
      [10 * 60_000, 400],
      [5 * 60_000 + 5_000, 400],
      [60_000, 200],
      [0, 200],
      [-60_000, 200],
      [-10 * 60_000, 400],
    ] as const) {
      const event = checkoutEvent("customer.created", { id: "cus_1", object: "customer" });
      const payload = JSON.stringify(event);
      const res = await postWebhook(payload, await signatureFor(payload, undefined, Date.now() + offset));
      expect(res.status, `signed ${offset / 1000} s from now`).toBe(status);
      if (status === 400) expect(await res.json()).toMatchObject({ code: "invalid_signature" });
      expect(await eventCount(event.id)).toBe(status === 200 ? 1 : 0);
    }
  });

  it("answers 400 to a `t=` that is no number, even with a valid HMAC over what the SDK reads of it", async () => {
    // The SDK reads `t=soon` as NaN, signs over "NaN.<payload>" and finds NaN in no tolerance zone.
    const payload = JSON.stringify(checkoutEvent("customer.created", { id: "cus_1", object: "customer" }));
    const key = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(stripeEnv.STRIPE_WEBHOOK_SECRET),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const mac = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`NaN.${payload}`));
    const hex = [...new Uint8Array(mac)].map((b) => b.toString(16).padStart(2, "0")).join("");
    const res = await postWebhook(payload, `t=soon,v1=${hex}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: "invalid_signature" });
  });

  it("answers 400 when the body was changed after signing", async () => {
    const event = checkoutEvent("checkout.session.completed", { id: "cs_1", amount_total: 5000 });
    const signature = await signatureFor(JSON.stringify(event));
    const tampered = JSON.stringify({ ...event, data: { object: { id: "cs_1", amount_total: 1 } } });
    expect((await postWebhook(tampered, signature)).status).toBe(400);
  });

  it("answers 503 when the deployment has no webhook secret", async () => {
    const res = await call("POST", "/v1/stripe/webhook", { body: { id: "evt_1" } });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe("payments_unavailable");
  });
});

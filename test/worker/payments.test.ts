import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runScheduledJobs } from "../../worker/jobs/scheduled.ts";
import { inDays, nextMonthDay } from "../dates.ts";
import {
  bookHeld,
  bookingRow,
  bookWithCheckout,
  callWithStripe,
  checkoutEvent,
  deliver,
  fakeStripe,
  rowsOf,
} from "./payments-support.ts";
import { call, newClient, newSession, newSessionType, newStudio, openMultiSession } from "./support.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

const tokenFrom = (url: string) => new URL(url).searchParams.get("spotbook") as string;

describe("a visitor books a held spot with Stripe set up", () => {
  it("opens a Checkout for the deposit and keeps the spot as a pending payment", async () => {
    const stripe = fakeStripe();
    const { session, spotIds } = await openMultiSession(2);
    const before = Date.now();
    const { held, booked, token } = await bookWithCheckout(session.slug, spotIds[0] as string);
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      booking: { id: held.body.hold.id, status: "pending_payment" },
      checkoutUrl: stripe.created().url,
    });

    const [create] = stripe.creations();
    const p = create?.params as URLSearchParams;
    expect(p.get("mode")).toBe("payment");
    expect(p.get("line_items[0][price_data][unit_amount]")).toBe("5000");
    expect(p.get("line_items[0][price_data][currency]")).toBe("usd");
    expect(p.get("line_items[0][price_data][product_data][name]")).toBe("Deposit for Fall Minis — Mini");
    expect(p.get("line_items[0][price_data][product_data][description]")).toMatch(
      /^Deposit · .+ · Juniper & Pine$/,
    );
    expect(p.get("metadata[bookingId]")).toBe(held.body.hold.id);
    expect(p.get("client_reference_id")).toBe(held.body.hold.id);
    expect(p.get("customer_email")).toBe("mary@example.com");
    expect(create?.headers.get("idempotency-key")).toMatch(/^spotbook-checkout-/);
    const expiresAt = Number(p.get("expires_at")) * 1000;
    expect(expiresAt - before).toBeGreaterThanOrEqual(30 * 60_000);
    expect(expiresAt - before).toBeLessThan(32 * 60_000);
    const success = new URL(p.get("success_url") as string);
    expect(`${success.origin}${success.pathname}`).toBe("http://localhost:8787/book/");
    expect(success.searchParams.get("spotbook")).toBe(token);
    expect(success.searchParams.get("spotbook_payment")).toBe("paid");
    expect(new URL(p.get("cancel_url") as string).searchParams.get("spotbook_payment")).toBe("cancelled");

    const mine = await call("GET", `/v1/bookings/${token}`);
    expect(mine.body.booking).toMatchObject({
      status: "pending_payment",
      amountCents: 15000,
      depositCents: 5000,
      paidCents: 0,
      expiresAt: new Date(expiresAt).toISOString(),
    });
    const view = await call("GET", `/v1/sessions/${session.slug}`);
    expect(view.body.spots.map((s: { available: boolean }) => s.available)).toEqual([false, true]);
    expect(await rowsOf("payments", held.body.hold.id)).toEqual([
      expect.objectContaining({ provider: "stripe", provider_ref: stripe.created().id, status: "pending" }),
    ]);
    // Nothing is mailed until the money arrives.
    expect(await rowsOf("emails", held.body.hold.id)).toEqual([]);
  });

  it("asks for the full price when the package has no deposit, and returns to the photographer's page", async () => {
    const stripe = fakeStripe();
    const { token: admin } = await newStudio({ bookingPageUrl: "https://juniper.example/book?ref=mail" });
    const type = await newSessionType(admin, {
      packages: [{ name: "Mini", priceCents: 12000, depositCents: 0 }],
    });
    const session = await newSession(admin, {
      classification: "multi",
      name: "Spring Minis",
      sessionTypeId: type.id,
      date: inDays(3),
      time: "09:00",
      spots: 1,
    });
    const { booked } = await bookWithCheckout(session.slug, session.spots[0].id);
    expect(booked.status).toBe(201);
    const p = stripe.creations()[0]?.params as URLSearchParams;
    expect(p.get("line_items[0][price_data][unit_amount]")).toBe("12000");
    expect(p.get("line_items[0][price_data][product_data][description]")).toMatch(/^Payment in full · /);
    const back = new URL(p.get("success_url") as string);
    expect(`${back.origin}${back.pathname}`).toBe("https://juniper.example/book");
    expect(back.searchParams.get("ref")).toBe("mail");
  });

  it("frees the spot when the Checkout is abandoned, and the cron marks the booking expired", async () => {
    fakeStripe();
    const { session, spotIds } = await openMultiSession(1);
    const { held } = await bookWithCheckout(session.slug, spotIds[0] as string);
    await runScheduledJobs(env, Date.now() + 32 * 60_000);
    expect(await bookingRow(held.body.hold.id)).toMatchObject({ status: "expired" });
    expect(await rowsOf("payments", held.body.hold.id)).toEqual([
      expect.objectContaining({ status: "expired" }),
    ]);
    expect((await call("GET", `/v1/sessions/${session.slug}`)).body.spots[0].available).toBe(true);
  });

  it("answers 503 when Stripe cannot be reached, and the hold is still the visitor's", async () => {
    const stripe = fakeStripe({ failWith: 500 });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { session, spotIds } = await openMultiSession(1);
    const { held, booked } = await bookWithCheckout(session.slug, spotIds[0] as string);
    expect(booked.status).toBe(503);
    expect(booked.body.code).toBe("payments_unavailable");
    expect(logged).toHaveBeenCalledWith("Stripe call failed", expect.any(Error));
    expect(stripe.creations().length).toBeGreaterThanOrEqual(1);
    expect(await bookingRow(held.body.hold.id)).toMatchObject({ status: "held" });
    expect(await rowsOf("payments", held.body.hold.id)).toEqual([
      expect.objectContaining({ status: "expired" }),
    ]);
  });

  it("books without Stripe when nothing is due", async () => {
    const stripe = fakeStripe();
    const { session, spotIds } = await openMultiSession(1, {
      packages: [{ name: "Free mini", priceCents: 0, depositCents: 0 }],
    });
    const { booked } = await bookWithCheckout(session.slug, spotIds[0] as string);
    expect(booked.body.booking.status).toBe("confirmed");
    expect(booked.body.checkoutUrl).toBeUndefined();
    expect(stripe.requests).toEqual([]);
  });
});

describe("a client confirms a photographer's booking with Stripe set up", () => {
  async function reservedSpot() {
    const { session, spotIds, token } = await openMultiSession(1);
    const client = await newClient(token, { name: "Percy", email: "percy@example.com" });
    const reserved = await call("POST", `/v1/admin/spots/${spotIds[0]}/reservation`, {
      token,
      body: { clientId: client.id },
    });
    return {
      session,
      admin: token,
      bookingId: reserved.body.booking.id as string,
      link: tokenFrom(reserved.body.confirmationUrl),
    };
  }

  it("keeps the booking awaiting confirmation, whatever becomes of the Checkout, until paid", async () => {
    const stripe = fakeStripe();
    const { session, bookingId, link } = await reservedSpot();
    const confirmed = await callWithStripe("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      booking: { status: "awaiting_confirmation", amountCents: 15000, depositCents: 5000, expiresAt: null },
      checkoutUrl: stripe.created().url,
    });
    const back = new URL(stripe.creations()[0]?.params.get("success_url") as string);
    expect(back.searchParams.get("spotbook")).toBe(link);

    // The Checkout is abandoned: long after it lapsed, the spot is still the client's.
    await runScheduledJobs(env, Date.now() + 2 * 3_600_000);
    expect(await bookingRow(bookingId)).toMatchObject({ status: "awaiting_confirmation" });
    expect((await call("GET", `/v1/sessions/${session.slug}`)).body.spots[0].available).toBe(false);

    // Confirming again opens a new Checkout; paying it confirms the booking.
    const again = await callWithStripe("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(again.body.checkoutUrl).toBe(stripe.created(1).url);
    expect(
      (await deliver(checkoutEvent("checkout.session.completed", stripe.pay(stripe.created(1))))).status,
    ).toBe(200);
    expect((await call("GET", `/v1/bookings/${link}`)).body.booking).toMatchObject({
      status: "confirmed",
      paidCents: 5000,
      balanceCents: 10000,
    });
  });

  it("hands back the Checkout already open rather than open a second one", async () => {
    const stripe = fakeStripe();
    const { link } = await reservedSpot();
    const first = await callWithStripe("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    const second = await callWithStripe("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(second.body.checkoutUrl).toBe(first.body.checkoutUrl);
    expect(stripe.creations()).toHaveLength(1);
  });

  it("closes the open Checkout when the photographer changes the package, so only one can be paid", async () => {
    const stripe = fakeStripe();
    const { token } = await newStudio();
    const type = await newSessionType(token, {
      name: "Wedding",
      classification: "single",
      packages: [
        { name: "Half day", priceCents: 150000, depositCents: 50000 },
        { name: "Full day", priceCents: 300000, depositCents: 100000 },
      ],
    });
    const [half, full] = type.packages as { id: string }[];
    const client = await newClient(token);
    const session = await newSession(token, {
      classification: "single",
      name: "Austen wedding",
      sessionTypeId: type.id,
      packageId: half?.id,
      clientId: client.id,
      date: nextMonthDay("06-12"),
      time: "14:00",
    });
    const sent = await call("POST", `/v1/admin/sessions/${session.id}/confirmation-request`, { token });
    const link = tokenFrom(sent.body.confirmationUrl);
    await callWithStripe("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    await call("PATCH", `/v1/admin/sessions/${session.id}`, { token, body: { packageId: full?.id } });
    const again = await callWithStripe("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(again.body).toMatchObject({
      booking: { status: "awaiting_confirmation", amountCents: 300000, depositCents: 100000 },
      checkoutUrl: stripe.created(1).url,
    });
    expect(stripe.created(0).status).toBe("expired");
    const rows = await rowsOf<{ status: string; amount_cents: number }>("payments", again.body.booking.id);
    expect(rows.map((r) => [r.amount_cents, r.status])).toEqual([
      [50000, "expired"],
      [100000, "pending"],
    ]);
  });

  it("opens no second Checkout once the first is paid, even before Stripe's event arrives", async () => {
    const stripe = fakeStripe();
    const { link } = await reservedSpot();
    await callWithStripe("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    stripe.pay(stripe.created());
    const again = await callWithStripe("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(again.status).toBe(409);
    expect(stripe.creations()).toHaveLength(1);
  });
});

describe("POST /v1/bookings/:token/payments", () => {
  async function confirmedWithBalance() {
    const { session, spotIds } = await openMultiSession(1);
    return bookHeld(session.slug, spotIds[0] as string);
  }

  it("opens a Checkout for the balance due, once", async () => {
    const stripe = fakeStripe();
    const { bookingId, token } = await confirmedWithBalance();
    const res = await callWithStripe("POST", `/v1/bookings/${token}/payments`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ checkoutUrl: stripe.created().url });
    const p = stripe.creations()[0]?.params as URLSearchParams;
    expect(p.get("line_items[0][price_data][unit_amount]")).toBe("15000");
    expect(p.get("line_items[0][price_data][product_data][description]")).toMatch(/^Payment in full · /);
    expect((await callWithStripe("POST", `/v1/bookings/${token}/payments`)).body.checkoutUrl).toBe(
      res.body.checkoutUrl,
    );
    expect(stripe.creations()).toHaveLength(1);

    await deliver(checkoutEvent("checkout.session.completed", stripe.pay(stripe.created())));
    expect(await bookingRow(bookingId)).toMatchObject({ status: "confirmed", paid_cents: 15000 });
    const mail = await rowsOf<{ kind: string; subject: string }>("emails", bookingId);
    expect(mail.map((m) => m.kind)).toEqual(["booking_confirmed", "payment_received"]);
    const paidUp = await callWithStripe("POST", `/v1/bookings/${token}/payments`);
    expect(paidUp.status).toBe(409);
    expect(paidUp.body.code).toBe("no_balance_due");
  });

  it("answers 409 payments_unavailable when the studio has no Stripe key", async () => {
    const { token } = await confirmedWithBalance();
    const res = await call("POST", `/v1/bookings/${token}/payments`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("payments_unavailable");
  });

  it("answers 409 to a booking that is not confirmed yet", async () => {
    fakeStripe();
    const { session, spotIds } = await openMultiSession(1);
    const { token } = await bookWithCheckout(session.slug, spotIds[0] as string);
    const res = await callWithStripe("POST", `/v1/bookings/${token}/payments`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("booking_in_progress");
  });
});

describe("POST /v1/admin/bookings/:id/payments", () => {
  it("records a payment taken at the session against the balance", async () => {
    const { session, spotIds, token } = await openMultiSession(1);
    const { bookingId } = await bookHeld(session.slug, spotIds[0] as string);
    const path = `/v1/admin/bookings/${bookingId}/payments`;
    const taken = await call("POST", path, { token, body: { amountCents: 5000 } });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({
      payment: { provider: "manual", amountCents: 5000, currency: "USD", status: "succeeded" },
      booking: { id: bookingId, paidCents: 5000, balanceCents: 10000 },
    });
    expect(taken.body.payment.reference).toMatch(/^manual_/);

    const tooMuch = await call("POST", path, { token, body: { amountCents: 10001 } });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors).toEqual([{ path: "amountCents", message: "Only $100.00 is due." }]);
    expect((await call("POST", path, { token, body: { amountCents: 10000 } })).status).toBe(201);
    const paid = await call("POST", path, { token, body: { amountCents: 1 } });
    expect(paid.status).toBe(409);
    expect(paid.body.code).toBe("no_balance_due");

    const listed = await call("GET", path, { token });
    expect(listed.body.payments.map((p: { amountCents: number }) => p.amountCents)).toEqual([5000, 10000]);
  });

  it("refuses another studio's booking and a cancelled one", async () => {
    const { spotIds, token } = await openMultiSession(1);
    const client = await newClient(token);
    const reserved = await call("POST", `/v1/admin/spots/${spotIds[0]}/reservation`, {
      token,
      body: { clientId: client.id },
    });
    const path = `/v1/admin/bookings/${reserved.body.booking.id}/payments`;
    const stranger = await newStudio();
    expect((await call("POST", path, { token: stranger.token, body: { amountCents: 100 } })).status).toBe(
      404,
    );
    await call("DELETE", `/v1/admin/bookings/${reserved.body.booking.id}`, { token });
    const cancelled = await call("POST", path, { token, body: { amountCents: 100 } });
    expect(cancelled.status).toBe(409);
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = await call("GET", "/v1/openapi.json");
    expect(doc.body.paths["/v1/admin/bookings/{id}/payments"].post.requestBody).toBeDefined();
    for (const path of [
      "/v1/bookings/{token}/payments",
      "/v1/bookings/{token}/calendar.ics",
      "/v1/stripe/webhook",
    ]) {
      expect(Object.keys(doc.body.paths)).toContain(path);
    }
  });
});

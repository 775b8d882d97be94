import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call, newClient, openMultiSession } from "./support.ts";

/** Money taken and given back outside Stripe: the booking's paid amount follows, within its bounds. */

/** A booking of $150.00 reserved for a client: money can be recorded on it by hand. */
async function reservedBooking() {
  const { token, session, spotIds } = await openMultiSession(1);
  const client = await newClient(token);
  const reserved = await call("POST", `/v1/admin/spots/${spotIds[0]}/reservation`, {
    token,
    body: { clientId: client.id },
  });
  return { token, session, bookingId: reserved.body.booking.id as string };
}

describe("payments and refunds recorded by hand", () => {
  it("records a cash payment with its method and note, and the balance follows", async () => {
    const { token, session, bookingId } = await reservedBooking();
    const paid = await call("POST", `/v1/admin/bookings/${bookingId}/payments`, {
      token,
      body: { amountCents: 4000, method: "cash", note: "Paid at the studio" },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(201);
    expect(paid.body.payment).toMatchObject({
      kind: "payment",
      provider: "manual",
      method: "cash",
      note: "Paid at the studio",
      amountCents: 4000,
    });
    expect(paid.body.booking).toEqual({ id: bookingId, paidCents: 4000, balanceCents: 11000 });
    const details = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(details.body.session.totals).toMatchObject({ paidCents: 4000, balanceCents: 11000 });
  });

  it("refuses a refund when nothing was paid, and an unknown method", async () => {
    const { token, bookingId } = await reservedBooking();
    const none = await call("POST", `/v1/admin/bookings/${bookingId}/refunds`, {
      token,
      body: { amountCents: 1 },
    });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe("nothing_to_refund");
    const odd = await call("POST", `/v1/admin/bookings/${bookingId}/payments`, {
      token,
      body: { amountCents: 100, method: "bitcoin" },
    });
    expect(odd.status).toBe(422);
    expect(odd.body.errors[0].path).toBe("method");
  });

  it("never counts more than the price as paid, nor gives back more than was paid, for any sequence", async () => {
    const { token, bookingId } = await reservedBooking();
    const price = 15000;
    let paid = 0;
    const step = fc.record({
      kind: fc.constantFrom("payments", "refunds"),
      amountCents: fc.oneof(fc.integer({ min: 1, max: 16000 }), fc.constant(1)),
    });
    await fc.assert(
      fc.asyncProperty(step, async ({ kind, amountCents }) => {
        const res = await call("POST", `/v1/admin/bookings/${bookingId}/${kind}`, {
          token,
          body: { amountCents, method: "transfer" },
        });
        const limit = kind === "payments" ? price - paid : paid;
        if (limit === 0) {
          expect(res.status).toBe(409);
          expect(res.body.code).toBe(kind === "payments" ? "no_balance_due" : "nothing_to_refund");
        } else if (amountCents > limit) {
          expect(res.status).toBe(422);
          expect(res.body.errors[0].path).toBe("amountCents");
        } else {
          expect(res.status).toBe(201);
          paid += kind === "payments" ? amountCents : -amountCents;
          expect(res.body.booking).toEqual({ id: bookingId, paidCents: paid, balanceCents: price - paid });
        }
      }),
      { numRuns: 40 },
    );
    const { body } = await call("GET", `/v1/admin/bookings/${bookingId}/payments`, { token });
    const sum = body.payments.reduce(
      (total: number, p: { kind: string; amountCents: number }) =>
        total + (p.kind === "refund" ? -p.amountCents : p.amountCents),
      0,
    );
    expect(sum).toBe(paid);
  });

  it("lets only one of two refunds of the whole amount through", async () => {
    const { token, bookingId } = await reservedBooking();
    await call("POST", `/v1/admin/bookings/${bookingId}/payments`, { token, body: { amountCents: 5000 } });
    const both = await Promise.all(
      [0, 1].map(() =>
        call("POST", `/v1/admin/bookings/${bookingId}/refunds`, { token, body: { amountCents: 5000 } }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const { body } = await call("GET", `/v1/admin/bookings/${bookingId}/payments`, { token });
    expect(body.payments.filter((p: { kind: string }) => p.kind === "refund")).toHaveLength(1);
  });
});

import { env } from "cloudflare:workers";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { bookHeld, rowsOf } from "./payments-support.ts";
import { call, hold, openMultiSession } from "./support.ts";

/** Lenient rules so tomorrow's spots can still be moved and cancelled. */
const lenient = { rescheduleHours: 1, cancelHours: 1 };

/** A studio (with an email) and a Multi session of `spots` spots tomorrow from 10:00. */
async function studioSession(rules: Record<string, unknown> = lenient, spots = 3) {
  return openMultiSession(
    spots,
    { rules },
    { email: `studio+${crypto.randomUUID().slice(0, 8)}@example.com` },
  );
}

const booking = (id: string) =>
  env.DB.prepare("SELECT * FROM bookings WHERE id = ?").bind(id).first<Record<string, unknown>>();

const takenSpots = async (slug: string) => {
  const res = await call("GET", `/v1/sessions/${slug}`);
  return res.body.spots.filter((s: { available: boolean }) => !s.available).map((s: { id: string }) => s.id);
};

function parseEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { method: calendar.getFirstPropertyValue("method"), vevent, event: new ICAL.Event(vevent) };
}

describe("the studio's rules, shown and accepted", () => {
  it("shows the rules in plain words with the session, and records them, accepted, on the booking", async () => {
    const { session, spotIds } = await studioSession({
      cancelHours: 72,
      cancelMoney: "refund",
      rescheduleMax: 2,
    });
    const open = await call("GET", `/v1/sessions/${session.slug}`);
    expect(open.body.rules.text).toContain("You can cancel up to 3 days before; what you paid is refunded.");
    const held = await hold(session.slug, spotIds[0] as string);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name: "Ann", email: "ann@example.com" }, acceptRules: true },
    });
    expect(booked.status).toBe(201);
    const row = await booking(held.body.hold.id);
    expect(row?.rules_version).toBe(open.body.rules.version);
    expect(row?.rules_text).toBe(open.body.rules.text.join("\n"));
    expect(row?.rules_accepted_at).toEqual(expect.any(Number));
  });

  it("refuses a hold with too little notice (409 too_late) and offers no such spot", async () => {
    const { session, spotIds } = await studioSession({ noticeHours: 24 * 3 });
    expect(await takenSpots(session.slug)).toEqual(spotIds);
    const held = await hold(session.slug, spotIds[0] as string);
    expect(held.status).toBe(409);
    expect(held.body.code).toBe("too_late");
  });

  it("refuses a hold before booking opens and after it closes, each with its own code", async () => {
    const { token, session, spotIds } = await studioSession();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await call("PATCH", `/v1/admin/sessions/${session.id}`, { token, body: { rules: { opensAt: later } } });
    expect((await hold(session.slug, spotIds[0] as string)).body.code).toBe("booking_not_open");
    const earlier = new Date(Date.now() - 3_600_000).toISOString();
    await call("PATCH", `/v1/admin/sessions/${session.id}`, {
      token,
      body: { rules: { closesAt: earlier } },
    });
    expect((await hold(session.slug, spotIds[0] as string)).body.code).toBe("booking_closed");
  });
});

describe("POST /v1/bookings/:token/reschedule", () => {
  it("moves the booking to a free spot in one go, emails both sides and bumps the calendar's SEQUENCE", async () => {
    const { session, spotIds } = await studioSession();
    const [from, to] = spotIds as [string, string];
    const { bookingId, token } = await bookHeld(session.slug, from);
    const before = parseEvent((await call("GET", `/v1/bookings/${token}/calendar.ics`)).body);
    const moved = await call("POST", `/v1/bookings/${token}/reschedule`, { body: { spotId: to } });
    expect(moved.status).toBe(200);
    expect(moved.body.booking).toMatchObject({ id: bookingId, status: "confirmed", rescheduleCount: 1 });
    expect(await takenSpots(session.slug)).toEqual([to]);
    const after = parseEvent((await call("GET", `/v1/bookings/${token}/calendar.ics`)).body);
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.event.sequence).toBe(before.event.sequence + 1);
    expect(after.event.startDate.toJSDate().toISOString()).toBe(session.spots[1].startsAt);
    const mail = await rowsOf<{ kind: string; subject: string }>("emails", bookingId);
    expect(mail.map((m) => m.kind)).toEqual(
      expect.arrayContaining(["booking_moved_or_cancelled", "client_changed_booking"]),
    );
    expect(mail.find((m) => m.kind === "booking_moved_or_cancelled")?.subject).toBe("Moved: Fall Minis");
  });

  it("answers 409 spot_taken for a taken spot, and keeps the booking where it was", async () => {
    const { session, spotIds } = await studioSession();
    const [a, b] = spotIds as [string, string];
    const first = await bookHeld(session.slug, a, "ann@example.com");
    await bookHeld(session.slug, b, "bea@example.com");
    const res = await call("POST", `/v1/bookings/${first.token}/reschedule`, { body: { spotId: b } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("spot_taken");
    expect((await booking(first.bookingId))?.spot_id).toBe(a);
  });

  it("lets exactly one of two clients racing for one free spot have it", async () => {
    const { session, spotIds } = await studioSession();
    const [a, b, free] = spotIds as [string, string, string];
    const ann = await bookHeld(session.slug, a, "ann@example.com");
    const bea = await bookHeld(session.slug, b, "bea@example.com");
    const answers = await Promise.all(
      [ann, bea].map((c) => call("POST", `/v1/bookings/${c.token}/reschedule`, { body: { spotId: free } })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 409)?.body.code).toBe("spot_taken");
    expect((await takenSpots(session.slug)).sort()).toEqual(
      [free, answers[0]?.status === 200 ? b : a].sort(),
    );
  });

  it("answers too_late past the cut-off, reschedule_not_allowed and reschedule_limit_reached", async () => {
    const late = await studioSession({ rescheduleHours: 24 * 3 });
    const lateBooking = await bookHeld(late.session.slug, late.spotIds[0] as string);
    const tooLate = await call("POST", `/v1/bookings/${lateBooking.token}/reschedule`, {
      body: { spotId: late.spotIds[1] },
    });
    expect([tooLate.status, tooLate.body.code]).toEqual([409, "too_late"]);

    const never = await studioSession({ rescheduleAllowed: false });
    const neverBooking = await bookHeld(never.session.slug, never.spotIds[0] as string);
    const refused = await call("POST", `/v1/bookings/${neverBooking.token}/reschedule`, {
      body: { spotId: never.spotIds[1] },
    });
    expect(refused.body.code).toBe("reschedule_not_allowed");

    const once = await studioSession({ ...lenient, rescheduleMax: 1 });
    const onceBooking = await bookHeld(once.session.slug, once.spotIds[0] as string);
    const moves = [once.spotIds[1], once.spotIds[2]];
    const first = await call("POST", `/v1/bookings/${onceBooking.token}/reschedule`, {
      body: { spotId: moves[0] },
    });
    expect(first.status).toBe(200);
    const second = await call("POST", `/v1/bookings/${onceBooking.token}/reschedule`, {
      body: { spotId: moves[1] },
    });
    expect([second.status, second.body.code]).toEqual([409, "reschedule_limit_reached"]);
  });
});

describe("POST /v1/bookings/:token/cancel", () => {
  it("cancels, frees the spot, sends a cancelled calendar event and keeps the money as credit for the next booking", async () => {
    const { token: admin, session, spotIds } = await studioSession({ ...lenient, cancelMoney: "credit" });
    const [a, b] = spotIds as [string, string];
    const first = await bookHeld(session.slug, a, "cat@example.com");
    const paid = await call("POST", `/v1/admin/bookings/${first.bookingId}/payments`, {
      token: admin,
      body: { amountCents: 5000 },
    });
    expect(paid.status).toBe(201);
    const before = parseEvent((await call("GET", `/v1/bookings/${first.token}/calendar.ics`)).body);
    const cancelled = await call("POST", `/v1/bookings/${first.token}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.booking).toMatchObject({ status: "cancelled", cancelMoney: "credit" });
    expect(cancelled.body.money).toEqual({ outcome: "credit", amountCents: 5000, currency: "USD" });
    expect(await takenSpots(session.slug)).toEqual([]);
    const after = parseEvent((await call("GET", `/v1/bookings/${first.token}/calendar.ics`)).body);
    expect(after.method).toBe("CANCEL");
    expect(after.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(after.event.uid).toBe(before.event.uid);
    expect(after.event.sequence).toBeGreaterThan(before.event.sequence);
    const again = await call("POST", `/v1/bookings/${first.token}/cancel`);
    expect([again.status, again.body.code]).toEqual([409, "booking_cancelled"]);

    // The credit pays toward the same client's next booking with the studio.
    const next = await bookHeld(session.slug, b, "cat@example.com");
    const view = await call("GET", `/v1/bookings/${next.token}`);
    expect(view.body.booking).toMatchObject({ amountCents: 15000, paidCents: 5000, balanceCents: 10000 });
  });

  it("marks money paid at the session for refund when the studio refunds", async () => {
    const { token: admin, session, spotIds } = await studioSession({ ...lenient, cancelMoney: "refund" });
    const b = await bookHeld(session.slug, spotIds[0] as string);
    await call("POST", `/v1/admin/bookings/${b.bookingId}/payments`, {
      token: admin,
      body: { amountCents: 5000 },
    });
    const cancelled = await call("POST", `/v1/bookings/${b.token}/cancel`);
    expect(cancelled.body.money).toMatchObject({ outcome: "refund", amountCents: 5000 });
    const payments = await rowsOf<{ status: string }>("payments", b.bookingId);
    expect(payments.map((p) => p.status)).toEqual(["refund_needed"]);
  });

  it("answers too_late past the cut-off and cancel_not_allowed when the studio allows none", async () => {
    const late = await studioSession({ cancelHours: 24 * 3 });
    const lateBooking = await bookHeld(late.session.slug, late.spotIds[0] as string);
    const tooLate = await call("POST", `/v1/bookings/${lateBooking.token}/cancel`);
    expect([tooLate.status, tooLate.body.code]).toEqual([409, "too_late"]);
    const never = await studioSession({ cancelAllowed: false });
    const neverBooking = await bookHeld(never.session.slug, never.spotIds[0] as string);
    const refused = await call("POST", `/v1/bookings/${neverBooking.token}/cancel`);
    expect([refused.status, refused.body.code]).toEqual([409, "cancel_not_allowed"]);
    const view = await call("GET", `/v1/bookings/${neverBooking.token}`);
    expect(view.body.selfService.cancel).toMatchObject({ allowed: false, money: "credit" });
  });
});

import { describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { signedInStudio, texts } from "./admin-browser.ts";
import { call, newSession, newSessionType, newStudio } from "./support.ts";

/** A studio with a workshop of `seats` spots all at the same time, tomorrow. */
async function openWorkshop(
  seats: number,
  maxSeatsPerBooking = 4,
  signIn = false,
  rules: Record<string, unknown> = {},
) {
  const { studio, token, browser } = signIn
    ? await signedInStudio({ maxSeatsPerBooking })
    : { ...(await newStudio({ maxSeatsPerBooking })), browser: undefined };
  const type = await newSessionType(token, {
    name: "Lighting Workshop",
    durationMinutes: 120,
    breakMinutes: 0,
    packages: [{ name: "Seat", priceCents: 9000, depositCents: 0 }],
    rules,
  });
  const tomorrow = inDays(1);
  const session = await newSession(token, {
    classification: "multi",
    name: "Lighting Workshop",
    sessionTypeId: type.id,
    date: tomorrow,
    time: "10:00",
    spots: seats,
    sameTime: true,
  });
  return { studio, token, browser, session, tomorrow, spotId: session.spots[0].id as string };
}

// One address per visitor: the per-visitor hold cap lets a visitor's earlier hold go.
let visitors = 0;
const visitor = () => {
  const n = ++visitors;
  return { "cf-connecting-ip": `198.51.${(n >> 8) % 256}.${n % 256}` };
};

const holdSeats = (slug: string, spotId: string, seats?: number) =>
  call("POST", `/v1/sessions/${slug}/holds`, {
    body: seats === undefined ? { spotId } : { spotId, seats },
    headers: visitor(),
  });

/** Holds and books `seats` at the time of `spotId`; the client's link token. */
async function bookSeats(slug: string, spotId: string, seats: number, email: string) {
  const held = await holdSeats(slug, spotId, seats);
  expect(held.status).toBe(201);
  const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
    token: held.body.hold.token,
    body: { client: { name: email.split("@")[0], email } },
  });
  expect(booked.body.booking.status).toBe("confirmed");
  return booked.body.booking.token as string;
}

const timesOf = async (slug: string) => (await call("GET", `/v1/sessions/${slug}`)).body.spots;

describe("workshop seats", () => {
  it("shows visitors one time with its seats, and how many are left as they are held", async () => {
    const { session, spotId } = await openWorkshop(10);
    expect(await timesOf(session.slug)).toEqual([
      expect.objectContaining({ seats: 10, seatsLeft: 10, available: true }),
    ]);
    expect((await holdSeats(session.slug, spotId, 3)).status).toBe(201);
    expect((await holdSeats(session.slug, spotId)).status).toBe(201);
    const [time] = await timesOf(session.slug);
    expect(time).toMatchObject({ seats: 10, seatsLeft: 6, available: true });
    // The spot to hold by is one nobody sits on.
    expect(time.id).not.toBe(spotId);
  });

  it("books a hold of several seats for the price of each seat", async () => {
    const { session, token, spotId } = await openWorkshop(10);
    const held = await holdSeats(session.slug, spotId, 3);
    expect(held.body.hold.seats).toBe(3);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name: "Ansel Adams", email: "ansel@example.com" } },
    });
    expect(booked.status).toBe(201);
    const view = await call("GET", `/v1/bookings/${booked.body.booking.token}`);
    expect(view.body.booking).toMatchObject({ seats: 3, amountCents: 27000, status: "confirmed" });
    const details = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    const taken = details.body.session.spots.filter((s: { booking: unknown }) => s.booking);
    expect(taken).toHaveLength(1);
    expect(taken[0].booking).toMatchObject({ seats: 3, client: { name: "Ansel Adams" } });
    expect(details.body.session.spots.filter((s: { available: boolean }) => s.available)).toHaveLength(7);
    const list = await call("GET", "/v1/admin/sessions", { token });
    expect(list.body.sessions[0]).toMatchObject({ spotCount: 10, takenCount: 3 });
  });

  it("shows the photographer one row per time with its seats and who holds them", async () => {
    const { session, browser, spotId } = await openWorkshop(10, 4, true);
    const held = await holdSeats(session.slug, spotId, 3);
    await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name: "Ansel Adams", email: "ansel@example.com" } },
    });
    await holdSeats(session.slug, spotId, 1);
    const page = await browser?.get(`/admin/sessions/${session.id}`);
    const rows = await texts(page?.html ?? "", "#spots table tbody tr");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain("6 of 10 seats left");
    expect(rows[0]).toContain("Ansel Adams (ansel@example.com) · 3 seats · Confirmed");
    expect(rows[0]).toContain("A visitor · 1 seat");
    expect(rows[0]).toContain("Reserve a Seat");
  });

  it("frees every seat of a booking when it is cancelled", async () => {
    const { session, token, spotId } = await openWorkshop(4);
    const held = await holdSeats(session.slug, spotId, 4);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name: "Dorothea Lange", email: "dorothea@example.com" } },
    });
    expect((await timesOf(session.slug))[0]).toMatchObject({ seatsLeft: 0, available: false });
    const cancelled = await call("DELETE", `/v1/admin/bookings/${booked.body.booking.id}`, { token });
    expect(cancelled.status).toBe(204);
    expect((await timesOf(session.slug))[0]).toMatchObject({ seatsLeft: 4, available: true });
  });

  it("refuses more seats than are left with not_enough_seats, and a full time with spot_taken", async () => {
    const { session, spotId } = await openWorkshop(5);
    expect((await holdSeats(session.slug, spotId, 3)).status).toBe(201);
    const tooMany = await holdSeats(session.slug, spotId, 3);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body).toMatchObject({ code: "not_enough_seats", errors: [{ path: "seats" }] });
    expect(tooMany.body.detail).toContain("2");
    expect((await holdSeats(session.slug, spotId, 2)).status).toBe(201);
    const full = await holdSeats(session.slug, spotId, 1);
    expect(full).toMatchObject({ status: 409, body: { code: "spot_taken" } });
  });

  it("refuses more seats than one booking may take with too_many_seats", async () => {
    const { session, spotId } = await openWorkshop(10, 2);
    const res = await holdSeats(session.slug, spotId, 3);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "too_many_seats", errors: [{ path: "seats" }] });
    expect((await timesOf(session.slug))[0].seatsLeft).toBe(10);
  });

  it("lets the photographer reserve only a seat that is left", async () => {
    const { session, token, spotId } = await openWorkshop(3);
    await holdSeats(session.slug, spotId, 3);
    const details = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    const empty = details.body.session.spots.find((s: { booking: unknown }) => !s.booking);
    const res = await call("POST", `/v1/admin/spots/${empty.id}/reservation`, {
      token,
      body: { client: { name: "Vivian Maier", email: "vivian@example.com" } },
    });
    expect(res).toMatchObject({ status: 409, body: { code: "spot_taken" } });
    expect((await call("GET", "/v1/admin/clients?q=vivian", { token })).body.clients).toHaveLength(0);
  });

  it("gives 300 visitors racing for the last 5 seats exactly 5, one seat each", async () => {
    const { session, spotId } = await openWorkshop(10);
    expect((await holdSeats(session.slug, spotId, 4)).status).toBe(201);
    expect((await holdSeats(session.slug, spotId, 1)).status).toBe(201);
    const answers = await Promise.all(Array.from({ length: 300 }, () => holdSeats(session.slug, spotId)));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(5);
    expect(answers.filter((a) => a.status !== 201).every((a) => a.body.code === "spot_taken")).toBe(true);
    expect((await timesOf(session.slug))[0]).toMatchObject({ seats: 10, seatsLeft: 0 });
  }, 120_000);

  it("gives visitors racing for several seats each never more seats than there are", async () => {
    const { session, spotId } = await openWorkshop(10);
    expect((await holdSeats(session.slug, spotId, 4)).status).toBe(201);
    expect((await holdSeats(session.slug, spotId, 1)).status).toBe(201);
    const wants = Array.from({ length: 300 }, (_, i) => 1 + (i % 3));
    const answers = await Promise.all(wants.map((n) => holdSeats(session.slug, spotId, n)));
    const held = answers.flatMap((a) => (a.status === 201 ? [a.body.hold.seats as number] : []));
    const refused = answers.filter((a) => a.status !== 201).map((a) => a.body.code);
    expect(held.reduce((sum, n) => sum + n, 0)).toBe(5 - (await timesOf(session.slug))[0].seatsLeft);
    expect(held.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(5);
    expect(refused.every((code) => code === "spot_taken" || code === "not_enough_seats")).toBe(true);
  }, 120_000);

  it("moves a client's booking only into a time with seats for all of it; removed spots are no seats", async () => {
    const rules = { rescheduleHours: 1, cancelHours: 1 };
    const { session, token, tomorrow } = await openWorkshop(5, 4, false, rules);
    const admin = `/v1/admin/sessions/${session.id}`;
    const spotIds = (await call("GET", admin, { token })).body.session.spots.map((s: { id: string }) => s.id);
    // Two of the five seats go to the afternoon: a time of three and a time of two.
    for (const id of spotIds.slice(3)) {
      const moved = await call("PATCH", `${admin}/spots/${id}`, {
        token,
        body: { date: tomorrow, time: "14:00" },
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    }
    const [morning, afternoon] = await timesOf(session.slug);
    expect([morning.seats, afternoon.seats]).toEqual([3, 2]);
    const ann = await bookSeats(session.slug, afternoon.id, 1, "ann@example.com");
    const bea = await bookSeats(session.slug, morning.id, 2, "bea@example.com");
    const move = (who: string, spotId: string) =>
      call("POST", `/v1/bookings/${who}/reschedule`, { body: { spotId } });
    expect(await move(bea, afternoon.id)).toMatchObject({ status: 409, body: { code: "not_enough_seats" } });
    expect((await move(ann, morning.id)).status).toBe(200);
    expect((await move(bea, afternoon.id)).status).toBe(200);
    expect((await timesOf(session.slug)).map((t: { seatsLeft: number }) => t.seatsLeft)).toEqual([2, 0]);
    // Bea's two seats sit on one afternoon spot; the other is hers too, so it cannot be removed.
    const spots = (await call("GET", admin, { token })).body.session.spots;
    const afternoonIds = spotIds.slice(3);
    const unsat = spots.find(
      (s: { id: string; booking: unknown }) => afternoonIds.includes(s.id) && !s.booking,
    );
    expect((await call("DELETE", `${admin}/spots/${unsat.id}`, { token })).status).toBe(409);
    // A free morning seat removed is a seat less: one is left, not two.
    const freeMorning = spots.find(
      (s: { id: string; booking: unknown }) => !afternoonIds.includes(s.id) && !s.booking,
    );
    expect((await call("DELETE", `${admin}/spots/${freeMorning.id}`, { token })).status).toBe(200);
    const [left] = await timesOf(session.slug);
    expect(left).toMatchObject({ seats: 2, seatsLeft: 1 });
    expect((await holdSeats(session.slug, left.id, 2)).body.code).toBe("not_enough_seats");
    expect((await holdSeats(session.slug, left.id, 1)).status).toBe(201);
    expect((await holdSeats(session.slug, left.id, 1)).body.code).toBe("spot_taken");
    expect((await holdSeats(session.slug, freeMorning.id, 1)).body.code).toBe("not_found");
  });
});

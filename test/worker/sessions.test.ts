import { describe, expect, it } from "vitest";
import { addDays, nextMonthDay } from "../dates.ts";
import { call, newClient, newSession, newSessionType, newStudio } from "./support.ts";

const singleType = (
  token: string,
  packages = [{ name: "Full day", priceCents: 300000, depositCents: 100000 }],
) =>
  newSessionType(token, {
    name: "Wedding",
    classification: "single",
    durationMinutes: 480,
    breakMinutes: 0,
    packages,
  });

describe("Multi sessions", () => {
  it("generates spots one after another from the type's duration and break", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token, { durationMinutes: 20, breakMinutes: 10 });
    // 16 October is on New York's summer time every year: 09:00 EDT is 13:00Z.
    const date = nextMonthDay("10-16");
    const session = await newSession(token, {
      classification: "multi",
      name: "Fall Minis",
      sessionTypeId: type.id,
      date,
      time: "09:00",
      spots: 6,
    });
    expect(session.spots.map((s: { startsAt: string }) => s.startsAt)).toEqual(
      ["13:00", "13:30", "14:00", "14:30", "15:00", "15:30"].map((t) => `${date}T${t}:00.000Z`),
    );
    expect(session.spots[0]).toMatchObject({
      endsAt: `${date}T13:20:00.000Z`,
      available: true,
      booking: null,
    });
    expect(session).toMatchObject({
      classification: "multi",
      timeZone: "America/New_York",
      status: "scheduled",
    });
    expect(session.slug).toMatch(/^fall-minis-[a-z0-9]{5}$/);
  });

  it("puts every spot at the same time for a workshop", async () => {
    const { token } = await newStudio();
    // After the first Sunday of November: New York's winter time, 18:30 EST is 23:30Z.
    const date = nextMonthDay("11-08");
    const type = await newSessionType(token);
    const session = await newSession(token, {
      classification: "multi",
      name: "Lighting workshop",
      sessionTypeId: type.id,
      date,
      time: "18:30",
      spots: 12,
      sameTime: true,
    });
    expect(new Set(session.spots.map((s: { startsAt: string }) => s.startsAt))).toEqual(
      new Set([`${date}T23:30:00.000Z`]),
    );
    expect(session.spots).toHaveLength(12);
  });

  it("adds spots on another day, and refuses ones that overlap existing spots", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token, { durationMinutes: 20, breakMinutes: 10 });
    const date = nextMonthDay("10-16");
    const session = await newSession(token, {
      classification: "multi",
      name: "Minis",
      sessionTypeId: type.id,
      date,
      time: "09:00",
      spots: 2,
    });
    const nextDay = addDays(date, 1);
    const added = await call("POST", `/v1/admin/sessions/${session.id}/spots`, {
      token,
      body: { date: nextDay, time: "10:00", spots: 3 },
    });
    expect(added.status).toBe(201);
    expect(added.body.session.spots).toHaveLength(5);
    expect(added.body.session.spots.at(-1).startsAt).toBe(`${nextDay}T15:00:00.000Z`);
    const overlapping = await call("POST", `/v1/admin/sessions/${session.id}/spots`, {
      token,
      body: { date, time: "09:10", spots: 1 },
    });
    expect(overlapping.status).toBe(409);
    expect(
      (await call("GET", `/v1/admin/sessions/${session.id}`, { token })).body.session.spots,
    ).toHaveLength(5);
  });

  it("creates 100 spots in one request, the most one request may, and refuses 101", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token, { durationMinutes: 5, breakMinutes: 0 });
    const marathon = {
      classification: "multi",
      name: "Marathon",
      sessionTypeId: type.id,
      date: nextMonthDay("10-16"),
    };
    const session = await newSession(token, { ...marathon, time: "00:00", spots: 100, sameTime: false });
    expect(session.spots).toHaveLength(100);
    const more = await call("POST", "/v1/admin/sessions", {
      token,
      body: { ...marathon, time: "12:00", spots: 101 },
    });
    expect(more.status).toBe(422);
    expect(more.body.errors).toEqual([
      { path: "spots", message: expect.stringContaining("At most 100 spots") },
    ]);
    const added = await call("POST", `/v1/admin/sessions/${session.id}/spots`, {
      token,
      body: { date: addDays(marathon.date, 1), time: "00:00", spots: 101 },
    });
    expect(added.status).toBe(422);
  });

  it("lists sessions with their span and spots taken", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token);
    const date = nextMonthDay("10-16");
    const session = await newSession(token, {
      classification: "multi",
      name: "Minis",
      sessionTypeId: type.id,
      date,
      time: "09:00",
      spots: 3,
    });
    const client = await newClient(token);
    await call("POST", `/v1/admin/spots/${session.spots[1].id}/reservation`, {
      token,
      body: { clientId: client.id },
    });
    const list = await call("GET", "/v1/admin/sessions", { token });
    expect(list.body.sessions).toEqual([
      expect.objectContaining({
        id: session.id,
        spotCount: 3,
        takenCount: 1,
        startsAt: `${date}T13:00:00.000Z`,
        endsAt: `${date}T14:20:00.000Z`,
        sessionTypeName: "Fall Mini",
      }),
    ]);
  });
});

describe("Single sessions", () => {
  it("has one spot, implies the type's only package and keeps the client's reservation", async () => {
    const { token } = await newStudio();
    const type = await singleType(token);
    const client = await newClient(token);
    const date = nextMonthDay("06-12");
    const session = await newSession(token, {
      classification: "single",
      name: "Smith wedding",
      sessionTypeId: type.id,
      clientId: client.id,
      date,
      time: "14:00",
    });
    expect(session.spots).toHaveLength(1);
    expect(session.spots[0]).toMatchObject({
      startsAt: `${date}T18:00:00.000Z`,
      endsAt: `${addDays(date, 1)}T02:00:00.000Z`,
      available: false,
      booking: { status: "reserved", client: { id: client.id }, amountCents: 300000, depositCents: 100000 },
    });
    expect(session.totals).toEqual({
      currency: "USD",
      amountCents: 300000,
      paidCents: 0,
      balanceCents: 300000,
    });
  });

  it("leaves the package to the client when the type has several and none was chosen", async () => {
    const { token } = await newStudio();
    const type = await singleType(token, [
      { name: "Half day", priceCents: 150000, depositCents: 0 },
      { name: "Full day", priceCents: 300000, depositCents: 0 },
    ]);
    const session = await newSession(token, {
      classification: "single",
      name: "Gala",
      sessionTypeId: type.id,
      date: nextMonthDay("01-20"),
      time: "19:00",
    });
    expect(session.package).toBeNull();
    expect(session.client).toBeNull();
    expect(session.spots[0].available).toBe(true);
  });

  it("assigns a new client in the same call, then sends the confirmation request by email", async () => {
    const { token } = await newStudio();
    const type = await singleType(token);
    const session = await newSession(token, {
      classification: "single",
      name: "Corporate party",
      sessionTypeId: type.id,
      date: nextMonthDay("03-05"),
      time: "18:00",
    });
    const assigned = await call("POST", `/v1/admin/sessions/${session.id}/client`, {
      token,
      body: { client: { name: "Grace Hopper", email: "Grace@Example.com" } },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.session.client).toMatchObject({ name: "Grace Hopper", email: "grace@example.com" });
    const sent = await call("POST", `/v1/admin/sessions/${session.id}/confirmation-request`, { token });
    expect(sent.status).toBe(200);
    expect(sent.body.confirmationUrl).toMatch(/\/book\/\?spotbook=sbk_book_/);
    expect(sent.body.session.spots[0].booking.status).toBe("awaiting_confirmation");
  });

  it("moves the date and time until the client confirms", async () => {
    const { token } = await newStudio();
    const type = await singleType(token);
    const date = nextMonthDay("05-01");
    const session = await newSession(token, {
      classification: "single",
      name: "Engagement",
      sessionTypeId: type.id,
      date,
      time: "10:00",
    });
    const moved = await call("PATCH", `/v1/admin/sessions/${session.id}`, { token, body: { time: "16:30" } });
    expect(moved.status).toBe(200);
    expect(moved.body.session.spots[0].startsAt).toBe(`${date}T20:30:00.000Z`);
  });

  it("refuses a confirmation request before a client is assigned", async () => {
    const { token } = await newStudio();
    const type = await singleType(token);
    const session = await newSession(token, {
      classification: "single",
      name: "Portrait",
      sessionTypeId: type.id,
      date: nextMonthDay("05-01"),
      time: "10:00",
    });
    const res = await call("POST", `/v1/admin/sessions/${session.id}/confirmation-request`, { token });
    expect(res.status).toBe(409);
  });
});

describe("Session type rules", () => {
  it("refuses a Multi type on a Single session with wrong_classification", async () => {
    const { token } = await newStudio();
    const multi = await newSessionType(token);
    const res = await call("POST", "/v1/admin/sessions", {
      token,
      body: {
        classification: "single",
        name: "X",
        sessionTypeId: multi.id,
        date: nextMonthDay("01-01"),
        time: "10:00",
      },
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: "wrong_classification", errors: [{ path: "sessionTypeId" }] });
  });

  it("refuses an unknown session type", async () => {
    const { token } = await newStudio();
    const res = await call("POST", "/v1/admin/sessions", {
      token,
      body: {
        classification: "multi",
        name: "X",
        sessionTypeId: "nope",
        date: nextMonthDay("01-01"),
        time: "10:00",
        spots: 3,
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe("sessionTypeId");
  });
});

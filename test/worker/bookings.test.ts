import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, nextMonthDay } from "../dates.ts";
import {
  call,
  hold,
  newClient,
  newSession,
  newSessionType,
  newStudio,
  openMultiSession,
  rowCount,
} from "./support.ts";

const tokenFrom = (url: string) => new URL(url).searchParams.get("spotbook") as string;

describe("a visitor books a held spot", () => {
  it("confirms the booking, records the client and queues the receipt in the same batch", async () => {
    const { session, spotIds, token } = await openMultiSession(2);
    const held = await hold(session.slug, spotIds[0] as string);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name: "Mary Shelley", email: "Mary@Example.com", phone: "+1 555 0100" } },
    });
    expect(booked.status).toBe(201);
    expect(booked.body.booking).toMatchObject({ id: held.body.hold.id, status: "confirmed" });
    const mine = await call("GET", `/v1/bookings/${booked.body.booking.token}`);
    expect(mine.body.booking).toMatchObject({
      status: "confirmed",
      amountCents: 15000,
      depositCents: 5000,
      balanceCents: 15000,
      client: { name: "Mary Shelley", email: "mary@example.com" },
    });
    const clients = await call("GET", "/v1/admin/clients?q=shelley", { token });
    expect(clients.body.clients).toEqual([
      expect.objectContaining({ email: "mary@example.com", phone: "+1 555 0100" }),
    ]);
    const mail = await env.DB.prepare("SELECT kind, recipient, subject, text FROM emails WHERE recipient = ?")
      .bind("mary@example.com")
      .all<Record<string, string>>();
    expect(mail.results).toEqual([
      expect.objectContaining({
        kind: "booking_confirmed",
        recipient: "mary@example.com",
        subject: "Booked: Fall Minis",
      }),
    ]);
    expect(mail.results[0]?.text).toContain("Balance due: $150.00");
  });

  it("asks for a package when the type offers several", async () => {
    const { session, spotIds } = await openMultiSession(1, {
      packages: [
        { name: "Mini", priceCents: 15000 },
        { name: "Extended", priceCents: 25000 },
      ],
    });
    const held = await hold(session.slug, spotIds[0] as string);
    const path = `/v1/holds/${held.body.hold.id}/booking`;
    const client = { name: "Ann", email: "ann@example.com" };
    const missing = await call("POST", path, { token: held.body.hold.token, body: { client } });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ code: "package_required", errors: [{ path: "packageId" }] });
    const view = await call("GET", `/v1/sessions/${session.slug}`);
    const extended = view.body.packages.find((p: { name: string }) => p.name === "Extended");
    const booked = await call("POST", path, {
      token: held.body.hold.token,
      body: { client, packageId: extended.id },
    });
    expect(booked.status).toBe(201);
    const mine = await call("GET", `/v1/bookings/${booked.body.booking.token}`);
    expect(mine.body.booking.amountCents).toBe(25000);
  });

  it("shows field errors for a bad email and keeps the hold", async () => {
    const { session, spotIds } = await openMultiSession(1);
    const held = await hold(session.slug, spotIds[0] as string);
    const res = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name: "", email: "not-an-email" } },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "client.email",
      "client.name",
    ]);
    expect((await call("GET", `/v1/sessions/${session.slug}`)).body.spots[0].available).toBe(false);
  });
});

describe("a client confirms a Single session from the emailed link", () => {
  async function invitedSingle(packages: unknown[]) {
    const { token } = await newStudio();
    const type = await newSessionType(token, {
      name: "Wedding",
      classification: "single",
      durationMinutes: 360,
      packages,
    });
    const client = await newClient(token, { name: "Jane Austen", email: "jane@example.com" });
    const date = nextMonthDay("06-12");
    const session = await newSession(token, {
      classification: "single",
      name: "Austen wedding",
      sessionTypeId: type.id,
      clientId: client.id,
      date,
      time: "14:00",
      location: "Bath Abbey",
    });
    const sent = await call("POST", `/v1/admin/sessions/${session.id}/confirmation-request`, { token });
    return { token, session, date, link: tokenFrom(sent.body.confirmationUrl) };
  }

  it("shows the details, takes the package choice and confirms once", async () => {
    const { token, session, date, link } = await invitedSingle([
      { name: "Half day", priceCents: 150000, depositCents: 50000 },
      { name: "Full day", priceCents: 300000, depositCents: 100000 },
    ]);
    const view = await call("GET", `/v1/bookings/${link}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      booking: { status: "awaiting_confirmation", packageId: null, client: { name: "Jane Austen" } },
      session: {
        name: "Austen wedding",
        location: "Bath Abbey",
        timeZone: "America/New_York",
        classification: "single",
      },
      spot: { startsAt: `${date}T18:00:00.000Z` },
    });
    const noPackage = await call("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(noPackage.body.code).toBe("package_required");
    const full = view.body.packages.find((p: { name: string }) => p.name === "Full day");
    const confirmed = await call("POST", `/v1/bookings/${link}/confirm`, { body: { packageId: full.id } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.booking).toMatchObject({
      status: "confirmed",
      amountCents: 300000,
      balanceCents: 300000,
    });
    const again = await call("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_confirmed");
    const moved = await call("PATCH", `/v1/admin/sessions/${session.id}`, {
      token,
      body: { date: addDays(date, 1) },
    });
    expect(moved.status).toBe(409);
    expect(moved.body.code).toBe("already_confirmed");
    const mail = await env.DB.prepare("SELECT kind FROM emails WHERE recipient = ? ORDER BY created_at")
      .bind("jane@example.com")
      .all<{ kind: string }>();
    expect(mail.results.map((m) => m.kind)).toEqual(["confirmation_request", "booking_confirmed"]);
  });

  it("answers 404 to a made-up link", async () => {
    const res = await call("GET", "/v1/bookings/sbk_book_madeup");
    expect(res.status).toBe(404);
  });
});

describe("Reserve this Spot", () => {
  it("takes the spot from visitors and emails the client a link to confirm", async () => {
    const { session, spotIds, token } = await openMultiSession(2);
    const client = await newClient(token, { name: "Percy", email: "percy@example.com" });
    const reserved = await call("POST", `/v1/admin/spots/${spotIds[1]}/reservation`, {
      token,
      body: { clientId: client.id },
    });
    expect(reserved.status).toBe(201);
    expect((await hold(session.slug, spotIds[1] as string)).body.code).toBe("spot_taken");
    const again = await call("POST", `/v1/admin/spots/${spotIds[1]}/reservation`, {
      token,
      body: { clientId: client.id },
    });
    expect(again.status).toBe(409);
    const confirmed = await call("POST", `/v1/bookings/${tokenFrom(reserved.body.confirmationUrl)}/confirm`, {
      body: {},
    });
    expect(confirmed.body.booking.status).toBe("confirmed");
    const mail = await env.DB.prepare(
      "SELECT kind, recipient FROM emails WHERE recipient = ? ORDER BY created_at",
    )
      .bind("percy@example.com")
      .all();
    expect(mail.results).toEqual([
      { kind: "spot_reserved", recipient: "percy@example.com" },
      { kind: "booking_confirmed", recipient: "percy@example.com" },
    ]);
  });

  it("refuses to reserve a taken spot for a new client without adding the client", async () => {
    const { token, spotIds, session } = await openMultiSession(1);
    await hold(session.slug, spotIds[0] as string);
    const before = await rowCount("clients");
    const res = await call("POST", `/v1/admin/spots/${spotIds[0]}/reservation`, {
      token,
      body: { client: { name: "Percy Shelley", email: "percy.shelley@example.com" } },
    });
    expect(res.body.code).toBe("spot_taken");
    expect(await rowCount("clients")).toBe(before);
  });

  it("frees the spot when the photographer cancels the booking", async () => {
    const { session, spotIds, token } = await openMultiSession(1);
    const client = await newClient(token);
    const reserved = await call("POST", `/v1/admin/spots/${spotIds[0]}/reservation`, {
      token,
      body: { clientId: client.id },
    });
    const cancelled = await call("DELETE", `/v1/admin/bookings/${reserved.body.booking.id}`, { token });
    expect(cancelled.status).toBe(204);
    expect((await call("GET", `/v1/sessions/${session.slug}`)).body.spots[0].available).toBe(true);
    const link = await call("POST", `/v1/bookings/${tokenFrom(reserved.body.confirmationUrl)}/confirm`, {
      body: {},
    });
    expect(link.status).toBe(409);
  });
});

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { utcToLocal } from "../../worker/domain/time.ts";
import { addDays, dayText, nextClockChange, nextMonthDay } from "../dates.ts";
import { call, hold, newClient, newSession, newSessionType, newStudio, openMultiSession } from "./support.ts";

/** Cancelling and deleting whole sessions, and removing and moving their free spots. */

const reserve = (token: string, spotId: string, clientId: string) =>
  call("POST", `/v1/admin/spots/${spotId}/reservation`, { token, body: { clientId } });

const cancelledMail = (sessionId: string) =>
  env.DB.prepare(
    "SELECT e.recipient FROM emails e JOIN bookings b ON b.id = e.booking_id WHERE b.session_id = ? AND e.kind = 'session_cancelled' ORDER BY e.recipient",
  )
    .bind(sessionId)
    .all<{ recipient: string }>()
    .then((r) => r.results.map((row) => row.recipient));

describe("cancelling a whole session", () => {
  it("cancels every booking, emails each client exactly once, and lists what was paid for refund", async () => {
    const { token, session, spotIds } = await openMultiSession(4);
    const ada = await newClient(token, { email: "ada@example.com" });
    const grace = await newClient(token, { name: "Grace Hopper", email: "grace@example.com" });
    const reserved = await reserve(token, spotIds[0] as string, ada.id);
    await reserve(token, spotIds[1] as string, grace.id);
    await call("POST", `/v1/admin/bookings/${reserved.body.booking.id}/payments`, {
      token,
      body: { amountCents: 5000, method: "cash" },
    });
    await hold(session.slug, spotIds[2] as string);

    // Two clicks at once: one cancels, the other is told the session is already cancelled.
    const [first, second] = await Promise.all([
      call("POST", `/v1/admin/sessions/${session.id}/cancel`, { token }),
      call("POST", `/v1/admin/sessions/${session.id}/cancel`, { token }),
    ]);
    const answers = [first, second].sort((a, b) => a.status - b.status);
    expect(answers.map((a) => a.status)).toEqual([200, 409]);
    expect(answers[1]?.body.code).toBe("session_cancelled");
    const done = answers[0]?.body;
    expect(done.emailed).toBe(2);
    expect(done.session.status).toBe("cancelled");
    expect(done.session.spots.every((s: { available: boolean }) => s.available)).toBe(true);
    expect(done.session.refundsDue).toEqual([
      expect.objectContaining({ bookingId: reserved.body.booking.id, paidCents: 5000, currency: "USD" }),
    ]);
    expect(await cancelledMail(session.id)).toEqual(["ada@example.com", "grace@example.com"]);
    const live = await env.DB.prepare(
      "SELECT count(*) AS n FROM bookings WHERE session_id = ? AND status <> 'cancelled'",
    )
      .bind(session.id)
      .first<{ n: number }>();
    expect(live?.n).toBe(0);

    const mail = await env.DB.prepare(
      "SELECT text FROM emails WHERE kind = 'session_cancelled' AND recipient = ?",
    )
      .bind("ada@example.com")
      .first<{ text: string }>();
    expect(mail?.text).toContain("You paid $50.00: Juniper & Pine will refund it to you.");

    // Visitors are told, and can hold nothing.
    const shown = await call("GET", `/v1/sessions/${session.slug}`, {
      headers: { origin: "https://juniper.example" },
    });
    expect(shown.status).toBe(200);
    expect(shown.body.session.status).toBe("cancelled");
    expect(shown.body.spots).toEqual([]);
    const held = await hold(session.slug, spotIds[3] as string);
    expect(held.status).toBe(409);
    expect(held.body.code).toBe("session_cancelled");
    const page = await call("GET", `/s/${session.slug}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain("This session was cancelled");
    expect(page.body).not.toContain("<spotbook-session");

    // Refunding the cash clears the list.
    const refund = await call("POST", `/v1/admin/bookings/${reserved.body.booking.id}/refunds`, {
      token,
      body: { amountCents: 5000, method: "cash", note: "handed back" },
    });
    expect(refund.status, JSON.stringify(refund.body)).toBe(201);
    const after = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(after.body.session.refundsDue).toEqual([]);
  });

  it("refuses changes to a cancelled session", async () => {
    const { token, session, spotIds } = await openMultiSession(2);
    await call("POST", `/v1/admin/sessions/${session.id}/cancel`, { token });
    const client = await newClient(token);
    const reserved = await reserve(token, spotIds[0] as string, client.id);
    expect(reserved.status).toBe(409);
    expect(reserved.body.code).toBe("session_cancelled");
    const added = await call("POST", `/v1/admin/sessions/${session.id}/spots`, {
      token,
      body: { date: nextMonthDay("06-01"), time: "10:00", spots: 1 },
    });
    expect(added.body.code).toBe("session_cancelled");
  });
});

describe("deleting a session", () => {
  it("deletes a session nobody booked, with its spots and the visitors' lapsed holds", async () => {
    const { token, session, spotIds } = await openMultiSession(2);
    const held = await hold(session.slug, spotIds[0] as string);
    await call("DELETE", `/v1/holds/${held.body.hold.id}`, {
      headers: { authorization: `Bearer ${held.body.hold.token}` },
    });
    const res = await call("DELETE", `/v1/admin/sessions/${session.id}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(204);
    expect((await call("GET", `/v1/admin/sessions/${session.id}`, { token })).status).toBe(404);
    const spots = await env.DB.prepare("SELECT count(*) AS n FROM spots WHERE session_id = ?")
      .bind(session.id)
      .first<{ n: number }>();
    expect(spots?.n).toBe(0);
  });

  it("refuses while a client has a booking, even a cancelled one, and while a visitor holds a spot", async () => {
    const { token, session, spotIds } = await openMultiSession(2);
    const client = await newClient(token);
    const reserved = await reserve(token, spotIds[0] as string, client.id);
    await call("DELETE", `/v1/admin/bookings/${reserved.body.booking.id}`, { token });
    const refused = await call("DELETE", `/v1/admin/sessions/${session.id}`, { token });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe("session_has_bookings");
    expect(refused.body.detail).toMatch(/cancel the session instead/);
    expect((await call("GET", `/v1/admin/sessions/${session.id}`, { token })).status).toBe(200);

    const other = await openMultiSession(1);
    await hold(other.session.slug, other.spotIds[0] as string);
    const held = await call("DELETE", `/v1/admin/sessions/${other.session.id}`, { token: other.token });
    expect(held.body.code).toBe("session_has_bookings");
  });
});

describe("removing and moving a free spot", () => {
  it("removes a free spot, which visitors no longer see, and refuses a taken one", async () => {
    const { token, session, spotIds } = await openMultiSession(3);
    const client = await newClient(token);
    await reserve(token, spotIds[1] as string, client.id);
    const removed = await call("DELETE", `/v1/admin/sessions/${session.id}/spots/${spotIds[0]}`, { token });
    expect(removed.status).toBe(200);
    expect(removed.body.session.spots.map((s: { id: string }) => s.id)).toEqual([spotIds[1], spotIds[2]]);
    const shown = await call("GET", `/v1/sessions/${session.slug}`);
    expect(shown.body.spots.map((s: { id: string }) => s.id)).toEqual([spotIds[1], spotIds[2]]);
    expect((await hold(session.slug, spotIds[0] as string)).status).toBe(404);

    const taken = await call("DELETE", `/v1/admin/sessions/${session.id}/spots/${spotIds[1]}`, { token });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("spot_taken");
    const list = await call("GET", "/v1/admin/sessions", { token });
    expect(list.body.sessions[0]).toMatchObject({ spotCount: 2, takenCount: 1 });
  });

  it("moves a free spot across a daylight-saving change, keeping its length and its local time", async () => {
    const { token } = await newStudio({ timeZone: "America/New_York" });
    const type = await newSessionType(token, { durationMinutes: 30, breakMinutes: 0 });
    // Clocks go forward in New York on a Sunday in March: the session is the day before, on EST.
    const forward = nextClockChange("America/New_York", "forward");
    const [saturday, monday] = [addDays(forward, -1), addDays(forward, 1)];
    const session = await newSession(token, {
      classification: "multi",
      name: "Spring Minis",
      sessionTypeId: type.id,
      date: saturday,
      time: "10:00",
      spots: 2,
    });
    const [first, second] = session.spots;
    const moved = await call("PATCH", `/v1/admin/sessions/${session.id}/spots/${second.id}`, {
      token,
      body: { date: monday, time: "10:00" },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const spot = moved.body.session.spots.find((s: { id: string }) => s.id === second.id);
    // 10:00 EST is 15:00Z; 10:00 EDT is 14:00Z.
    expect(first.startsAt).toBe(`${saturday}T15:00:00.000Z`);
    expect(spot.startsAt).toBe(`${monday}T14:00:00.000Z`);
    expect(Date.parse(spot.endsAt) - Date.parse(spot.startsAt)).toBe(30 * 60_000);
    expect(utcToLocal(Date.parse(spot.startsAt), "America/New_York")).toEqual({
      date: monday,
      time: "10:00",
    });

    // A time the clocks skip, a clash with the other spot, and a past time are refused.
    const skipped = await call("PATCH", `/v1/admin/sessions/${session.id}/spots/${second.id}`, {
      token,
      body: { date: forward, time: "02:30" },
    });
    expect(skipped.status).toBe(422);
    const clash = await call("PATCH", `/v1/admin/sessions/${session.id}/spots/${second.id}`, {
      token,
      body: { date: saturday, time: "10:15" },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.code).toBe("spots_overlap");
    expect(clash.body.detail).toContain(`${dayText(saturday)}, 10:00 AM – 10:30 AM (EST)`);
    const past = await call("PATCH", `/v1/admin/sessions/${session.id}/spots/${second.id}`, {
      token,
      body: { date: "2020-01-01", time: "10:00" },
    });
    expect(past.status).toBe(422);
    expect(past.body.errors[0].path).toBe("date");
  });

  it("refuses to move a taken spot", async () => {
    const { token, session, spotIds } = await openMultiSession(2);
    await hold(session.slug, spotIds[0] as string);
    const res = await call("PATCH", `/v1/admin/sessions/${session.id}/spots/${spotIds[0]}`, {
      token,
      body: { date: nextMonthDay("06-01"), time: "10:00" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("spot_taken");
  });
});

describe("editing a session", () => {
  it("changes its name, location and description", async () => {
    const { token, session } = await openMultiSession(1);
    const res = await call("PATCH", `/v1/admin/sessions/${session.id}`, {
      token,
      body: { name: "Winter Minis", location: "Riverside Park", description: "Bring a coat." },
    });
    expect(res.status).toBe(200);
    expect(res.body.session).toMatchObject({
      name: "Winter Minis",
      location: "Riverside Park",
      description: "Bring a coat.",
      slug: session.slug,
    });
    const shown = await call("GET", `/v1/sessions/${session.slug}`);
    expect(shown.body.session).toMatchObject({ name: "Winter Minis", description: "Bring a coat." });
  });
});

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { call, hold, openMultiSession, visitorHeaders } from "./support.ts";

describe("holds", () => {
  it("holds a free spot for the studio's hold minutes and shows it taken", async () => {
    const { session, spotIds } = await openMultiSession();
    const res = await hold(session.slug, spotIds[0] as string);
    expect(res.status).toBe(201);
    expect(res.body.hold.token).toMatch(/^sbk_hold_/);
    const minutes = (Date.parse(res.body.hold.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14.9);
    expect(minutes).toBeLessThanOrEqual(15);
    const view = await call("GET", `/v1/sessions/${session.slug}`);
    expect(view.body.spots.map((s: { available: boolean }) => s.available)).toEqual([false, true, true]);
  });

  it("answers 409 spot_taken to the second visitor", async () => {
    const { session, spotIds } = await openMultiSession();
    await hold(session.slug, spotIds[0] as string);
    const second = await hold(session.slug, spotIds[0] as string);
    expect(second.status).toBe(409);
    expect(second.body.code).toBe("spot_taken");
  });

  it("gives exactly one of 50 concurrent holds on one spot", async () => {
    const { session, spotIds } = await openMultiSession(1);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => hold(session.slug, spotIds[0] as string)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === "spot_taken")).toBe(true);
  });

  it("frees the spot for everyone once the hold expires, before any sweep", async () => {
    const { session, spotIds } = await openMultiSession(1);
    const first = await hold(session.slug, spotIds[0] as string);
    await env.DB.prepare("UPDATE bookings SET expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, first.body.hold.id)
      .run();
    expect((await call("GET", `/v1/sessions/${session.slug}`)).body.spots[0].available).toBe(true);
    const second = await hold(session.slug, spotIds[0] as string);
    expect(second.status).toBe(201);
    const book = await call("POST", `/v1/holds/${first.body.hold.id}/booking`, {
      token: first.body.hold.token,
      body: { client: { name: "Late", email: "late@example.com" } },
    });
    expect(book.status).toBe(410);
    expect(book.body.code).toBe("hold_expired");
  });

  it("books a hold only with its token: the id alone or a wrong token books nothing", async () => {
    const { session, spotIds } = await openMultiSession(1);
    const held = await hold(session.slug, spotIds[0] as string);
    const body = { client: { name: "Fanny Price", email: "fanny@example.com" } };
    const path = `/v1/holds/${held.body.hold.id}/booking`;
    const alone = await call("POST", path, { body });
    expect(alone.status).toBe(401);
    expect(alone.body.code).toBe("unauthorized");
    const wrong = await call("POST", path, { token: "sbk_hold_wrong", body });
    expect(wrong.status).toBe(404);
    const booked = await call("POST", path, { token: held.body.hold.token, body });
    expect(booked.status).toBe(201);
    expect(booked.body.booking.status).toBe("confirmed");
  });

  it("releases a hold on DELETE and refuses a wrong hold token", async () => {
    const { session, spotIds } = await openMultiSession(1);
    const held = await hold(session.slug, spotIds[0] as string);
    const wrong = await call("DELETE", `/v1/holds/${held.body.hold.id}`, { token: "sbk_hold_wrong" });
    expect(wrong.status).toBe(404);
    const released = await call("DELETE", `/v1/holds/${held.body.hold.id}`, { token: held.body.hold.token });
    expect(released.status).toBe(204);
    expect((await call("GET", `/v1/sessions/${session.slug}`)).body.spots[0].available).toBe(true);
  });

  it("extends a hold once, but never past two hold lengths from its start", async () => {
    const { session, spotIds } = await openMultiSession(1);
    const held = await hold(session.slug, spotIds[0] as string);
    const { id, token } = held.body.hold;
    const extended = await call("POST", `/v1/holds/${id}/extend`, { token });
    expect(extended.status).toBe(200);
    const began = Date.now() - 20 * 60_000;
    await env.DB.prepare("UPDATE bookings SET created_at = ? WHERE id = ?").bind(began, id).run();
    const capped = await call("POST", `/v1/holds/${id}/extend`, { token });
    expect(Date.parse(capped.body.hold.expiresAt)).toBe(began + 2 * 15 * 60_000);
  });

  it("limits how many holds one visitor places", async () => {
    const { session, spotIds } = await openMultiSession(31, { durationMinutes: 5, breakMinutes: 0 });
    const headers = visitorHeaders();
    const answers = [];
    for (const spotId of spotIds) answers.push(await hold(session.slug, spotId, headers));
    expect(answers.slice(0, 30).every((a) => a.status === 201)).toBe(true);
    expect(answers[30]?.status).toBe(429);
    expect(answers[30]?.body.code).toBe("rate_limited");
  });

  it("refuses holds from a site the studio has not allowed, and lets its own site read answers", async () => {
    const { session, spotIds } = await openMultiSession(2);
    const foreign = await hold(session.slug, spotIds[0] as string, {
      ...visitorHeaders(),
      origin: "https://evil.example",
    });
    expect(foreign.status).toBe(403);
    const own = await hold(session.slug, spotIds[1] as string, {
      ...visitorHeaders(),
      origin: "https://juniper.example",
    });
    expect(own.status).toBe(201);
    expect(own.headers.get("access-control-allow-origin")).toBe("https://juniper.example");
    expect((await call("GET", `/v1/sessions/${session.slug}`)).body.spots[0].available).toBe(true);
  });
});

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { runScheduledJobs } from "../../worker/jobs/scheduled.ts";
import { call, hold, newClient, openMultiSession } from "./support.ts";

const from = (ip: string) => ({ "cf-connecting-ip": ip });
const available = async (slug: string) =>
  ((await call("GET", `/v1/sessions/${slug}`)).body.spots as { available: boolean }[]).filter(
    (s) => s.available,
  ).length;

describe("one visitor cannot hold what they are not booking", () => {
  it("keeps one live hold per visitor in a session: each new hold lets the last one go", async () => {
    const { session, spotIds } = await openMultiSession(6);
    const visitor = from("198.51.100.20");
    const holds = [];
    for (const spotId of spotIds) holds.push(await hold(session.slug, spotId, visitor));
    expect(holds.every((h) => h.status === 201)).toBe(true);
    // Six holds placed one after another, one spot held at the end.
    expect(await available(session.slug)).toBe(5);
    const first = holds[0]?.body.hold;
    const stale = await call("POST", `/v1/holds/${first.id}/booking`, {
      token: first.token,
      body: { client: { name: "Lucy Steele", email: "lucy@example.com" } },
    });
    expect(stale.status).toBe(410);
    const last = holds.at(-1)?.body.hold;
    const booked = await call("POST", `/v1/holds/${last.id}/booking`, {
      token: last.token,
      body: { client: { name: "Lucy Steele", email: "lucy@example.com" } },
    });
    expect(booked.status).toBe(201);
  });

  it("lets a studio allow two holds per visitor for a workshop's seats, and no more", async () => {
    const { session, spotIds, token } = await openMultiSession(4);
    expect((await call("PATCH", "/v1/admin/studio", { token, body: { maxHoldsPerVisitor: 2 } })).status).toBe(
      200,
    );
    const visitor = from("198.51.100.21");
    for (const spotId of spotIds) expect((await hold(session.slug, spotId, visitor)).status).toBe(201);
    expect(await available(session.slug)).toBe(2);
    expect((await call("PATCH", "/v1/admin/studio", { token, body: { maxHoldsPerVisitor: 3 } })).status).toBe(
      422,
    );
  });

  it("keeps each visitor's hold apart from another's, and counts a whole IPv6 /64 as one visitor", async () => {
    const { session, spotIds } = await openMultiSession(4);
    const [a, b, c, d] = spotIds as [string, string, string, string];
    expect((await hold(session.slug, a, from("198.51.100.30"))).status).toBe(201);
    expect((await hold(session.slug, b, from("198.51.100.31"))).status).toBe(201);
    expect((await hold(session.slug, c, from("2001:db8:1:2::10"))).status).toBe(201);
    expect((await hold(session.slug, d, from("2001:db8:1:2:ffff::99"))).status).toBe(201);
    // Two IPv4 visitors keep theirs; the /64's second address let its first hold go.
    expect(await available(session.slug)).toBe(1);
  });

  it("counts the hold rate per IPv6 /64, not per address", async () => {
    const { session, spotIds } = await openMultiSession(31, { durationMinutes: 5, breakMinutes: 0 });
    const answers = [];
    for (const [i, spotId] of spotIds.entries()) {
      answers.push(await hold(session.slug, spotId, from(`2001:db8:77:1::${(i + 1).toString(16)}`)));
    }
    expect(answers.slice(0, 30).every((a) => a.status === 201)).toBe(true);
    expect(answers[30]?.status).toBe(429);
  });

  it("forgets rate-limit counters once their window has closed", async () => {
    const { session, spotIds } = await openMultiSession(1);
    await hold(session.slug, spotIds[0] as string, from("198.51.100.40"));
    const count = async () =>
      (
        await env.DB.prepare(
          "SELECT count(*) AS n FROM rate_limits WHERE key LIKE 'hold:v4:198.51.100.40'",
        ).first<{
          n: number;
        }>()
      )?.n;
    expect(await count()).toBe(1);
    await runScheduledJobs(env, Date.now() + 11 * 60_000);
    expect(await count()).toBe(0);
  });
});

describe("a visitor booking with a known client's email", () => {
  it("is shown only what they typed, and the client's stored details stay as they were", async () => {
    const { session, spotIds, token } = await openMultiSession(1);
    const known = await newClient(token, {
      name: "Elinor Dashwood",
      email: "elinor@example.com",
      phone: "555 0100",
    });
    const held = await hold(session.slug, spotIds[0] as string);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name: "Not Elinor", email: "ELINOR@example.com", phone: "555 9999" } },
    });
    expect(booked.status).toBe(201);
    const seen = await call("GET", `/v1/bookings/${booked.body.booking.token}`);
    expect(seen.body.booking.client).toEqual({ name: "Not Elinor", email: "elinor@example.com" });
    expect(JSON.stringify(seen.body)).not.toContain("Elinor Dashwood");
    const stored = await call("GET", `/v1/admin/clients/${known.id}`, { token });
    expect(stored.body.client).toMatchObject({ name: "Elinor Dashwood", phone: "555 0100" });
  });
});

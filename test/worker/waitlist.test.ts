import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { contextFor } from "../../worker/actions/context.ts";
import { offerFreeSpots } from "../../worker/actions/waitlist.ts";
import { runScheduledJobs } from "../../worker/jobs/scheduled.ts";
import { inDays } from "../dates.ts";
import { call, hold, openMultiSession, visitorHeaders } from "./support.ts";

type Session = Awaited<ReturnType<typeof openMultiSession>>;

/** A session with every spot booked by a visitor; answers the bookings' ids and the hold tokens. */
async function fullSession(spots = 2): Promise<Session & { bookingIds: string[] }> {
  const s = await openMultiSession(spots);
  const bookingIds: string[] = [];
  for (const [i, spotId] of s.spotIds.entries()) {
    const held = await hold(s.session.slug, spotId);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: {
        client: { name: `Booked ${i}`, email: `booked${i}@example.com` },
        packageId: s.type.packages[0].id,
      },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    bookingIds.push(booked.body.booking.id);
  }
  return { ...s, bookingIds };
}

let people = 0;
async function join(slug: string, name: string, times?: unknown) {
  const email = `${name.toLowerCase()}+${++people}@example.com`;
  const res = await call("POST", `/v1/sessions/${slug}/waitlist`, {
    body: { client: { name, email }, ...(times ? { times } : {}) },
    headers: visitorHeaders(),
  });
  return { ...res, email };
}

/** The waitlist offers queued for a recipient, newest last, with the token their link carries. */
async function offersTo(email: string) {
  const { results } = await env.DB.prepare(
    "SELECT text FROM emails WHERE kind = 'waitlist_offer' AND recipient = ? ORDER BY created_at",
  )
    .bind(email)
    .all<{ text: string }>();
  return results.map((r) => /spotbook-offer=([\w-]+)/.exec(r.text)?.[1] as string);
}

const cancel = (token: string, bookingId: string) =>
  call("DELETE", `/v1/admin/bookings/${bookingId}`, { token });

describe("waitlist", () => {
  it("lets visitors join a full session in order, and only a full one", async () => {
    const open = await openMultiSession(1);
    const early = await join(open.session.slug, "Early");
    expect(early.status).toBe(409);
    expect(early.body.code).toBe("session_not_full");

    const s = await fullSession(1);
    const first = await join(s.session.slug, "Ann");
    const second = await join(s.session.slug, "Bob");
    expect(first.status).toBe(201);
    expect(first.body.entry.position).toBe(1);
    expect(second.body.entry.position).toBe(2);
    const again = await call("POST", `/v1/sessions/${s.session.slug}/waitlist`, {
      body: { client: { name: "Ann", email: first.email.toUpperCase() } },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("already_on_waitlist");
  });

  it("shows one's place through one's own link, and lets one leave", async () => {
    const s = await fullSession(1);
    const ann = await join(s.session.slug, "Ann");
    const bob = await join(s.session.slug, "Bob");
    const mine = await call("GET", `/v1/waitlist/${bob.body.entry.token}`);
    expect(mine.status).toBe(200);
    expect(mine.body.entry).toMatchObject({ position: 2, status: "waiting", offerExpiresAt: null });
    expect((await call("DELETE", `/v1/waitlist/${ann.body.entry.token}`)).status).toBe(204);
    expect((await call("GET", `/v1/waitlist/${bob.body.entry.token}`)).body.entry.position).toBe(1);
    expect((await call("GET", `/v1/waitlist/${ann.body.entry.token}`)).body.entry).toMatchObject({
      status: "left",
      position: null,
    });
    expect((await call("GET", "/v1/waitlist/sbk_wait_nope")).status).toBe(404);
  });

  it("offers a cancelled spot to the first in line, and nobody else can hold it", async () => {
    const s = await fullSession(2);
    const ann = await join(s.session.slug, "Ann");
    const bob = await join(s.session.slug, "Bob");
    expect((await cancel(s.token, s.bookingIds[1] as string)).status).toBe(204);

    const [offerToken] = await offersTo(ann.email);
    expect(offerToken).toMatch(/^sbk_hold_/);
    expect(await offersTo(bob.email)).toEqual([]);
    const view = await call("GET", `/v1/sessions/${s.session.slug}`);
    expect(view.body.spots.every((spot: { available: boolean }) => !spot.available)).toBe(true);
    const stranger = await hold(s.session.slug, s.spotIds[1] as string);
    expect(stranger.status).toBe(409);
    expect(stranger.body.code).toBe("spot_taken");
    const annView = await call("GET", `/v1/waitlist/${ann.body.entry.token}`);
    expect(annView.body.entry.offerExpiresAt).not.toBeNull();
  });

  it("holds the offered spot for the studio's offer hours, and books it with the emailed token", async () => {
    const s = await fullSession(1);
    const ann = await join(s.session.slug, "Ann");
    await cancel(s.token, s.bookingIds[0] as string);
    const [offerToken] = await offersTo(ann.email);
    const offer = await call("GET", `/v1/offers/${offerToken}`);
    expect(offer.status).toBe(200);
    expect(offer.body.offer).toMatchObject({ session: s.session.slug, spot: { id: s.spotIds[0] } });
    expect(offer.body.offer.client.email).toBe(ann.email);
    const hours = (Date.parse(offer.body.offer.hold.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(11.9);
    expect(hours).toBeLessThanOrEqual(12);
    // Extending an offer never shortens it to the studio's hold minutes.
    const extended = await call("POST", `/v1/holds/${offer.body.offer.hold.id}/extend`, {
      token: offerToken,
    });
    expect(extended.body.hold.expiresAt).toBe(offer.body.offer.hold.expiresAt);

    const booked = await call("POST", `/v1/holds/${offer.body.offer.hold.id}/booking`, {
      token: offerToken,
      body: { client: { name: "Ann", email: ann.email }, packageId: s.type.packages[0].id },
    });
    expect(booked.status).toBe(201);
    expect(booked.body.booking.status).toBe("confirmed");
    const settled = await call("GET", `/v1/admin/sessions/${s.session.id}/waitlist`, { token: s.token });
    expect(settled.body.waitlist.entries[0].status).toBe("booked");
    expect(settled.body.waitlist.offers[0]).toMatchObject({ name: "Ann", status: "booked" });
    expect((await call("GET", `/v1/offers/${offerToken}`)).status).toBe(410);
  });

  it("offers a released hold and an expired hold to the next in line", async () => {
    const s = await openMultiSession(2);
    const a = await hold(s.session.slug, s.spotIds[0] as string);
    const b = await hold(s.session.slug, s.spotIds[1] as string);
    const ann = await join(s.session.slug, "Ann");
    const bob = await join(s.session.slug, "Bob");
    await call("DELETE", `/v1/holds/${a.body.hold.id}`, { token: a.body.hold.token });
    expect(await offersTo(ann.email)).toHaveLength(1);

    await env.DB.prepare("UPDATE bookings SET expires_at = ? WHERE id = ?")
      .bind(Date.now() - 1, b.body.hold.id)
      .run();
    expect(await offersTo(bob.email)).toHaveLength(0);
    await runScheduledJobs(env, Date.now());
    expect(await offersTo(bob.email)).toHaveLength(1);
  });

  it("passes a lapsed offer on to the next person, and the one who missed it leaves the line", async () => {
    const s = await fullSession(1);
    const ann = await join(s.session.slug, "Ann");
    const bob = await join(s.session.slug, "Bob");
    await cancel(s.token, s.bookingIds[0] as string);
    expect(await offersTo(ann.email)).toHaveLength(1);
    await runScheduledJobs(env, Date.now() + 12 * 3_600_000 + 1);
    expect(await offersTo(bob.email)).toHaveLength(1);
    expect(await offersTo(ann.email)).toHaveLength(1);
    const list = await call("GET", `/v1/admin/sessions/${s.session.id}/waitlist`, { token: s.token });
    expect(list.body.waitlist.entries.map((e: { status: string }) => e.status)).toEqual([
      "missed",
      "waiting",
    ]);
    expect(
      list.body.waitlist.offers.map((o: { name: string; status: string }) => [o.name, o.status]),
    ).toEqual([
      ["Bob", "offered"],
      ["Ann", "lapsed"],
    ]);
  });

  it("gives two spots freeing at once to two people, and added spots to the next ones", async () => {
    const t = await fullSession(2);
    const q: { email: string }[] = [];
    for (const name of ["Ann", "Bob", "Cy", "Di"]) q.push(await join(t.session.slug, name));
    await Promise.all(t.bookingIds.map((id) => cancel(t.token, id)));
    const counts = async () => Promise.all(q.map(async (p) => (await offersTo(p.email)).length));
    expect(await counts()).toEqual([1, 1, 0, 0]);

    const tomorrow = inDays(1);
    const added = await call("POST", `/v1/admin/sessions/${t.session.id}/spots`, {
      token: t.token,
      body: { date: tomorrow, time: "15:00", spots: 1 },
    });
    expect(added.status).toBe(201);
    expect(await counts()).toEqual([1, 1, 1, 0]);
  });

  it("offers a spot only to someone whose times fit it", async () => {
    const s = await fullSession(2);
    const day = inDays(1);
    const other = inDays(3);
    const elsewhere = await join(s.session.slug, "Ann", [{ date: other }]);
    const afternoon = await join(s.session.slug, "Bob", [{ date: day, from: "12:00" }]);
    const morning = await join(s.session.slug, "Cy", [{ date: day, from: "09:00", to: "12:00" }]);
    expect(elsewhere.status).toBe(201);
    await cancel(s.token, s.bookingIds[0] as string);
    expect((await offersTo(elsewhere.email)).length).toBe(0);
    expect((await offersTo(afternoon.email)).length).toBe(0);
    expect((await offersTo(morning.email)).length).toBe(1);
  });

  it("makes one offer per spot however many sweeps run at once", async () => {
    const s = await fullSession(1);
    const line = [];
    for (const name of ["Ann", "Bob", "Cy"]) line.push(await join(s.session.slug, name));
    await env.DB.prepare("UPDATE bookings SET status = 'cancelled' WHERE id = ?").bind(s.bookingIds[0]).run();
    const ctx = contextFor(env, Date.now(), "https://spotbook.test");
    const made = await Promise.all(Array.from({ length: 8 }, () => offerFreeSpots(ctx, s.session.id)));
    expect(made.reduce((a, b) => a + b, 0)).toBe(1);
    const { results } = await env.DB.prepare(
      "SELECT count(*) AS n FROM waitlist_offers WHERE session_id = ? AND status = 'offered'",
    )
      .bind(s.session.id)
      .all<{ n: number }>();
    expect(results[0]?.n).toBe(1);
    expect((await offersTo(line[0]?.email as string)).length).toBe(1);
  });

  it("lets the photographer reorder, offer a spot to a given person, and turn the waitlist off", async () => {
    const s = await fullSession(2);
    const ann = await join(s.session.slug, "Ann");
    const bob = await join(s.session.slug, "Bob");
    const cy = await join(s.session.slug, "Cy");
    const moved = await call("POST", `/v1/admin/waitlist/${cy.body.entry.id}/move`, {
      token: s.token,
      body: { position: 1 },
    });
    expect(moved.status).toBe(204);
    expect((await call("GET", `/v1/waitlist/${cy.body.entry.token}`)).body.entry.position).toBe(1);
    expect((await call("GET", `/v1/waitlist/${ann.body.entry.token}`)).body.entry.position).toBe(2);

    await cancel(s.token, s.bookingIds[0] as string);
    expect(await offersTo(cy.email)).toHaveLength(1);
    const taken = await call("POST", `/v1/admin/waitlist/${bob.body.entry.id}/offer`, {
      token: s.token,
      body: { spotId: s.spotIds[0] },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe("spot_taken");
    await cancel(s.token, s.bookingIds[1] as string);
    // The next freed spot goes to Ann, next after Cy; when she leaves, it passes to Bob.
    expect(await offersTo(ann.email)).toHaveLength(1);
    await call("DELETE", `/v1/waitlist/${ann.body.entry.token}`);
    expect(await offersTo(bob.email)).toHaveLength(1);
  });

  it("turned off, takes nobody and offers nothing; turned on, offers what is free", async () => {
    const s = await fullSession(2);
    const ann = await join(s.session.slug, "Ann");
    // Turned off: a freed spot stays free for anyone, and nobody can join.
    const off = await call("PATCH", `/v1/admin/sessions/${s.session.id}/waitlist`, {
      token: s.token,
      body: { open: false },
    });
    expect(off.body.waitlist.open).toBe(false);
    await cancel(s.token, s.bookingIds[1] as string);
    expect(await offersTo(ann.email)).toHaveLength(0);
    const late = await call("POST", `/v1/sessions/${s.session.slug}/waitlist`, {
      body: { client: { name: "Late", email: "late@example.com" } },
    });
    expect(late.body.code).toBe("waitlist_closed");

    await call("PATCH", `/v1/admin/sessions/${s.session.id}/waitlist`, {
      token: s.token,
      body: { open: true },
    });
    // Turned back on, the free spot goes to the first in line.
    expect(await offersTo(ann.email)).toHaveLength(1);
  });

  it("lets the photographer offer a free spot to a given person, past those before them", async () => {
    const s = await fullSession(2);
    const ann = await join(s.session.slug, "Ann");
    const bob = await join(s.session.slug, "Bob");
    await call("PATCH", `/v1/admin/sessions/${s.session.id}/waitlist`, {
      token: s.token,
      body: { open: false },
    });
    await cancel(s.token, s.bookingIds[0] as string);
    await call("PATCH", `/v1/admin/sessions/${s.session.id}/waitlist`, {
      token: s.token,
      body: { open: true },
    });
    expect(await offersTo(ann.email)).toHaveLength(1);
    await call("PATCH", `/v1/admin/sessions/${s.session.id}/waitlist`, {
      token: s.token,
      body: { open: false },
    });
    await cancel(s.token, s.bookingIds[1] as string);
    const closed = await call("POST", `/v1/admin/waitlist/${bob.body.entry.id}/offer`, {
      token: s.token,
      body: { spotId: s.spotIds[1] },
    });
    expect(closed.body.code).toBe("waitlist_closed");
    await env.DB.prepare("UPDATE sessions SET waitlist_open = 1 WHERE id = ?").bind(s.session.id).run();
    const given = await call("POST", `/v1/admin/waitlist/${bob.body.entry.id}/offer`, {
      token: s.token,
      body: { spotId: s.spotIds[1] },
    });
    expect(given.status).toBe(204);
    expect(await offersTo(bob.email)).toHaveLength(1);
  });
});

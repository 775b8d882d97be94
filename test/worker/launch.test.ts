import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bookHold } from "../../worker/actions/bookings.ts";
import { contextFor, type VisitorContext } from "../../worker/actions/context.ts";
import { holdSpot } from "../../worker/actions/holds.ts";
import { type Place, waitInLine } from "../../worker/actions/launch.ts";
import type { LaunchQueue } from "../../worker/coordinators/launch-queue.ts";
import { DomainError } from "../../worker/domain/errors.ts";
import {
  type Place as LinePlace,
  openLine,
  type RandomIndex,
  rankCorrelation,
  readAdmission,
  shuffle,
  signAdmission,
  turnMs,
} from "../../worker/domain/launch.ts";
import { call, openMultiSession } from "./support.ts";

/** A small seeded PRNG (mulberry32): the shuffle's randomness, made repeatable for a test. */
function seeded(seed: number): RandomIndex {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4_294_967_296) * n);
  };
}

const hour = 3_600_000;

/** A Multi session of `spots` spots that opens an hour from now; every call below runs at a chosen `now`. */
async function launch(spots: number, seed?: number) {
  const s = await openMultiSession(spots);
  const opensAt = Date.now() + hour;
  const patched = await call("PATCH", `/v1/admin/sessions/${s.session.id}`, {
    token: s.token,
    body: { rules: { opensAt: new Date(opensAt).toISOString() } },
  });
  expect(patched.status).toBe(200);
  const slug: string = s.session.slug;
  if (seed !== undefined) {
    await runInDurableObject(
      env.LAUNCH_QUEUES.get(env.LAUNCH_QUEUES.idFromName(slug)),
      (line: LaunchQueue) => {
        line.random = seeded(seed);
      },
    );
  }
  const at = (now: number): VisitorContext => ({
    ...contextFor(env, now, "https://spotbook.test"),
    origin: null,
  });
  let ip = 0;
  const newVisitor = () => `198.51.${Math.floor(++ip / 250)}.${(ip % 250) + 1}`;
  const wait = (now: number, visitor: string, ticket?: string) =>
    waitInLine(at(now), { slug, ticket, visitor });
  const holdOn = (now: number, visitor: string, admission?: string, spotId = s.spotIds[0] as string) =>
    holdSpot(at(now), { slug, spotId, visitor, admission });
  const book = async (now: number, hold: { id: string; token: string }, name: string) =>
    bookHold(at(now), hold, {
      client: { name, email: `${name.toLowerCase()}@example.com` },
      packageId: s.type.packages[0].id,
    });
  return { ...s, slug, opensAt, at, newVisitor, wait, holdOn, book };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

/** Everyone asks again at `now`; answers each visitor's place, by visitor. */
async function pollAll(l: Awaited<ReturnType<typeof launch>>, now: number, line: Map<string, Place>) {
  for (const [visitor, place] of line) line.set(visitor, await l.wait(now, visitor, place.ticket));
  return line;
}

describe("a fair launch", () => {
  it("takes no hold before the opening, nor after it without a turn", async () => {
    const l = await launch(2);
    const visitor = l.newVisitor();
    expect(await refusal(l.holdOn(l.opensAt - 1, visitor))).toBe("booking_not_open");
    // Through the API as well: no visitor can jump the line.
    const early = await call("POST", `/v1/sessions/${l.slug}/holds`, { body: { spotId: l.spotIds[0] } });
    expect(early.body.code).toBe("booking_not_open");

    const after = l.opensAt + 1_000;
    expect(await refusal(l.holdOn(after, visitor))).toBe("not_admitted");
    const place = await l.wait(after, visitor);
    expect(place.status).toBe("admitted");
    const admission = place.admission?.token as string;
    const [id, expires, signature] = admission.split(".") as [string, string, string];
    const forged = [
      `${id}.${Number(expires) + turnMs}.${signature}`,
      `${crypto.randomUUID()}.${expires}.${signature}`,
      `${id}.${expires}.${"A".repeat(43)}`,
      await signAdmission("not-the-secret", { slug: l.slug, placeId: id, expiresAt: Number(expires) }),
      await signAdmission(l.at(after).launch.secret, {
        slug: "another-session",
        placeId: id,
        expiresAt: Number(expires),
      }),
      "",
    ];
    for (const token of forged) expect(await refusal(l.holdOn(after, visitor, token))).toBe("not_admitted");
    // A turn that ran out is over, however well signed.
    expect(await refusal(l.holdOn(Number(expires), visitor, admission))).toBe("not_admitted");
    expect(await refusal(l.holdOn(after, visitor, admission))).toBe("ok");
  });

  it("refuses any admission it did not sign (generated tokens)", async () => {
    const secret = "launch-test-secret";
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (token) => {
        expect(await readAdmission(secret, "fall-minis", token, 0)).toBeNull();
      }),
    );
    const good = await signAdmission(secret, { slug: "fall-minis", placeId: "p1", expiresAt: 10 });
    expect(await readAdmission(secret, "fall-minis", good, 9)).toEqual({ placeId: "p1", expiresAt: 10 });
    expect(await readAdmission(secret, "fall-minis", good, 10)).toBeNull();
  });

  it("puts everyone who came before the opening in a random order, and later arrivals after them", async () => {
    const l = await launch(1, 7);
    const line = new Map<string, Place>();
    const arrival: string[] = [];
    for (let i = 0; i < 30; i++) {
      const visitor = l.newVisitor();
      const place = await l.wait(l.opensAt - 30_000 + i * 500, visitor);
      expect(place).toMatchObject({ status: "waiting", position: null });
      line.set(visitor, place);
      arrival.push(visitor);
    }
    await pollAll(l, l.opensAt + 100, line);
    const late = [l.newVisitor(), l.newVisitor()];
    for (const [i, visitor] of late.entries())
      line.set(visitor, await l.wait(l.opensAt + 1_000 + i, visitor));
    // One seat: one turn, then everyone else by position. That is the order of the line.
    const order = [...line].sort(([, a], [, b]) => (a.position ?? 0) - (b.position ?? 0)).map(([v]) => v);
    expect(line.get(order[0] as string)?.status).toBe("admitted");
    expect(order.slice(-2)).toEqual(late);
    const early = order.slice(0, 30);
    expect(new Set(early)).toEqual(new Set(arrival));
    expect(early).not.toEqual(arrival);
    const rho = rankCorrelation(
      arrival.map((_, i) => i),
      arrival.map((v) => early.indexOf(v)),
    );
    expect(Math.abs(rho)).toBeLessThan(0.5);
  });

  it("shuffles uniformly: over many simulated launches, arrival order says nothing of the turn", () => {
    const random = seeded(2026);
    const launches = 400;
    const arrivals = 40;
    const opensAt = 1_000_000;
    const line: LinePlace[] = Array.from({ length: arrivals }, (_, i) => ({
      id: `p${i}`,
      ticketHash: `h${i}`,
      network: "n",
      arrivedAt: opensAt - arrivals + i,
      rank: i,
      admittedAt: null,
      turnEndsAt: null,
      held: false,
      left: false,
    }));
    let sum = 0;
    let firstStaysFirst = 0;
    for (let n = 0; n < launches; n++) {
      const opened = openLine(line, opensAt, random);
      const rho = rankCorrelation(
        opened.map((p) => p.arrivedAt),
        opened.map((p) => p.rank),
      );
      sum += rho;
      if (opened[0]?.id === "p0") firstStaysFirst++;
    }
    // One launch's rho has a standard deviation of 1/sqrt(39) ≈ 0.16, the mean of 400 about 0.008.
    expect(Math.abs(sum / launches)).toBeLessThan(0.04);
    // The first to arrive is first in line one launch in 40, not every time.
    expect(firstStaysFirst).toBeLessThan(25);
    // Fisher–Yates gives each of the 6 orders of 3 equally often (a naive swap would not).
    const counts = new Map<string, number>();
    for (let n = 0; n < 6_000; n++) {
      const key = shuffle(["a", "b", "c"], random).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count - 1_000)).toBeLessThan(130);
  });

  it("keeps one's place across a refresh and a second tab, and caps the places one network takes", async () => {
    const l = await launch(1);
    const visitor = l.newVisitor();
    const first = await l.wait(l.opensAt - 60_000, visitor);
    const others = [l.newVisitor(), l.newVisitor()];
    for (const [i, other] of others.entries()) await l.wait(l.opensAt - 50_000 + i, other);
    // The refresh (or the second tab) presents the ticket kept in localStorage: the same place.
    const again = await l.wait(l.opensAt - 10_000, visitor, first.ticket);
    expect(again.ticket).toBe(first.ticket);
    const opened = await l.wait(l.opensAt + 10, visitor, first.ticket);
    const reloaded = await l.wait(l.opensAt + 20, visitor, first.ticket);
    expect(reloaded.ticket).toBe(first.ticket);
    expect([reloaded.status, reloaded.position]).toEqual([opened.status, opened.position]);
    // A made-up ticket is no place: it gets a new one, at the back.
    const madeUp = await l.wait(l.opensAt + 30, visitor, "sbk_line_made-up");
    expect(madeUp.ticket).not.toBe("sbk_line_made-up");
    expect(madeUp.position).toBe(3);
    // Fresh tickets from one network stop at a few (a household), whatever the browser clears.
    const crowd = l.newVisitor();
    const tries = [];
    for (let i = 0; i < 6; i++) tries.push(await refusal(l.wait(l.opensAt + 40 + i, crowd)));
    expect(tries).toEqual(["ok", "ok", "ok", "ok", "rate_limited", "rate_limited"]);
  });

  it("admits as many as there are free seats, and the next as turns are used, lapse or are given up", async () => {
    const l = await launch(2, 3);
    const line = new Map<string, Place>();
    for (let i = 0; i < 6; i++) {
      const visitor = l.newVisitor();
      line.set(visitor, await l.wait(l.opensAt - 1_000 + i, visitor));
    }
    let now = l.opensAt + 1;
    await pollAll(l, now, line);
    const admitted = () => [...line].filter(([, p]) => p.status === "admitted").map(([v]) => v);
    const [a, b] = admitted() as [string, string];
    expect(admitted()).toHaveLength(2);

    // A books: their seat is taken, so nobody new gets a turn.
    const held = await l.holdOn(now, a, line.get(a)?.admission?.token);
    await l.book(now, held, "Ann");
    now += 5_000;
    await pollAll(l, now, line);
    expect(admitted()).toEqual([b]);

    // B lets their turn lapse: the next in line gets it.
    now = line.get(b)?.admission?.expiresAt as number;
    await pollAll(l, now, line);
    expect(line.get(b)?.status).toBe("over");
    const [c] = admitted() as [string];
    expect(admitted()).toHaveLength(1);

    // C gives up their turn: the next one's begins.
    const leave = (ticket: unknown) =>
      call("POST", `/v1/sessions/${l.slug}/queue/leave`, { body: { ticket } });
    expect((await leave(line.get(c)?.ticket)).status).toBe(204);
    expect((await leave(line.get(c)?.ticket)).status).toBe(404);
    now += 5_000;
    line.delete(c);
    await pollAll(l, now, line);
    expect(admitted()).toHaveLength(1);
    expect(admitted()).not.toContain(c);

    const summary = await call("GET", `/v1/admin/sessions/${l.session.id}/queue`, { token: l.token });
    expect(summary.body.queue).toMatchObject({ opened: true, arrived: 6, admitted: 4, waiting: 2 });
  });

  it("books exactly N spots for N seats, however many wait", async () => {
    const l = await launch(3, 11);
    const line = new Map<string, Place>();
    for (let i = 0; i < 12; i++) {
      const visitor = l.newVisitor();
      line.set(visitor, await l.wait(l.opensAt - 5_000 + i * 100, visitor));
    }
    let now = l.opensAt;
    let booked = 0;
    const refusals = new Set<string>();
    for (let round = 0; round < 3; round++, now += 3_000) {
      await pollAll(l, now, line);
      for (const [visitor, place] of line) {
        // Everyone tries every spot, turn or not: only a turn's hold goes through, once per spot.
        for (const spotId of l.spotIds) {
          try {
            const hold = await l.holdOn(now, visitor, place.admission?.token, spotId);
            await l.book(now, hold, `V${booked}`);
            booked++;
            break;
          } catch (err) {
            if (!(err instanceof DomainError)) throw err;
            refusals.add(err.code);
          }
        }
      }
    }
    expect(booked).toBe(3);
    expect([...refusals].sort()).toEqual(["not_admitted", "spot_taken"]);
    const live = await env.DB.prepare(
      "SELECT count(*) AS n FROM bookings WHERE session_id = ? AND status NOT IN ('cancelled', 'expired')",
    )
      .bind(l.session.id)
      .first<{ n: number }>();
    expect(live?.n).toBe(3);
  }, 60_000);

  it("says when booking opens, and answers its line through the API", async () => {
    const l = await launch(1);
    const session = await call("GET", `/v1/sessions/${l.slug}`);
    expect(session.body.rules.opensAt).toBe(new Date(l.opensAt).toISOString());
    const place = await call("POST", `/v1/sessions/${l.slug}/queue`, { body: {} });
    expect(place.status).toBe(200);
    expect(place.body.place).toMatchObject({ status: "waiting", position: null, admission: null });
    expect(place.body.place.opensAt).toBe(new Date(l.opensAt).toISOString());
    const again = await call("POST", `/v1/sessions/${l.slug}/queue`, {
      body: { ticket: place.body.place.ticket },
    });
    expect(again.body.place.ticket).toBe(place.body.place.ticket);
    const none = await openMultiSession(1);
    const open = await call("POST", `/v1/sessions/${none.session.slug}/queue`, { body: {} });
    expect([open.status, open.body.code]).toEqual([409, "no_opening_time"]);
  });
});

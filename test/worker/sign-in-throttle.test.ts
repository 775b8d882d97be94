import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { networkOf } from "../../worker/domain/network.ts";
import {
  type Counter,
  minutesUntil,
  perEmail,
  perNetwork,
  type Throttled,
  throttledAfter,
  throttledBefore,
  throttledMessage,
  throttleKeys,
} from "../../worker/domain/sign-in-throttle.ts";
import { sha256 } from "../../worker/domain/tokens.ts";
import { Browser, password, signedInStudio, texts } from "./admin-browser.ts";

/*
 * Sign-in is throttled per (email, client network) and, as a ceiling, per email; a stranger's
 * guesses must never keep the photographer out. Driven through the sign-in page, as a browser
 * behind Cloudflare would (the edge sets cf-connecting-ip), and as pure rules under a model.
 */

const fromConnection = "Too many attempts from this connection; try again in 15 minutes.";
const fromMany = (minutes = 15) =>
  `Too many failed attempts on this email from many connections; from this connection, try again in ${minutes} minutes.`;
const noMatch = "That email and password do not match.";

type Answer = { status: number; message: string | undefined };

/** One sign-in through the page from `address` (none: no cf-connecting-ip header). */
async function signIn(
  email: string,
  typed: string,
  address?: string,
): Promise<Answer & { browser: Browser }> {
  const browser = new Browser();
  const res = await browser.post(
    "/admin/sign-in",
    { email, password: typed },
    address === undefined ? {} : { "cf-connecting-ip": address },
  );
  return { status: res.status, message: (await texts(res.html, ".error-summary p"))[0], browser };
}
const answer = ({ status, message }: Answer): Answer => ({ status, message });

const keysOf = async (email: string, address?: string) =>
  throttleKeys(await sha256(email), networkOf(address));

async function counter(key: string): Promise<{ count: number; reset_at: number } | null> {
  return env.DB.prepare("SELECT count, reset_at FROM rate_limits WHERE key = ?")
    .bind(key)
    .first<{ count: number; reset_at: number }>();
}

/** Every sign-in counter of an email, by what follows its hash ("" for the email's own). */
async function countersOf(email: string): Promise<Record<string, number>> {
  const { email: key } = throttleKeys(await sha256(email), "");
  const { results } = await env.DB.prepare(
    "SELECT key, count FROM rate_limits WHERE key = ? OR (key >= ? AND key < ?)",
  )
    .bind(key, `${key}:`, `${key};`)
    .all<{ key: string; count: number }>();
  return Object.fromEntries(results.map((r) => [r.key.slice(key.length), r.count]));
}

/** Sets the email's failures from all connections, as if a distributed guesser had made them. */
async function presetEmailFailures(email: string, count: number, windowLeftMs = perEmail.windowMs) {
  const { email: key } = await keysOf(email);
  await env.DB.prepare(
    "INSERT INTO rate_limits (key, count, reset_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET count = excluded.count, reset_at = excluded.reset_at",
  )
    .bind(key, count, Date.now() + windowLeftMs)
    .run();
}

const unknownEmail = () => `ghost+${crypto.randomUUID().slice(0, 8)}@example.com`;

describe("sign-in throttle per (email, connection)", () => {
  it("throttles a connection after 5 failures, while the owner from another connection signs in", async () => {
    const { email } = await signedInStudio();
    const attacker = "198.51.100.7";
    const owner = "203.0.113.9";
    const answers: Answer[] = [];
    for (let i = 1; i <= 5; i++) answers.push(answer(await signIn(email, `guess ${i}`, attacker)));
    expect(answers).toEqual([
      ...Array(4).fill({ status: 401, message: noMatch }),
      { status: 429, message: fromConnection },
    ]);
    // The attacker's connection is refused even the right password, without it being checked.
    expect(answer(await signIn(email, password, attacker))).toEqual({ status: 429, message: fromConnection });
    const home = await signIn(email, password, owner);
    expect(home.status).toBe(303);
    expect(home.browser.cookie).toMatch(/^spotbook_admin=sbk_login_/);
    expect((await signIn(email, password, attacker)).status).toBe(429);
    const keys = await keysOf(email, attacker);
    expect((await counter(keys.network))?.count).toBe(7);
    expect((await counter(keys.email))?.count).toBe(5);
  }, 60_000);

  it("counts an IPv6 connection by its /64, and an IPv4-mapped one as its IPv4 address", async () => {
    const { email } = await signedInStudio();
    for (let i = 1; i <= 5; i++) await signIn(email, `guess ${i}`, `2001:db8:1:2::${i}`);
    expect((await signIn(email, password, "2001:db8:1:2:ffff:ffff:ffff:ffff")).status).toBe(429);
    expect((await signIn(email, password, "2001:0DB8:0001:0002:0:0:0:abcd")).status).toBe(429);
    expect((await signIn(email, password, "2001:db8:1:3::1")).status).toBe(303);

    for (let i = 1; i <= 5; i++) await signIn(email, `guess ${i}`, "::ffff:198.51.100.20");
    expect((await signIn(email, password, "198.51.100.20")).status).toBe(429);
    expect((await signIn(email, password, "198.51.100.21")).status).toBe(303);
  }, 60_000);

  it("clears a connection's count when it signs in, and only that connection's", async () => {
    const { email } = await signedInStudio();
    const [home, other] = ["192.0.2.10", "192.0.2.11"];
    for (let i = 1; i <= 4; i++) {
      expect((await signIn(email, `typo ${i}`, home)).status).toBe(401);
      expect((await signIn(email, `guess ${i}`, other)).status).toBe(401);
    }
    expect((await signIn(email, password, home)).status).toBe(303);
    expect(await counter((await keysOf(email, home)).network)).toBeNull();
    for (let i = 1; i <= 4; i++) expect((await signIn(email, `typo ${i}`, home)).status).toBe(401);
    expect(answer(await signIn(email, "guess 5", other))).toEqual({ status: 429, message: fromConnection });
  }, 60_000);

  it("treats attempts without a client address as one connection", async () => {
    const { email } = await signedInStudio();
    for (let i = 1; i <= 5; i++) await signIn(email, `guess ${i}`);
    expect((await signIn(email, password)).status).toBe(429);
    expect((await signIn(email, password, "garbage, not an address")).status).toBe(429);
    expect((await signIn(email, password, "203.0.113.50")).status).toBe(303);
  });

  it("counts every one of 20 parallel attempts, so they cannot get past the limit together", async () => {
    const { email } = await signedInStudio();
    const address = "198.51.100.99";
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(email, `guess ${i}`, address)));
    const statuses = all.map((a) => a.status).sort();
    // Five were checked against the password (the fifth answering the throttle), fifteen were not.
    expect(statuses).toEqual([...Array(4).fill(401), ...Array(16).fill(429)]);
    const keys = await keysOf(email, address);
    expect((await counter(keys.network))?.count).toBe(20);
    expect((await counter(keys.email))?.count).toBe(5);
    // Twenty at once from twenty connections: every failure counts against the email.
    const spread = await Promise.all(
      Array.from({ length: 20 }, (_, i) => signIn(email, `guess ${i}`, `198.51.101.${i + 1}`)),
    );
    expect(spread.map((a) => a.status)).toEqual(Array(20).fill(401));
    expect((await counter(keys.email))?.count).toBe(25);
    expect((await signIn(email, password, "203.0.113.77")).status).toBe(303);
  }, 60_000);

  it("lets a throttled owner back in through set-up with the admin token, from the same connection", async () => {
    const { email, token } = await signedInStudio();
    const address = "2001:db8:42::7";
    for (let i = 1; i <= 5; i++) await signIn(email, `typo ${i}`, address);
    await presetEmailFailures(email, 500);
    expect((await signIn(email, password, address)).status).toBe(429);
    const browser = new Browser();
    await browser.get("/admin/setup");
    const setup = await browser.post(
      "/admin/setup",
      { adminToken: token, email, password: "a fresh passphrase", confirmPassword: "a fresh passphrase" },
      { "cf-connecting-ip": address },
    );
    expect(setup.status).toBe(303);
    // Every count of guesses at the old password is gone, for every connection.
    expect(await countersOf(email)).toEqual({});
    expect((await signIn(email, password, address)).status).toBe(401);
    expect((await signIn(email, "a fresh passphrase", address)).status).toBe(303);
  }, 60_000);

  it("no longer reads or writes the studio's failed_logins and locked_until", async () => {
    const { studio, email } = await signedInStudio();
    await env.DB.prepare("UPDATE studios SET failed_logins = 99, locked_until = ? WHERE id = ?")
      .bind(Date.now() + 3600_000, studio.id)
      .run();
    expect((await signIn(email, "wrong", "192.0.2.200")).status).toBe(401);
    expect((await signIn(email, password, "192.0.2.200")).status).toBe(303);
    const row = await env.DB.prepare("SELECT failed_logins FROM studios WHERE id = ?")
      .bind(studio.id)
      .first<{ failed_logins: number }>();
    expect(row?.failed_logins).toBe(99);
  });
});

describe("sign-in throttle per email, across connections", () => {
  it("stops a guesser spread over many connections at 50 failures, yet the owner gets in from their own", async () => {
    const { email } = await signedInStudio();
    const attackers = Array.from({ length: 30 }, (_, i) => `198.18.${i}.1`);
    const round = async () => {
      const answers: Answer[] = [];
      for (const address of attackers) answers.push(answer(await signIn(email, "guess", address)));
      return answers;
    };
    // Round one: 30 failures. Round two: failures 31 to 50; the 50th reaches the ceiling.
    expect(await round()).toEqual(Array(30).fill({ status: 401, message: noMatch }));
    expect(await round()).toEqual([
      ...Array(19).fill({ status: 401, message: noMatch }),
      { status: 429, message: fromMany() },
      // These ten have failed before: refused without a check.
      ...Array(10).fill({ status: 429, message: fromMany() }),
    ]);
    expect(await round()).toEqual(Array(30).fill({ status: 429, message: fromMany() }));
    const { email: emailKey } = await keysOf(email);
    expect((await counter(emailKey))?.count).toBe(50);

    // A connection that has not failed still gets its attempt: the owner's right password gets in.
    expect((await signIn(email, password, "203.0.113.1")).status).toBe(303);
    expect((await signIn(email, password, "2001:db8:cafe::1")).status).toBe(303);
    // A new attacking connection gets exactly one guess, then waits like the others.
    expect(answer(await signIn(email, "guess", "198.18.200.1"))).toEqual({
      status: 429,
      message: fromMany(),
    });
    expect((await signIn(email, password, "198.18.200.1")).status).toBe(429);
    expect((await counter(emailKey))?.count).toBe(51);
  }, 60_000);

  it("says when a connection may try again: when its own window or the email's ends, whichever is first", async () => {
    const { email } = await signedInStudio();
    await presetEmailFailures(email, perEmail.limit, 4.5 * 60_000);
    expect(answer(await signIn(email, "guess", "198.18.1.1"))).toEqual({ status: 429, message: fromMany(5) });
    expect(answer(await signIn(email, "guess", "198.18.1.1"))).toEqual({ status: 429, message: fromMany(5) });
    await presetEmailFailures(email, perEmail.limit, 20 * 60_000);
    expect(answer(await signIn(email, "guess", "198.18.1.1"))).toEqual({
      status: 429,
      message: fromMany(15),
    });
  });

  it("answers an unknown email exactly as a known one, attempt for attempt, counter for counter (generated)", async () => {
    const { email: known } = await signedInStudio();
    const addresses = ["198.51.100.1", "198.51.100.2", "2001:db8:7::1", "2001:db8:7::2", undefined];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(0, 3, perEmail.limit - 2, perEmail.limit - 1, perEmail.limit, perEmail.limit + 20),
        fc.array(fc.constantFrom(...addresses), { minLength: 1, maxLength: 12 }),
        async (preset, attempts) => {
          const unknown = unknownEmail();
          for (const email of [known, unknown]) {
            const { email: key } = await keysOf(email);
            await env.DB.prepare("DELETE FROM rate_limits WHERE key = ? OR (key >= ? AND key < ?)")
              .bind(key, `${key}:`, `${key};`)
              .run();
            if (preset) await presetEmailFailures(email, preset);
          }
          const answers = async (email: string) => {
            const out: Answer[] = [];
            for (const address of attempts) out.push(answer(await signIn(email, "not it", address)));
            return out;
          };
          expect(await answers(unknown)).toEqual(await answers(known));
          expect(await countersOf(unknown)).toEqual(await countersOf(known));
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);
});

/*
 * The rules alone, under a model of rate_limits (fixed windows, as countUse keeps them) and of the
 * sign-in action's order: count the attempt, refuse if throttled, check, count a failure or clear.
 */
describe("the throttle's rules (model-based, generated)", () => {
  type Outcome = "in" | "wrong" | Throttled;
  class Model {
    counters = new Map<string, Counter>();
    /** Password checks per network since its window began. */
    checks = new Map<number, number>();
    count(key: string, windowMs: number, now: number): Counter {
      const old = this.counters.get(key);
      const next =
        old && old.resetAt > now ? { ...old, count: old.count + 1 } : { count: 1, resetAt: now + windowMs };
      this.counters.set(key, next);
      return next;
    }
    live(key: string, now: number): Counter | undefined {
      const c = this.counters.get(key);
      return c && c.resetAt > now ? c : undefined;
    }
    attempt(network: number, right: boolean, now: number): Outcome {
      const fresh = !this.live(`n${network}`, now);
      const counted = this.count(`n${network}`, perNetwork.windowMs, now);
      if (fresh) this.checks.set(network, 0);
      const before = throttledBefore(counted, this.live("email", now), now);
      if (before) return before;
      this.checks.set(network, (this.checks.get(network) ?? 0) + 1);
      if (right) {
        this.counters.delete(`n${network}`);
        return "in";
      }
      const after = throttledAfter(counted, this.count("email", perEmail.windowMs, now), now);
      return after ?? "wrong";
    }
  }

  const event = (networks: number) =>
    fc.record({
      network: fc.nat({ max: networks - 1 }),
      // Mostly wrong passwords: the owner's right one now and then.
      right: fc.nat({ max: 9 }).map((n) => n === 0),
      // Mostly bursts, now and then a long pause (so windows end, too).
      waitMs: fc.oneof(
        { arbitrary: fc.constant(0), weight: 10 },
        { arbitrary: fc.integer({ min: 0, max: 5_000 }), weight: 5 },
        { arbitrary: fc.integer({ min: 0, max: 20 * 60_000 }), weight: 1 },
      ),
    });
  const scenario = fc
    .constantFrom(1, 3, 12, 80)
    .chain((networks) => fc.array(event(networks), { minLength: 1, maxLength: 400, size: "max" }));

  /** Runs the scenario, calling `each` around every attempt. */
  function run(
    events: { network: number; right: boolean; waitMs: number }[],
    each: (model: Model, e: { network: number; right: boolean }, now: number) => void,
  ) {
    const model = new Model();
    let now = 1_000_000;
    for (const e of events) {
      now += e.waitMs;
      each(model, e, now);
    }
    return { model, now };
  }

  it("never refuses the right password from a connection with no attempts in its window", () => {
    fc.assert(
      fc.property(scenario, fc.nat({ max: 10_000 }), (events, ownerNetwork) => {
        const { model, now } = run(events, (m, e, t) => m.attempt(e.network, e.right, t));
        // The owner arrives from a network of their own, whatever came before.
        expect(model.attempt(1_000 + ownerNetwork, true, now)).toBe("in");
      }),
      { numRuns: 200 },
    );
  }, 30_000);

  it("checks at most 5 passwords per connection window, and none more from a connection that tried once the email is at its ceiling", () => {
    let refusedAtCeiling = 0;
    fc.assert(
      fc.property(scenario, (events) => {
        run(events, (model, e, now) => {
          const atCeiling = (model.live("email", now)?.count ?? 0) >= perEmail.limit;
          const triedBefore = model.live(`n${e.network}`, now) !== undefined;
          const checksBefore = model.checks.get(e.network) ?? 0;
          const outcome = model.attempt(e.network, e.right, now);
          expect(model.checks.get(e.network) ?? 0).toBeLessThanOrEqual(perNetwork.limit);
          if (atCeiling && triedBefore) {
            refusedAtCeiling++;
            expect(typeof outcome).toBe("object");
            expect(model.checks.get(e.network) ?? 0).toBe(checksBefore);
          }
          if (typeof outcome === "object") {
            const minutes = minutesUntil(outcome.until, now);
            expect(outcome.until).toBeGreaterThan(now);
            expect(minutes).toBeGreaterThanOrEqual(1);
            expect(minutes).toBeLessThanOrEqual(outcome.reason === "network" ? 15 : 60);
            expect(throttledMessage(outcome, now)).toMatch(/^Too many .* try again in \d+ minutes?\.$/);
          }
        });
      }),
      { numRuns: 200 },
    );
    // The scenarios do reach the ceiling.
    expect(refusedAtCeiling).toBeGreaterThan(100);
  }, 30_000);

  it("answers the throttle when, and only when, the connection's next attempt would be refused unchecked", () => {
    fc.assert(
      fc.property(scenario, (events) => {
        run(events, (model, e, now) => {
          const outcome = model.attempt(e.network, false, now);
          expect(outcome).not.toBe("in");
          // The next attempt at the same instant, on a copy of the counters.
          const peek = new Model();
          peek.counters = new Map(model.counters);
          peek.attempt(e.network, false, now);
          const nextChecked = peek.checks.get(e.network) === 1;
          expect(nextChecked).toBe(outcome === "wrong");
        });
      }),
      { numRuns: 100 },
    );
  }, 30_000);
});

import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { liveStatuses } from "../../db/schema.ts";
import { app } from "../../worker/index.ts";
import { call, hold, newClient, openMultiSession, visitorHeaders } from "./support.ts";

/*
 * D1 failing under a write, and other visitors getting in between the app's read and its write.
 * The app runs over a D1 binding with a fault in it; the rows must then be exactly as before (a
 * batch is all or nothing), and the database, not the app's reading, decides who gets a spot.
 */

type Fault = {
  /** A statement whose SQL matches is swapped for one D1 refuses when it reaches it mid-batch. */
  refuse?: RegExp;
  /** Runs just before any batch that writes: throw to fail it, or let a competitor in first. */
  beforeWrite?: () => Promise<void>;
};

const unreachable: Fault = {
  beforeWrite: async () => {
    throw new Error("D1_ERROR: Network connection lost.");
  },
};

/** A NOT NULL violation: D1 fails at this statement, after running the ones before it. */
const refusedSql = "INSERT INTO rate_limits (key, count, reset_at) VALUES (NULL, 0, 0)";

function faulty(fault: Fault): D1Database {
  const sqlOf = new WeakMap<object, string>();
  const passThrough = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop);
    return typeof value === "function" ? value.bind(target) : value;
  };
  const prepare = (db: D1Database, sql: string) =>
    new Proxy(db.prepare(sql), {
      get: (stmt, prop) =>
        prop !== "bind"
          ? passThrough(stmt, prop)
          : (...params: unknown[]) => {
              const bound = fault.refuse?.test(sql) ? db.prepare(refusedSql) : stmt.bind(...params);
              sqlOf.set(bound, sql);
              return bound;
            },
    });
  const batch = async (db: D1Database, statements: D1PreparedStatement[]) => {
    if (statements.some((s) => /^(insert|update|delete)/i.test(sqlOf.get(s) ?? "")))
      await fault.beforeWrite?.();
    return db.batch(statements);
  };
  return new Proxy(env.DB, {
    get: (db, prop) =>
      prop === "prepare"
        ? (sql: string) => prepare(db, sql)
        : prop === "batch"
          ? (statements: D1PreparedStatement[]) => batch(db, statements)
          : passThrough(db, prop),
  });
}

/**
 * The app over a faulty D1, called as support.ts `call` calls the real one. The app logs each
 * unexpected error (never echoing it): counted here, and kept off the test output.
 */
async function callWith(
  fault: Fault,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json", ...visitorHeaders() };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const init = { method, headers, body: JSON.stringify(opts.body ?? {}) };
    const res = await app.request(path, init, { ...env, DB: faulty(fault) });
    return {
      status: res.status,
      body: await res.json<Record<string, unknown>>(),
      logged: logged.mock.calls.length,
    };
  } finally {
    logged.mockRestore();
  }
}

/** Every row a hold, a booking or a reservation may write. */
async function writableRows() {
  const tables = ["bookings", "clients", "client_links", "emails", "payments", "rate_limits"];
  const results = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT * FROM ${t} ORDER BY 1`)));
  return Object.fromEntries(tables.map((t, i) => [t, results[i]?.results]));
}

const expectInternalError = (res: Awaited<ReturnType<typeof callWith>>) => {
  expect(res.status).toBe(500);
  expect(res.logged).toBe(1);
  expect(res.body).toMatchObject({ status: 500, code: "internal_error" });
  expect(JSON.stringify(res.body)).not.toMatch(/D1_ERROR|NOT NULL|rate_limits|SQL/i);
};

/** Another visitor's hold on a spot, written straight to the database. */
const takeSpot = (spot: { studioId: string; sessionId: string; spotId: string }) =>
  env.DB.prepare(
    "INSERT INTO bookings (id, studio_id, session_id, spot_id, status, currency, expires_at, created_at) VALUES (?, ?, ?, ?, 'held', 'USD', ?, ?)",
  )
    .bind(crypto.randomUUID(), spot.studioId, spot.sessionId, spot.spotId, Date.now() + 600_000, Date.now())
    .run();

const liveBookingsOf = async (spotId: string) =>
  (
    await env.DB.prepare(
      `SELECT id FROM bookings WHERE spot_id = ? AND status IN (${liveStatuses.map(() => "?").join(", ")})`,
    )
      .bind(spotId, ...liveStatuses)
      .all<{ id: string }>()
  ).results.map((r) => r.id);

const available = async (slug: string) =>
  (await call("GET", `/v1/sessions/${slug}`)).body.spots.map((s: { available: boolean }) => s.available);

describe("a D1 failure while a visitor books a held spot", () => {
  it.each<[string, Fault]>([
    ["D1 is unreachable", unreachable],
    ["D1 refuses the new client", { refuse: /^insert into "clients"/ }],
    ["D1 refuses the booking's update", { refuse: /^update "bookings"/ }],
    ["D1 refuses the client's link", { refuse: /^insert into "client_links"/ }],
    ["D1 refuses the receipt", { refuse: /^insert into "emails"/ }],
  ])("leaves no half-written booking and keeps the hold when %s", async (_, fault) => {
    const { session, spotIds } = await openMultiSession(1);
    const held = await hold(session.slug, spotIds[0] as string);
    const booking = {
      token: held.body.hold.token,
      body: { client: { name: "Mary Shelley", email: `${crypto.randomUUID()}@example.com` } },
    };
    const before = await writableRows();
    expectInternalError(await callWith(fault, "POST", `/v1/holds/${held.body.hold.id}/booking`, booking));
    expect(await writableRows()).toEqual(before);
    expect(await available(session.slug)).toEqual([false]);
    const retried = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, booking);
    expect(retried.status).toBe(201);
  });
});

describe("a D1 failure while a visitor places a hold", () => {
  it.each<[string, Fault]>([
    ["D1 is unreachable", unreachable],
    ["D1 refuses the visitor's rate count", { refuse: /^insert into "rate_limits"/ }],
    ["D1 refuses the hold", { refuse: /^insert into "bookings"/ }],
  ])("leaves no orphaned hold when %s", async (_, fault) => {
    const { session, spotIds } = await openMultiSession(1);
    const before = await writableRows();
    const path = `/v1/sessions/${session.slug}/holds`;
    expectInternalError(await callWith(fault, "POST", path, { body: { spotId: spotIds[0] } }));
    expect(await writableRows()).toEqual(before);
    expect(await available(session.slug)).toEqual([true]);
    expect((await hold(session.slug, spotIds[0] as string)).status).toBe(201);
  });
});

describe("a D1 failure while the photographer reserves a spot", () => {
  it("leaves the spot free, with no link or email for the client", async () => {
    const { session, spotIds, token } = await openMultiSession(1);
    const client = await newClient(token);
    const before = await writableRows();
    const path = `/v1/admin/spots/${spotIds[0]}/reservation`;
    const res = await callWith({ refuse: /^insert into "emails"/ }, "POST", path, {
      token,
      body: { clientId: client.id },
    });
    expectInternalError(res);
    expect(await writableRows()).toEqual(before);
    expect(await available(session.slug)).toEqual([true]);
  });
});

describe("the database settles a race the app's own read cannot see", () => {
  it("refuses a hold on a spot the visitor saw free when another visitor took it meanwhile", async () => {
    const { studio, session, spotIds } = await openMultiSession(1);
    const spotId = spotIds[0] as string;
    expect(await available(session.slug)).toEqual([true]);
    const competitor = { studioId: studio.id, sessionId: session.id, spotId };
    const res = await callWith(
      { beforeWrite: () => takeSpot(competitor).then(() => undefined) },
      "POST",
      `/v1/sessions/${session.slug}/holds`,
      {
        body: { spotId },
      },
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("spot_taken");
    expect(await liveBookingsOf(spotId)).toHaveLength(1);
  });

  it("refuses the photographer's reservation when a visitor held the spot meanwhile, writing no link or email", async () => {
    const { studio, session, spotIds, token } = await openMultiSession(1);
    const spotId = spotIds[0] as string;
    const client = await newClient(token);
    const competitor = { studioId: studio.id, sessionId: session.id, spotId };
    const before = await writableRows();
    const res = await callWith(
      { beforeWrite: () => takeSpot(competitor).then(() => undefined) },
      "POST",
      `/v1/admin/spots/${spotId}/reservation`,
      {
        token,
        body: { clientId: client.id },
      },
    );
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("spot_taken");
    const after = await writableRows();
    expect([after.client_links, after.emails]).toEqual([before.client_links, before.emails]);
    expect(await liveBookingsOf(spotId)).toHaveLength(1);
  });

  it("answers hold_expired when the hold ran out and the spot went to someone else before the booking's write", async () => {
    const { studio, session, spotIds } = await openMultiSession(1);
    const spotId = spotIds[0] as string;
    const held = await hold(session.slug, spotId);
    const lapseAndTake = async () => {
      await env.DB.prepare("UPDATE bookings SET status = 'expired' WHERE id = ?")
        .bind(held.body.hold.id)
        .run();
      await takeSpot({ studioId: studio.id, sessionId: session.id, spotId });
    };
    const before = await writableRows();
    const res = await callWith(
      { beforeWrite: lapseAndTake },
      "POST",
      `/v1/holds/${held.body.hold.id}/booking`,
      {
        token: held.body.hold.token,
        body: { client: { name: "Too Late", email: "late@example.com" } },
      },
    );
    expect(res.status).toBe(410);
    expect(res.body.code).toBe("hold_expired");
    const after = await writableRows();
    expect([after.client_links, after.emails]).toEqual([before.client_links, before.emails]);
    const live = await liveBookingsOf(spotId);
    expect(live).toHaveLength(1);
    expect(live).not.toContain(held.body.hold.id);
  });
});

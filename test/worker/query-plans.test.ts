import { env } from "cloudflare:workers";
import { drizzle } from "drizzle-orm/d1";
import { describe, expect, it } from "vitest";
import * as schema from "../../db/schema.ts";
import { contextFor } from "../../worker/actions/context.ts";
import { expireLapsed } from "../../worker/actions/holds.ts";
import { app } from "../../worker/index.ts";
import { launchFacts } from "../../worker/queries/launch.ts";
import { reminderCandidates } from "../../worker/queries/reminders.ts";
import { getPublicSession, getSessionDetails, listSessions } from "../../worker/queries/sessions.ts";
import { giveUpStaleEmails, takeDueEmails } from "../../worker/services/outbox.ts";
import { hold, newClient, openMultiSession } from "./support.ts";

/*
 * The hot paths' statements, exactly as the code builds them, must find their rows through an
 * index: a full scan of spots, bookings or emails grows with every studio on the deployment.
 * Each test runs a path over a D1 binding that notes every statement it runs, then asks SQLite
 * for each statement's plan.
 */

type Statement = { sql: string; params: unknown[] };

/** A D1 binding that runs everything as the real one does, noting each statement as it is bound. */
function recording(): { binding: D1Database; statements: Statement[] } {
  const statements: Statement[] = [];
  const passThrough = <T extends object>(target: T, prop: string | symbol) => {
    const value = Reflect.get(target, prop);
    return typeof value === "function" ? value.bind(target) : value;
  };
  const binding = new Proxy(env.DB, {
    get: (db, prop) =>
      prop !== "prepare"
        ? passThrough(db, prop)
        : (sql: string) =>
            new Proxy(db.prepare(sql), {
              get: (stmt, p) =>
                p !== "bind"
                  ? passThrough(stmt, p)
                  : (...params: unknown[]) => {
                      statements.push({ sql, params });
                      return stmt.bind(...params);
                    },
            }),
  });
  return { binding, statements };
}

const recordingDb = () => {
  const { binding, statements } = recording();
  return { db: drizzle(binding, { schema }), binding, statements };
};

const fullScan = /^SCAN (spots|bookings|emails)\b(?! USING (COVERING )?INDEX)/;

/** The plan lines that read all of spots, bookings or emails, each with the statement it is in. */
async function fullScans(statements: Statement[]): Promise<string[]> {
  const found: string[] = [];
  for (const { sql, params } of statements) {
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
      .bind(...params)
      .all<{ detail: string }>();
    for (const { detail } of plan.results) if (fullScan.test(detail)) found.push(`${detail} in: ${sql}`);
  }
  return found;
}

const touches = (statements: Statement[], pattern: RegExp) => statements.some((s) => pattern.test(s.sql));

/** Calls the app with the recording binding in place of the real one. */
const callRecorded = (binding: D1Database, method: string, path: string, body: unknown, token?: string) =>
  app.request(
    path,
    {
      method,
      headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    },
    { ...env, DB: binding },
  );

describe("hot queries find spots, bookings and emails through an index", () => {
  it("reads a session for the widget", async () => {
    const { session } = await openMultiSession(3);
    const { db, statements } = recordingDb();
    expect(await getPublicSession(db, session.slug, Date.now())).not.toBeNull();
    // One batch: the session, its type, studio, packages, spots, bookings and the contract in force.
    expect(statements).toHaveLength(7);
    expect(await fullScans(statements)).toEqual([]);
  });

  it("reads a launch's facts for its line (two statements, every few seconds at most)", async () => {
    const { session } = await openMultiSession(3);
    await hold(session.slug, session.spots[0].id);
    const { db, statements } = recordingDb();
    expect(await launchFacts(db, session.slug, Date.now())).toMatchObject({ freeSeats: 2, opensAt: null });
    expect(statements).toHaveLength(2);
    expect(await fullScans(statements)).toEqual([]);
  });

  it("places a hold", async () => {
    const { session, spotIds } = await openMultiSession(1);
    const { binding, statements } = recordingDb();
    const held = await callRecorded(binding, "POST", `/v1/sessions/${session.slug}/holds`, {
      spotId: spotIds[0],
    });
    expect(held.status).toBe(201);
    expect(touches(statements, /^insert into "bookings"/)).toBe(true);
    expect(await fullScans(statements)).toEqual([]);
  });

  it("confirms a held spot with its client, link and receipt", async () => {
    const { session, spotIds } = await openMultiSession(2);
    const held = await hold(session.slug, spotIds[0] as string);
    const { binding, statements } = recordingDb();
    const booked = await callRecorded(
      binding,
      "POST",
      `/v1/holds/${held.body.hold.id}/booking`,
      { client: { name: "Mary Shelley", email: "mary@example.com" } },
      held.body.hold.token,
    );
    expect(booked.status).toBe(201);
    expect(touches(statements, /^update "bookings"/)).toBe(true);
    expect(await fullScans(statements)).toEqual([]);
  });

  it("reserves a spot for a client, and the client confirms it from the link", async () => {
    const { token, spotIds } = await openMultiSession(2);
    const client = await newClient(token);
    const { binding, statements } = recordingDb();
    const reserved = await callRecorded(
      binding,
      "POST",
      `/v1/admin/spots/${spotIds[1]}/reservation`,
      { clientId: client.id },
      token,
    );
    const link = new URL((await reserved.json<{ confirmationUrl: string }>()).confirmationUrl);
    const confirmed = await callRecorded(
      binding,
      "POST",
      `/v1/bookings/${link.searchParams.get("spotbook")}/confirm`,
      {},
    );
    expect([reserved.status, confirmed.status]).toEqual([201, 200]);
    expect(touches(statements, /^update "bookings"/)).toBe(true);
    expect(await fullScans(statements)).toEqual([]);
  });

  it("shows a session's details to the photographer", async () => {
    const { studio, session } = await openMultiSession(3);
    const { db, statements } = recordingDb();
    expect(await getSessionDetails(db, studio.id, session.id, Date.now())).not.toBeNull();
    expect(await fullScans(statements)).toEqual([]);
  });

  it("lists a studio's sessions with their spots taken", async () => {
    const { studio } = await openMultiSession(3);
    const { db, statements } = recordingDb();
    expect(await listSessions(db, studio.id, Date.now())).toHaveLength(1);
    expect(await fullScans(statements)).toEqual([]);
  });

  it("sweeps lapsed holds and pending payments (bookings by status and expires_at)", async () => {
    const { db, statements } = recordingDb();
    await expireLapsed({ ...contextFor(env, Date.now(), ""), db });
    expect(touches(statements, /^update "bookings"/)).toBe(true);
    expect(await fullScans(statements)).toEqual([]);
  });

  it("finds the reminders due", async () => {
    const { db, statements } = recordingDb();
    await reminderCandidates(db, Date.now(), 50);
    expect(await fullScans(statements)).toEqual([]);
  });

  it("takes the mail due from the outbox (emails by status and send_after)", async () => {
    const { db, statements } = recordingDb();
    const now = Date.now();
    await giveUpStaleEmails(db, now - 86_400_000, "too late");
    await takeDueEmails(db, now, now + 60_000, 25);
    expect(statements).toHaveLength(2);
    expect(await fullScans(statements)).toEqual([]);
  });
});

import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import { inDays, nextMonthDay } from "../dates.ts";

/** Talks to the Worker the way an integrator does: JSON over fetch, through every middleware. */
export async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers as loosely as an integrator's JSON client.
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await exports.default.fetch(`https://spotbook.test${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON (an iCalendar file, a page): the text is the body.
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

export const operatorToken = () => env.OPERATOR_TOKEN;

export async function newStudio(overrides: Record<string, unknown> = {}) {
  const res = await call("POST", "/v1/studios", {
    token: operatorToken(),
    body: {
      name: "Juniper & Pine",
      timeZone: "America/New_York",
      currency: "USD",
      allowedOrigins: ["https://juniper.example"],
      ...overrides,
    },
  });
  expect(res.status).toBe(201);
  return { studio: res.body.studio, token: res.body.adminToken as string };
}

export async function newSessionType(token: string, overrides: Record<string, unknown> = {}) {
  const res = await call("POST", "/v1/admin/session-types", {
    token,
    body: {
      name: "Fall Mini",
      classification: "multi",
      durationMinutes: 20,
      breakMinutes: 10,
      packages: [{ name: "Mini", priceCents: 15000, depositCents: 5000 }],
      ...overrides,
    },
  });
  expect(res.status).toBe(201);
  return res.body.sessionType;
}

export async function newClient(token: string, overrides: Record<string, unknown> = {}) {
  const res = await call("POST", "/v1/admin/clients", {
    token,
    body: { name: "Ada Lovelace", email: `ada+${crypto.randomUUID().slice(0, 8)}@example.com`, ...overrides },
  });
  expect(res.status).toBe(201);
  return res.body.client;
}

export async function newSession(token: string, body: Record<string, unknown>) {
  const res = await call("POST", "/v1/admin/sessions", { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.session;
}

export async function rowCount(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>();
  return row?.n ?? 0;
}

/** A studio with a Multi session of `spots` spots starting tomorrow, ready for visitors. */
export async function openMultiSession(
  spots = 3,
  typeOverrides: Record<string, unknown> = {},
  studioOverrides: Record<string, unknown> = {},
  sessionOverrides: Record<string, unknown> = {},
) {
  const { studio, token } = await newStudio(studioOverrides);
  const type = await newSessionType(token, typeOverrides);
  const tomorrow = inDays(1);
  const session = await newSession(token, {
    classification: "multi",
    name: "Fall Minis",
    sessionTypeId: type.id,
    date: tomorrow,
    time: "10:00",
    spots,
    ...sessionOverrides,
  });
  return {
    studio,
    token,
    type,
    session,
    spotIds: session.spots.map((s: { id: string }) => s.id) as string[],
  };
}

/** A Single of a type made with `typeOverrides`, its client sent the confirmation link, and what the link shows. */
export async function invitedSingle(typeOverrides: Record<string, unknown>) {
  const { token } = await newStudio();
  const type = await newSessionType(token, { classification: "single", ...typeOverrides });
  const client = await newClient(token);
  const session = await newSession(token, {
    classification: "single",
    name: "Portrait",
    sessionTypeId: type.id,
    clientId: client.id,
    date: nextMonthDay("06-12"),
    time: "14:00",
  });
  const sent = await call("POST", `/v1/admin/sessions/${session.id}/confirmation-request`, { token });
  const link = new URL(sent.body.confirmationUrl).searchParams.get("spotbook") as string;
  return { token, client, session, link, page: await call("GET", `/v1/bookings/${link}`) };
}

let visitor = 0;
/** Each visitor comes from their own address, so the per-visitor hold limit is per test. */
export const visitorHeaders = () => ({ "cf-connecting-ip": `203.0.113.${++visitor % 250}` });

export async function hold(slug: string, spotId: string, headers: Record<string, string> = visitorHeaders()) {
  return call("POST", `/v1/sessions/${slug}/holds`, { body: { spotId }, headers });
}

/** A full one-spot session with someone in line, and a spot offered to the first of two. */
async function waitlistWithOffer(token: string) {
  const type = await newSessionType(token);
  const session = await newSession(token, {
    classification: "multi",
    name: "Full Minis",
    sessionTypeId: type.id,
    date: nextMonthDay("05-02"),
    time: "10:00",
    spots: 1,
  });
  const held = await hold(session.slug, session.spots[0].id);
  const join = (email: string) =>
    call("POST", `/v1/sessions/${session.slug}/waitlist`, { body: { client: { name: "Wren", email } } });
  await join("first@example.com");
  const second = await join("second@example.com");
  await call("DELETE", `/v1/holds/${held.body.hold.id}`, { token: held.body.hold.token });
  const mail = await env.DB.prepare(
    "SELECT text FROM emails WHERE kind = 'waitlist_offer' AND recipient = 'first@example.com'",
  ).first<{ text: string }>();
  const offerToken = /spotbook-offer=([\w-]+)/.exec(mail?.text ?? "")?.[1] as string;
  return { entryToken: second.body.entry.token as string, offerToken };
}

/**
 * A studio's rows of every kind a route can name, for suites that call every route: a session
 * type, a client, a Multi session of three spots (the first held by a visitor, the second
 * reserved for the client, the third free), the client's confirmation link, and a full session's
 * waitlist with a spot offered from it.
 */
export async function studioWithOneOfEverything(token: string) {
  const type = await newSessionType(token);
  const client = await newClient(token);
  const session = await newSession(token, {
    classification: "multi",
    name: "Minis",
    sessionTypeId: type.id,
    date: nextMonthDay("05-01"),
    time: "10:00",
    spots: 3,
  });
  const held = await hold(session.slug, session.spots[0].id);
  const reserved = await call("POST", `/v1/admin/spots/${session.spots[1].id}/reservation`, {
    token,
    body: { clientId: client.id },
  });
  const link = new URL(reserved.body.confirmationUrl).searchParams.get("spotbook") as string;
  const waitlist = await waitlistWithOffer(token);
  const coupon = await call("POST", "/v1/admin/coupons", {
    token,
    body: { code: "SPRING10", kind: "percent", value: 10 },
  });
  return {
    type,
    client,
    session,
    hold: held.body.hold,
    reservation: reserved.body.booking,
    link,
    waitlist,
    coupon: coupon.body.coupon as { id: string },
  };
}

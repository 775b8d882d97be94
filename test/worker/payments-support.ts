import { env } from "cloudflare:workers";
import Stripe from "stripe";
import { vi } from "vitest";
import { app } from "../../worker/index.ts";
import { call, hold, visitorHeaders } from "./support.ts";

/**
 * Stripe in tests: the real SDK end to end, with its outbound HTTP answered by a small fake of
 * the Checkout API (the Worker builds its Stripe client per request, on the fetch of the moment).
 * The Worker runs with Stripe's bindings through `app.request`, whose third argument is the env:
 * the configured bindings stay Stripe-less, as a newcomer's are.
 */

export const stripeEnv = {
  ...env,
  STRIPE_SECRET_KEY: "sk_test_spotbook",
  STRIPE_WEBHOOK_SECRET: "whsec_spotbook_test",
};

// biome-ignore lint/suspicious/noExplicitAny: tests read answers as loosely as an integrator's JSON client.
type Answer = { status: number; body: any };

/** Calls the Worker with Stripe configured. */
export async function callWithStripe(
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await app.request(
    `https://spotbook.test${path}`,
    { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) },
    stripeEnv,
  );
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

export type FakeSession = {
  id: string;
  object: "checkout.session";
  url: string;
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid";
  amount_total: number;
  currency: string;
  expires_at: number;
  client_reference_id: string | null;
  metadata: Record<string, string>;
};

export type StripeRequest = { method: string; path: string; params: URLSearchParams; headers: Headers };

export type SentLine = {
  name: string;
  description: string | null;
  quantity: number;
  unitAmount: number;
  currency: string;
};

/** The line items a Checkout creation sent, as Stripe reads its form fields (`line_items[i][…]`). */
export function lineItems(params: URLSearchParams): SentLine[] {
  const lines: SentLine[] = [];
  for (let i = 0; params.has(`line_items[${i}][quantity]`); i++) {
    const field = (name: string) => params.get(`line_items[${i}]${name}`);
    lines.push({
      name: field("[price_data][product_data][name]") ?? "",
      description: field("[price_data][product_data][description]"),
      quantity: Number(field("[quantity]")),
      unitAmount: Number(field("[price_data][unit_amount]")),
      currency: field("[price_data][currency]") ?? "",
    });
  }
  return lines;
}

/** Answers the Checkout API as Stripe does, idempotency keys included; anything else fails the test. */
export function fakeStripe(options: { failWith?: number } = {}) {
  const sessions = new Map<string, FakeSession>();
  const byKey = new Map<string, FakeSession>();
  const requests: StripeRequest[] = [];
  const answer = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json", "request-id": `req_${requests.length}` },
    });
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== "api.stripe.com") throw new Error(`unexpected fetch to ${url}`);
    const request = {
      method: init?.method ?? "GET",
      path: url.pathname,
      params: new URLSearchParams(String(init?.body ?? "")),
      headers: new Headers(init?.headers),
    };
    requests.push(request);
    if (options.failWith) {
      return answer(options.failWith, {
        error: { type: "api_error", message: "Stripe is having a bad day" },
      });
    }
    const [, , , , id, action] = url.pathname.split("/");
    if (request.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const key = request.headers.get("idempotency-key") ?? crypto.randomUUID();
      const known = byKey.get(key);
      if (known) return answer(200, known);
      const p = request.params;
      const n = sessions.size + 1;
      const metadata: Record<string, string> = {};
      for (const [k, v] of p) {
        const m = /^metadata\[(\w+)\]$/.exec(k);
        if (m?.[1]) metadata[m[1]] = v;
      }
      const session: FakeSession = {
        id: `cs_test_${n}_${crypto.randomUUID().slice(0, 8)}`,
        object: "checkout.session",
        url: `https://checkout.stripe.com/c/pay/cs_test_${n}`,
        status: "open",
        payment_status: "unpaid",
        // What Stripe charges: every line's quantity times its unit amount.
        amount_total: lineItems(p).reduce((sum, l) => sum + l.quantity * l.unitAmount, 0),
        currency: p.get("line_items[0][price_data][currency]") ?? "usd",
        expires_at: Number(p.get("expires_at")),
        client_reference_id: p.get("client_reference_id"),
        metadata,
      };
      sessions.set(session.id, session);
      byKey.set(key, session);
      return answer(200, session);
    }
    const session = id ? sessions.get(id) : undefined;
    if (!session)
      return answer(404, { error: { type: "invalid_request_error", message: "No such session" } });
    if (request.method === "POST" && action === "expire") session.status = "expired";
    return answer(200, session);
  });
  const creations = () => requests.filter((r) => r.method === "POST" && r.path === "/v1/checkout/sessions");
  return {
    sessions,
    requests,
    creations,
    /** The Checkout the n-th creation made. */
    created: (n = 0): FakeSession => {
      const session = [...sessions.values()][n];
      if (!session) throw new Error(`no Checkout number ${n}`);
      return session;
    },
    /** The client pays on Stripe's page. */
    pay: (session: FakeSession): FakeSession =>
      Object.assign(session, { status: "complete", payment_status: "paid" }),
    restore: () => spy.mockRestore(),
  };
}

let events = 0;

export const checkoutEvent = (type: string, session: object, id = `evt_test_${++events}_${Date.now()}`) => ({
  id,
  object: "event",
  type,
  api_version: Stripe.API_VERSION,
  created: Math.floor(Date.now() / 1000),
  livemode: false,
  pending_webhooks: 1,
  request: { id: null, idempotency_key: null },
  data: { object: { ...session } },
});

/** The Stripe-Signature header for a payload, made by the SDK's own test helper (`at`: its `t=`, in ms). */
export const signatureFor = (payload: string, secret = stripeEnv.STRIPE_WEBHOOK_SECRET, at?: number) =>
  // The sync generateTestHeaderString needs Node's crypto; in workerd the SDK signs with Web Crypto.
  Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret,
    cryptoProvider: Stripe.createSubtleCryptoProvider(),
    ...(at !== undefined && { timestamp: Math.floor(at / 1000) }),
  });

export const postWebhook = (payload: string, signature?: string, bindings: Cloudflare.Env = stripeEnv) =>
  app.request(
    "https://spotbook.test/v1/stripe/webhook",
    {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature && { "stripe-signature": signature }) },
      body: payload,
    },
    bindings,
  );

/** Delivers an event as Stripe does, signed with the webhook secret. */
export async function deliver(event: object, bindings: Cloudflare.Env = stripeEnv): Promise<Answer> {
  const payload = JSON.stringify(event);
  const res = await postWebhook(payload, await signatureFor(payload), bindings);
  return { status: res.status, body: await res.json() };
}

/** A visitor books a held spot with no Stripe configured: confirmed, the whole price due. */
export async function bookHeld(slug: string, spotId: string, email = "ann@example.com") {
  const held = await hold(slug, spotId);
  const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
    token: held.body.hold.token,
    body: { client: { name: "Ann", email } },
  });
  return { bookingId: held.body.hold.id as string, token: booked.body.booking.token as string };
}

/** A visitor holds a spot and books it with Stripe on: a pending payment and its Checkout. */
export async function bookWithCheckout(slug: string, spotId: string, email = "mary@example.com") {
  const held = await hold(slug, spotId, visitorHeaders());
  const booked = await callWithStripe("POST", `/v1/holds/${held.body.hold.id}/booking`, {
    token: held.body.hold.token,
    body: { client: { name: "Mary Shelley", email } },
  });
  return { held, booked, token: booked.body.booking?.token as string };
}

/** The rows of a table for one booking, read straight from D1. */
export async function rowsOf<T = Record<string, unknown>>(table: "payments" | "emails", bookingId: string) {
  const { results } = await env.DB.prepare(`SELECT * FROM ${table} WHERE booking_id = ? ORDER BY created_at`)
    .bind(bookingId)
    .all<T>();
  return results;
}

export const bookingRow = (id: string) =>
  env.DB.prepare("SELECT * FROM bookings WHERE id = ?").bind(id).first<Record<string, unknown>>();

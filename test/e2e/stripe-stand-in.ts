import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

/**
 * Stripe on a machine without network: a local stand-in for the part of Stripe's API that the
 * Worker's real SDK calls (STRIPE_API_BASE points it here), for Stripe's hosted Checkout page,
 * and for the webhook Stripe sends once the client pays, signed with the real SDK.
 */

/** A form field as Stripe reads it: `line_items[0][price_data][currency]=usd` nests. */
type Field = string | { [key: string]: Field } | Field[];
type Fields = { [key: string]: Field };

/** The Checkout Session's fields the stand-in answers, typed as the SDK types them. */
type CheckoutSession = Pick<
  Stripe.Checkout.Session,
  | "id"
  | "object"
  | "created"
  | "livemode"
  | "mode"
  | "status"
  | "payment_status"
  | "payment_intent"
  | "amount_subtotal"
  | "amount_total"
  | "currency"
  | "customer_email"
  | "client_reference_id"
  | "metadata"
  | "success_url"
  | "cancel_url"
  | "url"
  | "expires_at"
>;

/** One webhook call, as sent: the exact bytes and signature, and the Worker's answer (0: unreachable). */
export type Delivery = { eventId: string; type: string; payload: string; signature: string; status: number };

/** What the stand-in was asked and did, read by the tests at GET /_stand-in. */
export type StandInRecord = {
  /** Each Checkout created, with the form the SDK sent for it. */
  checkouts: { request: Fields; session: CheckoutSession }[];
  deliveries: Delivery[];
};

type StripeStandIn = { origin: string; close: () => Promise<void> };

function parseForm(body: string): Fields {
  const form: Fields = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const names = key.split(/[[\]]+/).filter(Boolean);
    let node = form as Record<string, Field>;
    names.forEach((name, i) => {
      const next = names[i + 1];
      if (next === undefined) {
        node[name] = value;
        return;
      }
      node[name] ??= /^\d+$/.test(next) ? [] : {};
      node = node[name] as Record<string, Field>;
    });
  }
  return form;
}

const text = (field: Field | undefined): string | null => (typeof field === "string" ? field : null);
const fields = (field: Field | undefined): Fields =>
  field && typeof field === "object" && !Array.isArray(field) ? field : {};
const stripeId = (prefix: string) => `${prefix}_test_${randomBytes(12).toString("base64url")}`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

/** A Checkout's line items as sent (`line_items[i][…]`): name, description, quantity and unit amount. */
function linesOf(form: Fields) {
  return ((form.line_items ?? []) as Fields[]).map((item) => {
    const price = fields(item.price_data);
    const product = fields(price.product_data);
    return {
      name: text(product.name) ?? "",
      description: text(product.description) ?? "",
      quantity: Number(text(item.quantity) ?? 1),
      unitAmount: Number(text(price.unit_amount)),
      currency: text(price.currency),
    };
  });
}

/** Stripe's hosted page, reduced to what the client checks before paying: each line, the total, and Pay. */
function payPage(session: CheckoutSession, request: Fields): string {
  const money = (minor: number) =>
    new Intl.NumberFormat("en-US", { style: "currency", currency: session.currency ?? "usd" }).format(
      minor / 100,
    );
  const [first, ...others] = linesOf(request);
  const amount = money(session.amount_total ?? 0);
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Checkout (Stripe stand-in)</title>
  <style>
    body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1a1f36; background: #f6f9fc; }
    main { max-width: 26rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px;
      box-shadow: 0 2px 8px rgb(0 0 0 / 8%); }
    .mode { color: #a1540a; font-size: .85rem; }
    .amount { font-size: 2rem; font-weight: 600; margin: .5rem 0; }
    button { width: 100%; padding: .8rem; font: inherit; color: #fff; background: #635bff; border: 0; border-radius: 6px; }
  </style>
</head>
<body>
  <main>
    <p class="mode">Test mode · a local stand-in for Stripe Checkout</p>
    <h1>${escapeHtml(first?.name ?? "")}</h1>
    <p>${escapeHtml(first?.description ?? "")}</p>
    <ul class="lines">${[first, ...others]
      .map((l) => l && `<li>${l.quantity} × ${escapeHtml(l.name)}: ${money(l.quantity * l.unitAmount)}</li>`)
      .join("")}</ul>
    <p class="amount">${amount}</p>
    <p>${escapeHtml(session.customer_email ?? "")}</p>
    <form method="post"><button type="submit">Pay</button></form>
  </main>
</body>
</html>`;
}

/**
 * Starts the stand-in on a free port of 127.0.0.1. It accepts only `secretKey`, and delivers
 * `checkout.session.completed` to `webhookUrl()`, signed with `webhookSecret`; read at delivery,
 * as the Worker it calls starts after the stand-in, on a port found then.
 */
export function startStripeStandIn(opts: {
  secretKey: string;
  webhookSecret: string;
  webhookUrl: () => string;
}): Promise<StripeStandIn> {
  const record: StandInRecord = { checkouts: [], deliveries: [] };
  const byIdempotencyKey = new Map<string, CheckoutSession>();
  let origin = "";
  const find = (id: string | undefined) => record.checkouts.find((c) => c.session.id === id);

  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": stripeId("req") });
    res.end(JSON.stringify(body));
  };
  const stripeError = (res: ServerResponse, status: number, message: string) =>
    json(res, status, { error: { type: "invalid_request_error", message } });

  function createCheckout(form: Fields, idempotencyKey: string | undefined): CheckoutSession {
    const known = idempotencyKey && byIdempotencyKey.get(idempotencyKey);
    if (known) return known;
    const lines = linesOf(form);
    // What Stripe charges: every line's quantity times its unit amount.
    const amount = lines.reduce((sum, l) => sum + l.quantity * l.unitAmount, 0);
    const id = stripeId("cs");
    const session: CheckoutSession = {
      id,
      object: "checkout.session",
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      payment_intent: null,
      amount_subtotal: amount,
      amount_total: amount,
      currency: lines[0]?.currency ?? "usd",
      customer_email: text(form.customer_email),
      client_reference_id: text(form.client_reference_id),
      metadata: fields(form.metadata) as Record<string, string>,
      success_url: text(form.success_url),
      cancel_url: text(form.cancel_url),
      url: `${origin}/pay/${id}`,
      expires_at: Number(text(form.expires_at)),
    };
    record.checkouts.push({ request: form, session });
    if (idempotencyKey) byIdempotencyKey.set(idempotencyKey, session);
    return session;
  }

  /** Stripe's answer to /v1/…: Checkout Sessions created, read and expired. */
  async function api(req: IncomingMessage, res: ServerResponse, path: string) {
    if (req.headers.authorization !== `Bearer ${opts.secretKey}`) {
      return stripeError(res, 401, "Invalid API Key provided.");
    }
    const body = await readBody(req);
    if (req.method === "POST" && path === "/v1/checkout/sessions") {
      const key = req.headers["idempotency-key"];
      return json(res, 200, createCheckout(parseForm(body), typeof key === "string" ? key : undefined));
    }
    const [, id, action] = /^\/v1\/checkout\/sessions\/([^/]+)(?:\/(expire))?$/.exec(path) ?? [];
    const found = find(id);
    if (!found) return stripeError(res, 404, `Unrecognized request URL (${req.method}: ${path}).`);
    if (req.method === "POST" && action === "expire") {
      if (found.session.status !== "open") return stripeError(res, 400, "Only open sessions can be expired.");
      Object.assign(found.session, { status: "expired", url: null });
    }
    return json(res, 200, found.session);
  }

  /** Sends the event the way Stripe does: pretty-printed JSON, signed over its exact bytes. */
  async function deliver(type: string, session: CheckoutSession): Promise<void> {
    const event = {
      id: stripeId("evt"),
      object: "event",
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: session },
    };
    const payload = JSON.stringify(event, null, 2);
    const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload,
      secret: opts.webhookSecret,
    });
    const status = await fetch(opts.webhookUrl(), {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", "stripe-signature": signature },
      body: payload,
    }).then(
      (r) => r.status,
      () => 0,
    );
    record.deliveries.push({ eventId: event.id, type, payload, signature, status });
  }

  /** The hosted page: shown on GET; on POST (Pay) the Checkout completes and the client goes back. */
  async function checkoutPage(req: IncomingMessage, res: ServerResponse, id: string) {
    const found = find(id);
    if (found?.session.status !== "open") {
      res.writeHead(410, { "content-type": "text/plain" });
      return res.end("This Checkout is no longer open.");
    }
    const { session } = found;
    if (req.method === "POST") {
      Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: stripeId("pi") });
      // Stripe does not wait for the webhook; the stand-in does, so the page the client returns
      // to has the payment already, and a failed delivery shows up in the record.
      await deliver("checkout.session.completed", session);
      res.writeHead(303, { location: session.success_url ?? "/" });
      return res.end();
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(payPage(session, found.request));
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    const pay = /^\/pay\/([^/]+)$/.exec(path);
    const handled = path.startsWith("/v1/")
      ? api(req, res, path)
      : pay?.[1]
        ? checkoutPage(req, res, pay[1])
        : Promise.resolve(path === "/_stand-in" ? json(res, 200, record) : stripeError(res, 404, path));
    handled.catch((err: unknown) => {
      console.error("Stripe stand-in failed", err);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const close = () =>
        new Promise<void>((done) => {
          server.closeAllConnections();
          server.close(() => done());
        });
      resolve({ origin, close });
    });
  });
}

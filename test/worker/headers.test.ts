import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { app } from "../../worker/index.ts";
import { signedInStudio } from "./admin-browser.ts";
import { call, studioWithOneOfEverything } from "./support.ts";

/*
 * Every page carries a Content-Security-Policy that forbids framing, nosniff and a Referrer-Policy;
 * every answer of the Worker (JSON, problem, page, file) carries nosniff. The pages are every GET
 * route of the app outside /v1 (so a new page is covered the day it is added) and the static
 * pages Workers Assets serve from widget/dist.
 */

/** The static HTML of widget/public, served by Workers Assets with the rules of its _headers file. */
const staticPages = ["/book/", "/demo/"];

async function world() {
  const { browser, token } = await signedInStudio();
  const {
    type,
    client,
    session,
    hold: held,
    reservation,
    link,
    waitlist,
    coupon,
  } = await studioWithOneOfEverything(token);
  const email = await env.DB.prepare("SELECT id FROM emails WHERE booking_id = ?")
    .bind(reservation.id)
    .first<{ id: string }>();
  const template = await call("POST", "/v1/admin/email-templates", {
    token,
    body: { kind: "session_reminder", name: "Soon", subject: "Soon: {{session}}", body: "See you {{when}}." },
  });
  /** Real values for the path parameters, by the route's first two segments and the name. */
  const values: [RegExp, Record<string, string>][] = [
    [/^\/(s|v1\/sessions)\//, { slug: session.slug, id: session.id }],
    [/^\/v1\/holds\//, { id: held.id }],
    [/^\/v1\/bookings\//, { token: link }],
    [/^\/v1\/waitlist\//, { token: waitlist.entryToken }],
    [/^\/v1\/offers\//, { token: waitlist.offerToken }],
    [/^\/(v1\/)?admin\/session-types\//, { id: type.id }],
    [/^\/(v1\/)?admin\/clients\//, { id: client.id }],
    [/^\/(v1\/)?admin\/sessions\//, { id: session.id, spotId: session.spots[1].id }],
    [/^\/v1\/admin\/spots\//, { id: session.spots[1].id }],
    [/^\/(v1\/)?admin\/bookings\//, { id: reservation.id }],
    [/^\/admin\/sessions\/[^/]+\/bookings\//, { bookingId: reservation.id }],
    [/^\/admin\/mail\//, { id: email?.id ?? "" }],
    [/^\/v1\/admin\/coupons\//, { id: coupon.id }],
    [/^\/v1\/admin\/email-templates\//, { id: template.body.template.id }],
  ];
  const fill = (path: string) =>
    path.replace(/[:{](\w+)\}?/g, (_, name: string) => {
      const found = values.filter(([prefix, v]) => prefix.test(path) && v[name]).at(-1);
      return encodeURIComponent(found?.[1][name] ?? "unknown");
    });
  return { cookie: browser.cookie ?? "", token, holdToken: held.token as string, fill };
}

let w: Awaited<ReturnType<typeof world>>;
beforeAll(async () => {
  w = await world();
});

function expectPageHeaders(headers: Headers, what: string) {
  const csp = headers.get("content-security-policy") ?? "";
  expect(csp, `${what}: CSP`).toMatch(/frame-ancestors '(none|self)'/);
  expect(csp, `${what}: CSP`).toMatch(/default-src 'none'/);
  // A message's own HTML in the mail viewer runs sandboxed, with its inline styles and images.
  // The API reference's components inject styles without a nonce: its styles alone go inline.
  const strict = what.startsWith("GET /docs ") ? csp.replace("style-src 'self' 'unsafe-inline'", "") : csp;
  if (!/^sandbox;/.test(csp)) expect(strict, `${what}: CSP`).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
  expect(headers.get("x-content-type-options"), `${what}: nosniff`).toBe("nosniff");
  expect(headers.get("referrer-policy"), `${what}: Referrer-Policy`).toMatch(/^(no-referrer|strict-origin)/);
}

/** The GET routes of the app outside the JSON API, as Hono registered them. */
const pageRoutes = [
  ...new Set(
    app.routes
      .filter((r) => r.method === "GET" && !r.path.startsWith("/v1") && !r.path.includes("*"))
      .map((r) => r.path),
  ),
];

/** Routes that must answer a page here, so the walk cannot pass by finding none. */
const surelyPages = [
  "/s/:slug",
  "/docs",
  "/admin/sessions",
  "/admin/sessions/new",
  "/admin/sessions/:id",
  "/admin/mail/:id",
  "/admin/mail/:id/html",
];

describe("every HTML page", () => {
  it("is found among the app's routes: the hosted session page, the docs and the admin's pages", () => {
    expect(pageRoutes).toEqual(expect.arrayContaining(surelyPages));
  });

  it.each(pageRoutes)(
    "GET %s answers its HTML with CSP (frame-ancestors), nosniff and Referrer-Policy",
    async (route) => {
      const path = w.fill(route);
      // Signed in and not; through the app, not `call`: a redirect (GET / to the demo) is an answer here.
      for (const headers of [{ cookie: w.cookie }, {}] as Record<string, string>[]) {
        const res = await app.request(`https://spotbook.test${path}`, { headers }, env);
        const what = `GET ${path} (${res.status}${headers.cookie ? ", signed in" : ""})`;
        expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
        if (headers.cookie && surelyPages.includes(route)) {
          expect(res.headers.get("content-type"), what).toMatch(/^text\/html/);
        }
        if ((res.headers.get("content-type") ?? "").startsWith("text/html"))
          expectPageHeaders(res.headers, what);
      }
    },
  );

  it("the pages that render a <style> let it in by the answer's nonce, and nothing else inline", async () => {
    for (const path of [w.fill("/s/:slug")]) {
      const res = await call("GET", path);
      expect(res.status, path).toBe(200);
      const nonce = /<style nonce="([^"]+)">/.exec(res.body)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(res.headers.get("content-security-policy"), path).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(res.headers.get("content-security-policy"), path).toContain("script-src 'self'");
      expect(res.headers.get("content-security-policy"), path).toContain("connect-src 'self'");
      expect(res.body.match(/<style/g)?.length, path).toBe(1);
      expect(res.body, path).not.toMatch(/<script(?![^>]*\bsrc=)/);
    }
  });

  it.each(staticPages)(
    "static %s carries the headers of widget/public/_headers, letting the widget load",
    async (path) => {
      const res = await env.ASSETS.fetch(`https://spotbook.test${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expectPageHeaders(res.headers, path);
      const csp = res.headers.get("content-security-policy") ?? "";
      // The widget module script, its stylesheet and its API calls, all from this origin.
      for (const directive of ["script-src 'self'", "style-src 'self'", "connect-src 'self'"]) {
        expect(csp).toContain(directive);
      }
      const html = await res.text();
      expect(html).toContain('<script type="module" src="/widget.js"></script>');
      expect(html).not.toMatch(/<style|<script(?![^>]*\bsrc=)|\sstyle=/);
    },
  );

  it("the widget script itself is nosniff and open to every site, and no header is sent twice", async () => {
    const res = await env.ASSETS.fetch("https://spotbook.test/widget.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    for (const path of staticPages) {
      const page = await env.ASSETS.fetch(`https://spotbook.test${path}`);
      for (const [name, value] of page.headers) expect(value, `${path} ${name}`).not.toMatch(/nosniff\s*,/);
    }
  });
});

describe("every JSON answer", () => {
  const doc = (async () => (await call("GET", "/v1/openapi.json")).body)();

  it("the document itself, a preflight and an unknown path answer nosniff", async () => {
    const answers = [
      await call("GET", "/v1/openapi.json"),
      await call("OPTIONS", "/v1/sessions/anything", {
        headers: { origin: "https://juniper.example", "access-control-request-method": "POST" },
      }),
      await call("GET", "/v1/nothing-here"),
      await call("GET", "/nothing-here"),
    ];
    for (const res of answers) expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("every GET of the contract answers success with nosniff", async () => {
    const { paths } = await doc;
    const gets = Object.entries(paths as Record<string, Record<string, { security?: object[] }>>).flatMap(
      ([template, methods]) => (methods.get ? [[template, methods.get] as const] : []),
    );
    expect(gets.length).toBeGreaterThan(8);
    for (const [template, op] of gets) {
      const path = w.fill(template);
      const res = await call("GET", path, { token: op.security?.length ? w.token : undefined });
      expect(res.status, `GET ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      expect(res.headers.get("x-content-type-options"), `GET ${path}`).toBe("nosniff");
    }
  });

  it("problems answer nosniff, from the middleware, the validators and the actions", async () => {
    const answers = [
      await call("GET", "/v1/admin/sessions"),
      await call("POST", "/v1/admin/clients", { token: w.token, body: "{" }),
      await call("POST", "/v1/admin/clients", { token: w.token, body: { name: "" } }),
      await call("GET", "/v1/admin/sessions/unknown", { token: w.token }),
      await call("POST", "/v1/holds/x/extend", {}),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 400, 422, 404, 401]);
    for (const res of answers) {
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });
});

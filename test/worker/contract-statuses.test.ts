import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { errorCodeList } from "../../worker/domain/errors.ts";
import { call, newStudio, operatorToken, studioWithOneOfEverything } from "./support.ts";

/*
 * Every status an operation answers is one its OpenAPI entry lists, so a client generated from the
 * document meets no surprise. For every operation of /v1/openapi.json, the inputs that reach the
 * generic refusals (a 200-character path parameter, an over-long query, broken JSON, a form body,
 * a 130 KB body, no token, a wrong token, another site) are sent; each answer must be documented
 * for that operation and, as a refusal, a well-formed problem. Where the operation's shape says
 * which refusal the input earns, the status must be that one, so a probe cannot pass by missing.
 */

type Parameter = { in: string; name: string; schema?: { maxLength?: number } };
type DocOperation = {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, unknown> };
  security?: Record<string, unknown>[];
  responses: Record<string, unknown>;
};
type Operation = {
  method: string;
  template: string;
  params: string[];
  query: Parameter[];
  jsonBody: boolean;
  /** The scheme whose token the operation takes, if any. */
  scheme: string | null;
  /** A token is required (no empty alternative in `security`). */
  tokenRequired: boolean;
  documented: Set<number>;
};

const doc = (await call("GET", "/v1/openapi.json")).body as {
  paths: Record<string, Record<string, DocOperation>>;
};

const operations: Operation[] = Object.entries(doc.paths).flatMap(([template, methods]) =>
  Object.entries(methods).map(([method, op]) => ({
    method: method.toUpperCase(),
    template,
    params: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
    query: (op.parameters ?? []).filter((p) => p.in === "query"),
    jsonBody: op.requestBody?.content?.["application/json"] !== undefined,
    scheme: Object.keys(op.security?.find((s) => Object.keys(s).length > 0) ?? {})[0] ?? null,
    tokenRequired:
      (op.security ?? []).length > 0 && !(op.security ?? []).some((s) => Object.keys(s).length === 0),
    documented: new Set(Object.keys(op.responses).map(Number)),
  })),
);

const publicPaths = ["/v1/sessions/", "/v1/holds/", "/v1/bookings/", "/v1/waitlist/", "/v1/offers/"];
const isPublic = (op: Operation) => publicPaths.some((p) => op.template.startsWith(p));
const carriesBody = (op: Operation) => op.method !== "GET" && op.method !== "HEAD";
const readsJsonMethod = (op: Operation) => ["POST", "PATCH", "PUT"].includes(op.method);

/** A studio with one of everything, for the probes that need real rows to reach the site check. */
async function fixture() {
  const { token } = await newStudio();
  const { session, hold: held, link, waitlist: waiting } = await studioWithOneOfEverything(token);
  return {
    tokens: { adminToken: token, holdToken: held.token as string, operatorToken: operatorToken() },
    /** Real values of the path parameters of the public operations, by the path's first segment. */
    params: {
      sessions: session.slug as string,
      holds: held.id as string,
      bookings: link,
      waitlist: waiting.entryToken,
      offers: waiting.offerToken,
    },
    /** Bodies that pass validation, so the request reaches the studio's site check. */
    bodies: {
      "POST /v1/sessions/{slug}/holds": { spotId: session.spots[2].id },
      "POST /v1/holds/{id}/booking": { client: { name: "Ada", email: "ada@example.com" } },
      "POST /v1/bookings/{token}/confirm": {},
      "POST /v1/bookings/{token}/reschedule": { spotId: session.spots[2].id },
      "POST /v1/sessions/{slug}/waitlist": { client: { name: "Ada", email: "ada@example.com" } },
      "POST /v1/sessions/{slug}/queue": {},
      "POST /v1/sessions/{slug}/queue/leave": { ticket: "sbk_line_unknown" },
    } as Record<string, unknown>,
  };
}

let world: Awaited<ReturnType<typeof fixture>>;
beforeAll(async () => {
  world = await fixture();
});

const tokenFor = (op: Operation) =>
  op.scheme ? world.tokens[op.scheme as keyof typeof world.tokens] : undefined;

/** The operation's URL with each path parameter `value(name)` and the query given. */
const urlOf = (op: Operation, value: (name: string) => string, query = "") =>
  op.template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(value(name))) + query;

const tables = (
  await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'rate_limits')",
  ).all<{ name: string }>()
).results.map((t) => t.name);
const countRows = env.DB.prepare(
  `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`,
);

/** Sends a probe; checks the answer is documented for the operation and, as a refusal, a problem. */
async function probe(
  op: Operation,
  request: { url: string; token?: string; body?: string; headers?: Record<string, string> },
  expected?: number,
) {
  const before = await countRows.first();
  const res = await call(op.method, request.url, {
    token: request.token,
    body: request.body,
    headers: request.headers,
  });
  const what = `${op.method} ${request.url.slice(0, 120)} answered ${res.status}: ${JSON.stringify(res.body)?.slice(0, 300)}`;
  expect(op.documented, what).toContain(res.status);
  if (expected !== undefined) expect(res.status, what).toBe(expected);
  expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
  if (res.status >= 400) {
    expect(res.headers.get("content-type"), what).toBe("application/problem+json");
    expect(res.body, what).toMatchObject({
      type: expect.any(String),
      status: res.status,
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(errorCodeList, what).toContain(res.body.code);
    for (const e of res.body.errors ?? [])
      expect(e, what).toEqual({ path: expect.any(String), message: expect.any(String) });
    expect(await countRows.first(), `${what}: a refusal wrote`).toEqual(before);
  }
  return res;
}

const short = () => "x";
const bigBody = JSON.stringify({ name: "x".repeat(130 * 1024) });

describe.each(operations)("$method $template", (op) => {
  if (op.params.length > 0) {
    it("answers a 200-character path parameter with a documented 422", async () => {
      for (const name of op.params) {
        await probe(
          op,
          { url: urlOf(op, (n) => (n === name ? "x".repeat(200) : "x")), token: tokenFor(op) },
          422,
        );
      }
    });
  }

  for (const q of op.query) {
    it(`answers an over-long query \`${q.name}\` with a documented ${q.schema?.maxLength ? "422" : "status"}`, async () => {
      const query = `?${new URLSearchParams({ [q.name]: "x".repeat((q.schema?.maxLength ?? 1000) + 1) })}`;
      await probe(
        op,
        { url: urlOf(op, short, query), token: tokenFor(op) },
        q.schema?.maxLength ? 422 : undefined,
      );
    });
  }

  if (carriesBody(op)) {
    it(`answers broken JSON with a documented ${op.jsonBody ? "400" : "status"}`, async () => {
      await probe(
        op,
        { url: urlOf(op, short), token: tokenFor(op), body: '{"name": "Minis",' },
        op.jsonBody ? 400 : undefined,
      );
    });

    it(`answers a form body with a documented ${readsJsonMethod(op) ? "415" : "status"}`, async () => {
      await probe(
        op,
        {
          url: urlOf(op, short),
          token: tokenFor(op),
          body: "name=Ada&email=ada%40example.com",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        },
        readsJsonMethod(op) ? 415 : undefined,
      );
    });

    it("answers a 130 KB body with a documented 413", async () => {
      await probe(op, { url: urlOf(op, short), token: tokenFor(op), body: bigBody }, 413);
    });
  }

  if (op.scheme) {
    it(`answers no token with a documented ${op.tokenRequired ? "401" : "status"}`, async () => {
      // A valid body where the operation takes one, so that only the missing token is wrong.
      const known = world.bodies[`${op.method} ${op.template}` as keyof typeof world.bodies];
      const body = op.jsonBody && known ? JSON.stringify(known) : undefined;
      await probe(op, { url: urlOf(op, short), body }, op.tokenRequired ? 401 : undefined);
    });

    it("answers a wrong token with a documented status", async () => {
      // A wrong hold token is answered as no hold at all (404): it says nothing of the hold.
      const expected = op.scheme === "holdToken" ? undefined : 401;
      await probe(op, { url: urlOf(op, short), token: "sbk_wrong_token" }, expected);
    });
  }

  if (isPublic(op)) {
    it("answers another site than the studio allows with a documented 403, writing nothing", async () => {
      const segment = op.template.split("/")[2] as keyof typeof world.params;
      const key = `${op.method} ${op.template}`;
      if (op.jsonBody) expect(world.bodies, `add a valid body for ${key}`).toHaveProperty([key]);
      await probe(
        op,
        {
          url: urlOf(op, () => world.params[segment]),
          token: tokenFor(op),
          body: op.jsonBody ? JSON.stringify(world.bodies[key]) : undefined,
          headers: { origin: "https://other-site.example", "cf-connecting-ip": "198.51.100.7" },
        },
        403,
      );
    });
  }
});

describe("the document", () => {
  it("covers the whole contract: every operation was probed", () => {
    expect(operations.length).toBeGreaterThanOrEqual(28);
  });

  it("lists each generic status with the Problem schema", () => {
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) < 400) continue;
          expect(response, `${method} ${template} ${status}`).toMatchObject({
            content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
          });
        }
      }
    }
  });
});

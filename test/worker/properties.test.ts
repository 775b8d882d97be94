import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { errorCodeList as problemCodes } from "../../worker/domain/errors.ts";
import { app } from "../../worker/index.ts";
import { addDays, nextClockChange, nextMonthDay } from "../dates.ts";
import {
  call,
  hold,
  newClient,
  newSession,
  newSessionType,
  newStudio,
  operatorToken,
  visitorHeaders,
} from "./support.ts";

/*
 * Hostile input, generated, for every operation of the OpenAPI contract (so a new endpoint is
 * covered the day it is documented): path parameters, query strings and bodies that are random,
 * hostile (huge and NaN-like numbers, unicode, control characters, SQL and HTML, `__proto__`,
 * deep nesting, wrong types) or nearly right. Whatever arrives, the answer is a result or a 4xx
 * problem, never a 5xx, and a refusal writes nothing.
 */

/** JSON as it goes over the wire: objects as entries (so `__proto__` and duplicate keys survive), raw text. */
type Json = null | boolean | number | string | Json[] | { entries: [string, Json][] } | { raw: string };

const render = (j: Json): string => {
  if (Array.isArray(j)) return `[${j.map(render).join(",")}]`;
  if (j !== null && typeof j === "object") {
    return "raw" in j
      ? j.raw
      : `{${j.entries.map(([k, v]) => `${JSON.stringify(k)}:${render(v)}`).join(",")}}`;
  }
  return JSON.stringify(j) ?? "null";
};

const nastyStrings = [
  "",
  " ",
  "\t\r\n",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x1F",
  "9007199254740993",
  "-1",
  "null",
  "undefined",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "' OR '1'='1",
  "'; DROP TABLE bookings; --",
  '" OR ""="',
  "%' OR 1=1 --",
  "\\",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally.
  "${7*7}",
  "../../../etc/passwd",
  "\u0000",
  "\u0007\u001b[31m",
  "\r\nSet-Cookie: x=1",
  "\u202eevil",
  "\ufeff",
  "\ud800",
  "\udfff",
  "😀👍🏽",
  "e\u0301",
  "𝕏",
  "2026-02-30",
  "0000-01-01",
  "9999-12-31",
  "24:00",
  "23:60",
  "America/Nowhere",
  "Etc/GMT+99",
  "+25:00",
  "http://evil.example",
  "a@b",
  "x".repeat(300),
  "é".repeat(5000),
];

const hostileString = fc.oneof(
  fc.constantFrom(...nastyStrings),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ maxLength: 200 }),
);

const hostileNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_VALUE, 1e308, 5e-324, 2 ** 31, -1, 0),
);

/** Number literals JSON.stringify cannot write, and nesting deep enough to test a parser's stack. */
const rawText = fc.oneof(
  fc
    .constantFrom("1e999", "-1e999", "-0", "123456789012345678901234567890", "1.0e-400")
    .map((raw) => ({ raw })),
  fc.integer({ min: 100, max: 20_000 }).map((depth) => ({ raw: "[".repeat(depth) + "]".repeat(depth) })),
  fc
    .integer({ min: 100, max: 5_000 })
    .map((depth) => ({ raw: `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` })),
);

/** Keys meant to pollute: a body that reached Object.prototype would make `({}).polluted` defined. */
const pollution: Json[] = [
  { entries: [["__proto__", { entries: [["polluted", "yes"]] }]] },
  { entries: [["constructor", { entries: [["prototype", { entries: [["polluted", "yes"]] }]] }]] },
];

const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "toString"),
  fc.string(),
);

const { value: hostileValue } = fc.letrec<{ value: Json; array: Json[]; object: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    hostileNumber,
    fc.boolean(),
    fc.constant(null),
    rawText,
    fc.constantFrom(...pollution),
    tie("array"),
    tie("object"),
  ),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.array(fc.tuple(hostileKey, tie("value")), { maxLength: 4 }).map((entries) => ({ entries })),
}));

/** What the contract says a body looks like: its keys, nested, and its alternatives, as far as they go. */
type Shape = { keys: Map<string, Shape> } | { items: Shape } | { oneOf: Shape[] } | null;
type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Operation = {
  method: string;
  path: string;
  body: Shape;
  query: string[];
  headers: string[];
  security: string | null;
};

function shapeOf(schema: Schema | undefined, components: Record<string, Schema>): Shape {
  if (!schema) return null;
  if (schema.$ref) return shapeOf(components[schema.$ref.split("/").at(-1) ?? ""], components);
  if (schema.items) return { items: shapeOf(schema.items, components) };
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) return { oneOf: alternatives.map((a) => shapeOf(a, components)) };
  const keys = new Map(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, shapeOf(v, components)]));
  return keys.size > 0 ? { keys } : null;
}

async function contractOperations(): Promise<Operation[]> {
  const res = await app.request("/v1/openapi.json", {}, env);
  const doc = await res.json<{
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: { schemas: Record<string, Schema> };
  }>();
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const params = (op.parameters ?? []) as { in: string; name: string }[];
      const body = op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined;
      const security = op.security as Record<string, unknown>[] | undefined;
      return {
        method: method.toUpperCase(),
        path: path.replace(/\{(\w+)\}/g, ":$1"),
        body: shapeOf(body?.content?.["application/json"]?.schema, doc.components.schemas),
        query: params.filter((p) => p.in === "query").map((p) => p.name),
        headers: params.filter((p) => p.in === "header").map((p) => p.name),
        security: Object.keys(security?.[0] ?? {})[0] ?? null,
      };
    }),
  );
}

/** A studio with one of everything, so generated ids can be real and reach past the 404s. */
async function studioWithEverything() {
  const { token } = await newStudio();
  const multiType = await newSessionType(token);
  const singleType = await newSessionType(token, { name: "Wedding", classification: "single" });
  const client = await newClient(token);
  const day = { date: nextMonthDay("05-01"), time: "10:00" };
  const multi = await newSession(token, {
    classification: "multi",
    name: "Minis",
    sessionTypeId: multiType.id,
    spots: 3,
    ...day,
  });
  const single = await newSession(token, {
    classification: "single",
    name: "Wedding",
    sessionTypeId: singleType.id,
    clientId: client.id,
    ...day,
  });
  const spotIds: string[] = multi.spots.map((s: { id: string }) => s.id);
  const held = await hold(multi.slug, spotIds[0] as string);
  const reserved = await call("POST", `/v1/admin/spots/${spotIds[1]}/reservation`, {
    token,
    body: { clientId: client.id },
  });
  const link = new URL(reserved.body.confirmationUrl).searchParams.get("spotbook") as string;
  const packageIds = [...multiType.packages, ...singleType.packages].map((p: { id: string }) => p.id);
  return {
    tokens: { adminToken: token, holdToken: held.body.hold.token as string, operatorToken: operatorToken() },
    /** Real values of each path parameter, by the path it stands in. */
    params: [
      [/^\/v1\/sessions\/:slug/, [multi.slug, single.slug]],
      [/^\/v1\/holds\/:id/, [held.body.hold.id]],
      [/^\/v1\/bookings\/:token/, [link]],
      [/^\/v1\/admin\/session-types\/:id/, [multiType.id, singleType.id]],
      [/^\/v1\/admin\/clients\/:id/, [client.id]],
      [/^\/v1\/admin\/sessions\/:id/, [multi.id, single.id]],
      [/^\/v1\/admin\/spots\/:id/, spotIds],
      [/^\/v1\/admin\/bookings\/:id/, [reserved.body.booking.id]],
    ] as [RegExp, string[]][],
    /** Nearly right values for the body fields, to get past the first check and into the next. */
    fields: {
      spotId: fc.constantFrom(...spotIds),
      clientId: fc.constantFrom(client.id),
      sessionTypeId: fc.constantFrom(multiType.id, singleType.id),
      packageId: fc.constantFrom(...packageIds),
      id: fc.constantFrom(...packageIds),
      name: fc.constantFrom("Ada", "Juniper & Pine", "Fall Minis"),
      slug: fc.uuid().map((u) => `studio-${u.slice(0, 8)}`),
      description: fc.constantFrom("", "Ten edited images"),
      location: fc.constantFrom("", "Juniper Park, north meadow"),
      locale: fc.constantFrom("en-US", "fr-FR"),
      email: fc.uuid().map((u) => `${u}@example.com`),
      phone: fc.constantFrom("+1 555 0100", ""),
      // The day after the fixture's, and New York's next clock changes (02:30 skipped, 01:30 twice).
      date: fc.constantFrom(
        addDays(day.date, 1),
        nextClockChange("America/New_York", "forward"),
        nextClockChange("America/New_York", "back"),
      ),
      time: fc.constantFrom("09:00", "02:30", "01:30", "23:59"),
      timeZone: fc.constantFrom("America/New_York", "Europe/Paris", "UTC", "Asia/Kathmandu"),
      currency: fc.constantFrom("USD", "EUR"),
      classification: fc.constantFrom("multi", "single"),
      spots: fc.integer({ min: 1, max: 5 }),
      sameTime: fc.boolean(),
      durationMinutes: fc.constantFrom(5, 20, 1440),
      breakMinutes: fc.constantFrom(0, 10),
      priceCents: fc.constantFrom(0, 15000),
      depositCents: fc.constantFrom(0, 5000),
      amountCents: fc.constantFrom(1, 15000),
      holdMinutes: fc.constantFrom(5, 120),
      paymentReminder: fc.boolean(),
      paymentReminderDays: fc.constantFrom(0, 3),
      active: fc.boolean(),
      allowedOrigins: fc.constant(["https://juniper.example"]),
      bookingPageUrl: fc.constantFrom(null, "https://juniper.example/book"),
    } as Record<string, fc.Arbitrary<Json>>,
  };
}

type Fixture = Awaited<ReturnType<typeof studioWithEverything>>;

/**
 * A body for a shape: mostly nearly right (each known key present with a plausible value, or
 * hostile, or missing; now and then keys it does not know), sometimes anything at all.
 */
function bodyFor(shape: Shape, fields: Fixture["fields"]): fc.Arbitrary<Json> {
  if (shape === null) return hostileValue;
  if ("items" in shape)
    return fc.oneof(fc.array(bodyFor(shape.items, fields), { maxLength: 3 }), hostileValue);
  if ("oneOf" in shape) return fc.oneof(...shape.oneOf.map((s) => bodyFor(s, fields)));
  const known = [...shape.keys].map(([key, inner]) =>
    fc.oneof(
      {
        weight: 6,
        arbitrary: (inner ? bodyFor(inner, fields) : (fields[key] ?? hostileValue)).map((v) => [key, v]),
      },
      { weight: 1, arbitrary: hostileValue.map((v) => [key, v]) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
  );
  const unknown = fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(fc.tuple(hostileKey, hostileValue), { minLength: 1, maxLength: 2 }) },
  );
  const nearlyRight = fc.tuple(fc.tuple(...known), unknown).map(([pairs, extra]) => ({
    entries: [...(pairs.filter((p) => p !== null) as [string, Json][]), ...extra],
  }));
  return fc.oneof({ weight: 4, arbitrary: nearlyRight }, { weight: 1, arbitrary: hostileValue });
}

/** Header values can only be visible ASCII; Stripe's signature header gets lookalikes too. */
const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) }),
  fc.tuple(fc.integer({ min: 0 }), fc.stringMatching(/^[0-9a-f]{0,64}$/)).map(([t, v1]) => `t=${t},v1=${v1}`),
);

/** Path segments that are not ids: percent-encoding gone wrong, dots, and anything else, encoded. */
const hostileSegment = fc.oneof(
  fc.constantFrom("%", "%2", "%zz", "%E0%A4%A", "%00", "%2F", "..", ".", "%2e%2e", "a%2Fb", "%F0%9F"),
  hostileString.map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return "%ED%A0%80"; // a lone surrogate, as the bytes a careless client would send
    }
  }),
);

function requestFor(op: Operation, fixture: Fixture) {
  const segment = (name: string) => {
    const real = fixture.params.find(([prefix]) => prefix.test(op.path) && op.path.includes(`:${name}`))?.[1];
    return real
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: hostileSegment })
      : hostileSegment;
  };
  const names = [...op.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  const path = fc
    .tuple(...names.map(segment))
    .map((values) => names.reduce((p, name, i) => p.replace(`:${name}`, values[i] ?? ""), op.path));
  const query = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...op.query, "__proto__", "q"), fc.string()), hostileString), {
      maxLength: 3,
    })
    .map((pairs) => {
      const search = new URLSearchParams();
      for (const [k, v] of pairs)
        search.append(k.replace(/[\ud800-\udfff]/g, ""), v.replace(/[\ud800-\udfff]/g, ""));
      return pairs.length > 0 ? `?${search}` : "";
    });
  const token = op.security ? fixture.tokens[op.security as keyof Fixture["tokens"]] : undefined;
  const authorization = fc.oneof(
    { weight: 4, arbitrary: fc.constant(token) },
    { weight: 1, arbitrary: headerValue },
  );
  const headers = fc.tuple(...op.headers.map((name) => fc.tuple(fc.constant(name), headerValue)));
  const body =
    op.method === "GET"
      ? fc.constant(undefined)
      : fc.option(bodyFor(op.body, fixture.fields), { freq: 8, nil: undefined });
  return fc.record({ path, query, authorization, headers, body });
}

/** Every table but the rate limits, which count refused holds too (on purpose). */
const tables = (
  await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'rate_limits')",
  ).all<{ name: string }>()
).results.map((t) => t.name);

const countRows = env.DB.prepare(
  `SELECT ${tables.map((t) => `(SELECT count(*) FROM "${t}") AS "${t}"`).join(", ")}`,
);

/**
 * The Worker's answer, over the test bindings plus a Stripe webhook secret: without one the
 * webhook answers 503 payments_unavailable on purpose, and its signature check would go untried.
 */
async function send(r: {
  method: string;
  url: string;
  token?: string;
  headers: [string, string][];
  body?: string;
}) {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    ...visitorHeaders(),
    ...Object.fromEntries(r.headers),
  };
  if (r.token) headers.authorization = `Bearer ${r.token}`;
  const res = await app.request(
    r.url,
    { method: r.method, headers, body: r.body },
    { ...env, STRIPE_WEBHOOK_SECRET: "whsec_test" },
  );
  return { status: res.status, type: res.headers.get("content-type"), text: await res.text() };
}

const operations = await contractOperations();

describe.each(operations)("$method $path", (op) => {
  it("answers hostile input with a result or a 4xx problem, never a 5xx, and a refusal writes nothing", async () => {
    const fixture = await studioWithEverything();
    await fc.assert(
      fc.asyncProperty(requestFor(op, fixture), async (r) => {
        const before = await countRows.first();
        const res = await send({
          method: op.method,
          url: `${r.path}${r.query}`,
          token: r.authorization,
          headers: r.headers,
          body: r.body === undefined ? undefined : render(r.body),
        });
        expect(res.status, res.text).toBeLessThan(500);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (res.status < 400) return;
        expect(res.type).toBe("application/problem+json");
        const problem = JSON.parse(res.text);
        expect(problem).toMatchObject({
          status: res.status,
          title: expect.any(String),
          detail: expect.any(String),
        });
        expect(problemCodes).toContain(problem.code);
        expect(await countRows.first()).toEqual(before);
      }),
      { numRuns: 50 },
    );
  }, 30_000);
});

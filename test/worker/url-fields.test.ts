import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { call, newStudio, operatorToken } from "./support.ts";

/*
 * Every URL a request may carry (found in the OpenAPI document: each request field of format
 * `uri`, in arrays too) takes https only, or http to the machine itself (localhost, 127.0.0.1,
 * [::1]). Each is sent every hostile address below: 422 on that field with a message that says
 * what to send, and nothing written. Good addresses are accepted and stored as sent.
 */

type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  example?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
};
type Doc = {
  paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
};

const doc = (await call("GET", "/v1/openapi.json")).body as Doc;
const resolve = (s: Schema): Schema =>
  s.$ref ? resolve(doc.components.schemas[s.$ref.split("/").at(-1) ?? ""] ?? {}) : s;

/** The fields of a schema, as paths (`*` for an array's items), with their schemas. */
function fieldsOf(schema: Schema | undefined, path: string[] = []): { path: string[]; schema: Schema }[] {
  if (!schema) return [];
  const s = resolve(schema);
  const nested = [
    ...Object.entries(s.properties ?? {}).flatMap(([key, inner]) => fieldsOf(inner, [...path, key])),
    ...(s.items ? fieldsOf(s.items, [...path, "*"]) : []),
    ...[...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])].flatMap((alt) => fieldsOf(alt, path)),
  ];
  return [{ path, schema: s }, ...nested];
}

const requestFields = Object.entries(doc.paths).flatMap(([template, methods]) =>
  Object.entries(methods).flatMap(([method, op]) =>
    fieldsOf(op.requestBody?.content?.["application/json"]?.schema).map((f) => ({
      operation: `${method.toUpperCase()} ${template}`,
      ...f,
    })),
  ),
);

/** Every URL field of every request body, once per operation (a nullable field documents two ways). */
const urlFields = [
  ...new Map(
    requestFields
      .filter((f) => f.schema.format === "uri" && f.path.length > 0)
      .map((f) => [`${f.operation} ${f.path.join(".")}`, { ...f, field: f.path.join(".") }]),
  ).values(),
];

const hostile = [
  "javascript:alert(1)",
  "JavaScript:alert(document.cookie)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "vbscript:msgbox(1)",
  "file:///etc/passwd",
  "ftp://example.com",
  "ftp://example.com/book",
  "ws://example.com",
  "blob:https://example.com/0f1d2e3c",
  "http://example.com",
  "http://example.com/book",
  "http://localhost.evil.example",
  "http://127.0.0.1.nip.io",
  "http://0.0.0.0:8080",
  "http://[::2]",
  "https://user:secret@example.com",
  "https://example.com@evil.example",
  "//example.com/book",
  "example.com",
  "https://",
  "",
  `https://example.com/${"a".repeat(600)}`,
];

/** Good for every URL field (each is an origin, so also a page's address). */
const goodOrigins = [
  "https://juniper.example",
  "https://juniper.example:8443",
  "http://localhost:3000",
  "http://127.0.0.1:8080",
  "http://[::1]:5173",
];
/** Good for a page's address, where the field's own example has a path. */
const goodPages = [
  "https://juniper.example/book",
  "https://juniper.example/book?ref=mail#top",
  "http://localhost:8787/book/",
  "http://127.0.0.1:3000/book",
  "http://[::1]:5173/book",
];

/** A valid body for each operation with a URL field; a new one fails here until it has one. */
const validBodies: Record<string, () => Record<string, unknown>> = {
  "POST /v1/studios": () => ({
    name: "Juniper & Pine",
    timeZone: "America/New_York",
    currency: "USD",
    allowedOrigins: [],
  }),
  "PATCH /v1/admin/studio": () => ({}),
};

/** `value` at `path` of `body`, an array's items being the one value. */
function withValue(body: Record<string, unknown>, path: string[], value: string): Record<string, unknown> {
  const [head, ...rest] = path;
  if (head === undefined) return body;
  if (rest[0] === "*")
    return { ...body, [head]: rest.length === 1 ? [value] : [withValue({}, rest.slice(1), value)] };
  return {
    ...body,
    [head]: rest.length === 0 ? value : withValue((body[head] ?? {}) as Record<string, unknown>, rest, value),
  };
}

/** The field's path as a refusal names it: an array's first item is `.0`. */
const errorPath = (path: string[]) => path.map((p) => (p === "*" ? "0" : p)).join(".");

const everything = env.DB.prepare(
  "SELECT (SELECT count(*) FROM studios) AS studios, (SELECT group_concat(coalesce(booking_page_url, '-') || ' ' || allowed_origins, ';') FROM studios) AS urls",
);

let adminToken: string;
beforeAll(async () => {
  adminToken = (await newStudio()).token;
});

const send = (operation: string, body: unknown) => {
  const [method = "", path = ""] = operation.split(" ");
  return call(method, path, { token: path.startsWith("/v1/admin") ? adminToken : operatorToken(), body });
};

describe("the URL fields of the request schemas", () => {
  it("are found in the document: the booking page and the allowed origins, on create and update", () => {
    expect(urlFields.map((f) => `${f.operation} ${f.path.join(".")}`).sort()).toEqual(
      expect.arrayContaining([
        "PATCH /v1/admin/studio allowedOrigins.*",
        "PATCH /v1/admin/studio bookingPageUrl",
        "POST /v1/studios allowedOrigins.*",
        "POST /v1/studios bookingPageUrl",
      ]),
    );
  });

  it("include every field named like an address, so none escapes this test undocumented", () => {
    const named = requestFields.filter(
      (f) => /url|uri|origin|link|href|website|site$/i.test(f.path.at(-1) ?? "") && f.schema.type !== "array",
    );
    for (const f of named) {
      expect(f.schema.format, `${f.operation} ${f.path.join(".")}`).toBe("uri");
    }
  });
});

describe.each(urlFields)("$operation $field", ({ operation, path, schema }) => {
  const label = (url: string) =>
    JSON.stringify(url.length > 60 ? `${url.slice(0, 40)}… (${url.length} characters)` : url);
  it.each(hostile.map((url) => [label(url), url]))(
    "refuses %s with 422 on the field and writes nothing",
    async (_, url) => {
      expect(validBodies, `add a valid body for ${operation}`).toHaveProperty([operation]);
      const before = await everything.first();
      const res = await send(operation, withValue(validBodies[operation]?.() ?? {}, path, url));
      expect(res.status, JSON.stringify(res.body)).toBe(422);
      expect(res.body.code).toBe("validation_failed");
      const errors = (res.body.errors as { path: string; message: string }[]).filter(
        (e) => e.path === errorPath(path),
      );
      expect(errors.length, JSON.stringify(res.body.errors)).toBeGreaterThan(0);
      for (const e of errors) expect(e.message).toMatch(/https:\/\/|user name|under \d+ characters/);
      expect(await everything.first()).toEqual(before);
    },
  );

  const example = typeof schema.example === "string" ? new URL(schema.example) : null;
  const good = [...goodOrigins, ...(example && example.pathname !== "/" ? goodPages : [])];
  it.each(good)("accepts %s and stores it as sent", async (url) => {
    const res = await send(operation, withValue(validBodies[operation]?.() ?? {}, path, url));
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    const stored = path.reduce<unknown>(
      (v, key) => (key === "*" ? (v as unknown[])[0] : (v as Record<string, unknown>)[key]),
      res.body.studio,
    );
    expect(stored).toBe(url);
  });
});

import { env } from "cloudflare:workers";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../../worker/openapi-document.ts";
import { call } from "./support.ts";

describe("GET /v1/openapi.json", () => {
  it("is the document the route definitions produce (the asset built with `npm run build:widget`)", async () => {
    const res = await call("GET", "/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    // A route changed since the last build shows here: rebuild the assets.
    expect(res.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
  });

  it("says null where a field may be null: no nullable schema folded into an allOf beside a $ref", async () => {
    // zod-to-openapi writes `Ref.nullable()` as allOf [$ref, {type: [..., "null"]}], which no null
    // satisfies (the $ref refuses it): a client validating answers would reject every null.
    const folded: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== "object") return;
      const allOf = (node as { allOf?: { type?: unknown }[] }).allOf;
      if (allOf?.some((part) => Array.isArray(part.type) && part.type.includes("null"))) folded.push(at);
      for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
    };
    walk((await call("GET", "/v1/openapi.json")).body, "#");
    expect(folded).toEqual([]);
  });

  it("documents every route of the contract, with problem answers", async () => {
    const res = await call("GET", "/v1/openapi.json");
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe("3.1.0");
    const paths = Object.keys(res.body.paths);
    for (const path of [
      "/v1/studios",
      "/v1/sessions/{slug}",
      "/v1/sessions/{slug}/holds",
      "/v1/holds/{id}/extend",
      "/v1/holds/{id}",
      "/v1/holds/{id}/booking",
      "/v1/bookings/{token}",
      "/v1/bookings/{token}/confirm",
      "/v1/admin/session-types",
      "/v1/admin/session-types/{id}",
      "/v1/admin/clients",
      "/v1/admin/clients/{id}",
      "/v1/admin/sessions",
      "/v1/admin/sessions/{id}",
      "/v1/admin/sessions/{id}/client",
      "/v1/admin/sessions/{id}/confirmation-request",
      "/v1/admin/sessions/{id}/spots",
      "/v1/admin/spots/{id}/reservation",
      "/v1/admin/bookings/{id}",
      "/v1/admin/sessions/{id}/payment-reminders",
    ]) {
      expect(paths, path).toContain(path);
    }
    expect(res.body.components.schemas.Problem).toBeDefined();
    expect(res.body.paths["/v1/sessions/{slug}/holds"].post.responses["409"]).toBeDefined();
  });

  it("is rendered at /docs by Scalar's reference, a static page whose scripts are all this origin's files", async () => {
    // Made at build time (worker/http/docs.ts) and served by Workers Assets before the Worker runs.
    const res = await env.ASSETS.fetch("https://spotbook.test/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await res.text();
    expect(html).toContain('<script src="/docs/scalar.js"></script>');
    expect(html).toContain('<script src="/docs/start.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/);
    // Nothing on the page points at another host: no CDN, no fonts, no telemetry.
    expect(html).not.toMatch(/https?:\/\//);
    const start = await env.ASSETS.fetch("https://spotbook.test/docs/start.js");
    expect(start.headers.get("content-type")).toMatch(/javascript/);
    const config = await start.text();
    expect(config).toContain('"url": "/v1/openapi.json"');
    expect(config).toContain('"telemetry": false');
    expect(config).not.toMatch(/https?:\/\//);
    const script = await env.ASSETS.fetch("https://spotbook.test/docs/scalar.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toMatch(/javascript/);
    expect((await script.text()).length).toBeGreaterThan(1_000_000);
  });
});

type Media = { schema?: unknown; example?: unknown };
type Operation = {
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
};

/**
 * The docs page shows, and "Try it" sends, each operation's examples: every request body and every
 * answer has one, and each is an instance of the schema beside it (checked by ajv against the served
 * document, refs and formats included), so no example teaches an integrator a shape the API refuses
 * or never answers.
 */
describe("the OpenAPI document's examples", () => {
  it("are given for every request body and every answer, and match their own schemas", async () => {
    const doc = (await call("GET", "/v1/openapi.json")).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(doc, "openapi");
    const pointer = (...parts: string[]) =>
      parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
    const checked: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, op] of Object.entries(operations)) {
        const media = [
          ...Object.entries(op.requestBody?.content ?? {}).map(([type, m]) => ({
            where: ["requestBody", "content", type],
            m,
          })),
          ...Object.entries(op.responses).flatMap(([status, r]) =>
            Object.entries(r.content ?? {}).map(([type, m]) => ({
              where: ["responses", status, "content", type],
              m,
            })),
          ),
        ];
        for (const { where, m } of media) {
          const what = `${method.toUpperCase()} ${path} ${where.join(" ")}`;
          expect(m.example, `${what}: example`).toBeDefined();
          const validate = ajv.getSchema(`openapi#/${pointer("paths", path, method, ...where, "schema")}`);
          expect(validate?.(m.example), `${what}: ${JSON.stringify(validate?.errors)}`).toBe(true);
          checked.push(what);
        }
      }
    }
    expect(checked.length).toBeGreaterThan(100);
    // ajv compiles a validator per schema: seconds on a loaded machine.
  }, 120_000);
});

describe("the Worker's zod", () => {
  it("carries no JSON Schema converter, yet keeps what validation reads", async () => {
    // Through "zod" as the Worker imports it (worker/zod.ts, worker/zod-json-schema.ts).
    const { z } = await import("zod");
    const name = z.string().min(1).max(200);
    expect(() => name.toJSONSchema()).toThrow(/left out of the Worker/);
    expect([name.minLength, name.maxLength]).toEqual([1, 200]);
    expect(name.safeParse("").success).toBe(false);
    expect(z.string().email().format).toBe("email");
  });
});

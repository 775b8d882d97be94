import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, nextMonthDay } from "../dates.ts";
import { tokens, workerOrigin } from "./support.ts";

/**
 * The served OpenAPI document against the Worker's real answers, checked by validators nobody
 * here wrote: the document must be valid OpenAPI 3.1, and every answer below must have its
 * status documented and its body match the documented schema.
 */
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
};

let doc: Doc;
let ajv: InstanceType<typeof Ajv2020>;

beforeAll(async () => {
  doc = (await (await fetch(`${workerOrigin()}/v1/openapi.json`)).json()) as Doc;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(doc, "openapi");
});

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** Calls the Worker and checks the answer against the document's entry for `template`. */
async function answer(
  method: string,
  template: string,
  path: string,
  init: { body?: unknown; token?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${workerOrigin()}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const status = String(res.status);
  const documented = doc.paths[template]?.[method.toLowerCase()]?.responses?.[status];
  expect(
    documented,
    `${method} ${template} answers ${status}, which the document does not list`,
  ).toBeDefined();
  const type = (res.headers.get("content-type") ?? "").split(";")[0] ?? "";
  const text = await res.text();
  const body = text ? JSON.parse(text) : undefined;
  if (documented?.content) {
    expect(Object.keys(documented.content), `${method} ${template} ${status} content type`).toContain(type);
    const ref = `openapi#/${pointer("paths", template, method.toLowerCase(), "responses", status, "content", type, "schema")}`;
    const validate = ajv.getSchema(ref);
    expect(validate, ref).toBeDefined();
    const valid = validate?.(body);
    expect(validate?.errors ?? [], `${method} ${template} ${status}`).toEqual([]);
    expect(valid).toBe(true);
  }
  return { status: res.status, body };
}

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe("real answers match the document", () => {
  it("across a visitor's booking, the photographer's admin and the errors", async () => {
    const admin = tokens().DEMO_ADMIN_TOKEN;
    const session = await answer("GET", "/v1/sessions/{slug}", "/v1/sessions/lighting-workshop");
    await answer("GET", "/v1/sessions/{slug}", "/v1/sessions/no-such-session");
    const spot = session.body.spots.find((s: { available: boolean }) => s.available);
    const hold = await answer("POST", "/v1/sessions/{slug}/holds", "/v1/sessions/lighting-workshop/holds", {
      body: { spotId: spot.id },
    });
    await answer("POST", "/v1/sessions/{slug}/holds", "/v1/sessions/lighting-workshop/holds", {
      body: { spotId: 42 },
    });
    const { id, token } = hold.body.hold;
    await answer("POST", "/v1/holds/{id}/extend", `/v1/holds/${id}/extend`, { token });
    const booking = await answer("POST", "/v1/holds/{id}/booking", `/v1/holds/${id}/booking`, {
      token,
      body: { client: { name: "Contract Tester", email: "contract@example.com" } },
    });
    await answer("GET", "/v1/bookings/{token}", `/v1/bookings/${booking.body.booking.token}`);
    await answer(
      "POST",
      "/v1/bookings/{token}/confirm",
      `/v1/bookings/${booking.body.booking.token}/confirm`,
      {
        body: {},
      },
    );

    await answer("GET", "/v1/admin/sessions", "/v1/admin/sessions", { token: admin });
    await answer("GET", "/v1/admin/sessions", "/v1/admin/sessions", { token: "wrong" });
    const types = await answer("GET", "/v1/admin/session-types", "/v1/admin/session-types", { token: admin });
    await answer("GET", "/v1/admin/clients", "/v1/admin/clients?q=a", { token: admin });
    await answer("GET", "/v1/admin/studio", "/v1/admin/studio", { token: admin });
    const multi = types.body.sessionTypes.find(
      (t: { classification: string }) => t.classification === "multi",
    );
    const date = nextMonthDay("05-01");
    const created = await answer("POST", "/v1/admin/sessions", "/v1/admin/sessions", {
      token: admin,
      body: {
        classification: "multi",
        name: "Contract minis",
        sessionTypeId: multi.id,
        date,
        time: "09:00",
        spots: 2,
      },
    });
    await answer("POST", "/v1/admin/sessions", "/v1/admin/sessions", {
      token: admin,
      body: {
        classification: "multi",
        name: "",
        sessionTypeId: multi.id,
        date: "2027-02-30",
        time: "25:00",
        spots: 0,
      },
    });
    const sessionId = created.body.session.id;
    await answer("GET", "/v1/admin/sessions/{id}", `/v1/admin/sessions/${sessionId}`, { token: admin });
    await answer("POST", "/v1/admin/sessions/{id}/spots", `/v1/admin/sessions/${sessionId}/spots`, {
      token: admin,
      body: { date: addDays(date, 1), time: "10:00", spots: 1 },
    });
    const reserved = await answer(
      "POST",
      "/v1/admin/spots/{id}/reservation",
      `/v1/admin/spots/${created.body.session.spots[0].id}/reservation`,
      { token: admin, body: { client: { name: "Reserved Client", email: "reserved@example.com" } } },
    );
    await answer(
      "POST",
      "/v1/admin/sessions/{id}/payment-reminders",
      `/v1/admin/sessions/${sessionId}/payment-reminders`,
      {
        token: admin,
      },
    );
    await answer("DELETE", "/v1/admin/bookings/{id}", `/v1/admin/bookings/${reserved.body.booking.id}`, {
      token: admin,
    });
  });
});

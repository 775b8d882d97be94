import { beforeAll, describe, expect, it } from "vitest";
import { newStudio, tokens, workerOrigin } from "./support.ts";

/**
 * The Worker as built keeps of each route only what validates (worker/documented.d.ts): the
 * worker tests run the routes with their documentation, so only here does a request meet the
 * bundle a deployment runs. Every operation the served document lists is sent the bad input its
 * request schemas refuse, and must answer the 422 the document promises.
 */
type Parameter = { name: string; in: "path" | "query" | "header" };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, unknown> };
  security?: Record<string, unknown>[];
  responses: Record<string, unknown>;
};

const goodPath: Record<string, string> = {
  id: "3d1f6c2e-8a4b-4f0e-9c7d-2b5a1e6f8c90",
  spotId: "e2b7d4c9-0f1a-4e6c-9b8d-3a5f7c1e0d46",
  token: "sbk_no_such_token",
  slug: "no-such-session",
};
// Longer than any path or query parameter may be (ids 64, tokens 100, slugs 80, lang and q 200).
const tooLong = "a".repeat(300);

let operations: { method: string; path: string; op: Operation }[] = [];
let adminToken = "";

beforeAll(async () => {
  const doc = (await (await fetch(`${workerOrigin()}/v1/openapi.json`)).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
  adminToken = await newStudio("Validation Studio");
});

function bearer(op: Operation): Record<string, string> {
  const scheme = Object.keys(op.security?.[0] ?? {})[0];
  if (scheme === "adminToken") return { authorization: `Bearer ${adminToken}` };
  if (scheme === "operatorToken") return { authorization: `Bearer ${tokens().OPERATOR_TOKEN}` };
  return {};
}

async function send(method: string, url: string, op: Operation, body?: string) {
  const res = await fetch(`${workerOrigin()}${url}`, {
    method,
    headers: { ...bearer(op), ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    code: text.startsWith("{") ? (JSON.parse(text) as { code?: string }).code : text,
  };
}

const filled = (path: string, replace: (name: string) => string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(replace(name)));

describe("the API as built, its routes without the document's text", () => {
  it("refuses a JSON body that is not its object on every operation that reads one", async () => {
    const answers: string[] = [];
    for (const { method, path, op } of operations) {
      if (!op.requestBody?.content["application/json"]) continue;
      const res = await send(
        method,
        filled(path, (name) => goodPath[name] ?? name),
        op,
        '"not an object"',
      );
      answers.push(`${method} ${path} ${res.status} ${res.code}`);
      expect(op.responses["422"], `${method} ${path}: 422 documented`).toBeDefined();
    }
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => !a.endsWith(" 422 validation_failed"))).toEqual([]);
  });

  it("refuses a path or query parameter over its length on every operation that takes one", async () => {
    const answers: string[] = [];
    for (const { method, path, op } of operations) {
      for (const param of op.parameters ?? []) {
        if (param.in === "header") continue;
        const url =
          param.in === "path"
            ? filled(path, (name) => (name === param.name ? tooLong : (goodPath[name] ?? name)))
            : `${filled(path, (name) => goodPath[name] ?? name)}?${param.name}=${tooLong}`;
        // Parameters are checked before the body, so any JSON object will do for one.
        const body = op.requestBody ? "{}" : undefined;
        const res = await send(method, url, op, body);
        answers.push(`${method} ${path} ${param.name} ${res.status} ${res.code}`);
        expect(op.responses["422"], `${method} ${path}: 422 documented`).toBeDefined();
      }
    }
    expect(answers.length).toBeGreaterThan(50);
    expect(answers.filter((a) => !a.endsWith(" 422 validation_failed"))).toEqual([]);
  });
});

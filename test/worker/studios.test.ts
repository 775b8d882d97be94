import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../worker/domain/tokens.ts";
import { call, newStudio, operatorToken } from "./support.ts";

describe("POST /v1/studios", () => {
  it("creates a studio and answers its admin token once, keeping only its hash", async () => {
    const { studio, token } = await newStudio({ slug: "juniper-pine" });
    expect(studio).toMatchObject({
      slug: "juniper-pine",
      timeZone: "America/New_York",
      currency: "USD",
      holdMinutes: 15,
    });
    expect(token).toMatch(/^sbk_admin_[A-Za-z0-9_-]{32}$/);
    const stored = await env.DB.prepare("SELECT token_hash FROM admin_tokens WHERE studio_id = ?")
      .bind(studio.id)
      .first<{ token_hash: string }>();
    expect(stored?.token_hash).toBe(await sha256(token));
    const dump = JSON.stringify(await env.DB.prepare("SELECT * FROM admin_tokens").all());
    expect(dump).not.toContain(token);
  });

  it("lets the new token call the admin API", async () => {
    const { token } = await newStudio();
    expect((await call("GET", "/v1/admin/clients", { token })).status).toBe(200);
  });

  it("refuses callers without the operator token", async () => {
    const body = { name: "X", timeZone: "UTC", currency: "USD", allowedOrigins: [] };
    const none = await call("POST", "/v1/studios", { body });
    const wrong = await call("POST", "/v1/studios", { body, token: "nope" });
    expect(none.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    expect(none.body.code).toBe("unauthorized");
  });

  it("answers 409 already_exists for a taken slug", async () => {
    await newStudio({ slug: "taken" });
    const res = await call("POST", "/v1/studios", {
      token: operatorToken(),
      body: { name: "Other", slug: "taken", timeZone: "UTC", currency: "EUR", allowedOrigins: [] },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "already_exists", errors: [{ path: "slug" }] });
  });

  it("refuses an unknown time zone, a bad currency, a malformed locale and an origin with a path", async () => {
    const res = await call("POST", "/v1/studios", {
      token: operatorToken(),
      body: {
        name: "X",
        timeZone: "Mars/Olympus",
        currency: "usd",
        allowedOrigins: ["https://a.example/page"],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe("validation_failed");
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "allowedOrigins.0",
      "currency",
      "timeZone",
    ]);
    const locale = await call("POST", "/v1/studios", {
      token: operatorToken(),
      body: { name: "X", timeZone: "UTC", currency: "EUR", locale: "123", allowedOrigins: [] },
    });
    expect(locale.body.errors).toEqual([
      { path: "locale", message: "Use a language tag such as en-US or fr-CA." },
    ]);
  });
});

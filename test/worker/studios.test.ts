import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../worker/domain/tokens.ts";
import { Browser, field, password, signedInStudio } from "./admin-browser.ts";
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

describe("sign-in emails are unique across the deployment", () => {
  const taken = {
    code: "email_taken",
    errors: [{ path: "email", message: "Another studio signs in with this email; choose another." }],
  };
  const emailOf = async (id: string) =>
    (
      await env.DB.prepare("SELECT email FROM studios WHERE id = ?")
        .bind(id)
        .first<{ email: string | null }>()
    )?.email;
  /** Signs in through the page; answers its status (303 in, 401 refused). */
  const signInStatus = async (email: string, typed = password) => {
    const browser = new Browser();
    await browser.get("/admin/sign-in");
    return (await browser.post("/admin/sign-in", { email, password: typed })).status;
  };
  /** The email in a random mix of cases, maybe with spaces around it. */
  const spelled = (email: string) =>
    fc
      .tuple(fc.array(fc.boolean(), { minLength: email.length, maxLength: email.length }), fc.boolean())
      .map(([upper, padded]) => {
        const cased = [...email].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join("");
        return padded ? `  ${cased}\t` : cased;
      });

  it("refuses PATCH /v1/admin/studio taking another studio's email (any case) with 409; the owner still signs in", async () => {
    const a = await signedInStudio();
    const b = await newStudio({ name: "Mallory Photo" });
    const res = await call("PATCH", "/v1/admin/studio", {
      token: b.token,
      body: { email: a.email.toUpperCase(), name: "Renamed" },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({ ...taken, status: 409 });
    // Nothing of the refused change was kept, and A's email is still A's.
    const after = await call("GET", "/v1/admin/studio", { token: b.token });
    expect(after.body.studio).toMatchObject({ name: "Mallory Photo" });
    expect(await emailOf(b.studio.id)).toBeNull();
    expect(await emailOf(a.studio.id)).toBe(a.email);
    expect(await signInStatus(a.email)).toBe(303);
  });

  it("refuses every spelling of a taken email, through PATCH and POST alike (generated)", async () => {
    const a = await signedInStudio();
    const b = await newStudio();
    await fc.assert(
      fc.asyncProperty(spelled(a.email), fc.boolean(), async (email, viaPatch) => {
        const res = viaPatch
          ? await call("PATCH", "/v1/admin/studio", { token: b.token, body: { email } })
          : await call("POST", "/v1/studios", {
              token: operatorToken(),
              body: { name: "Copycat", email, timeZone: "UTC", currency: "USD", allowedOrigins: [] },
            });
        expect(res.status, email).toBe(409);
        expect(res.body).toMatchObject(taken);
      }),
      { numRuns: 20 },
    );
    expect(await emailOf(a.studio.id)).toBe(a.email);
    expect(await emailOf(b.studio.id)).toBeNull();
    expect(await signInStatus(a.email)).toBe(303);
  });

  it("refuses POST /v1/studios with a taken email as email_taken, and a taken slug still as already_exists", async () => {
    const a = await signedInStudio({ slug: `owner-${crypto.randomUUID().slice(0, 8)}` });
    const body = { name: "Other", timeZone: "UTC", currency: "EUR", allowedOrigins: [] };
    const email = await call("POST", "/v1/studios", {
      token: operatorToken(),
      body: { ...body, email: a.email.replace("owner", "OWNER") },
    });
    expect(email.status).toBe(409);
    expect(email.body).toMatchObject(taken);
    const slug = await call("POST", "/v1/studios", {
      token: operatorToken(),
      body: { ...body, slug: a.studio.slug, email: `fresh+${crypto.randomUUID().slice(0, 8)}@example.com` },
    });
    expect(slug.status).toBe(409);
    expect(slug.body).toMatchObject({ code: "already_exists", errors: [{ path: "slug" }] });
    // A studio created with a free email keeps it.
    const free = `new+${crypto.randomUUID().slice(0, 8)}@example.com`;
    const created = await call("POST", "/v1/studios", {
      token: operatorToken(),
      body: { ...body, email: free.toUpperCase() },
    });
    expect(created.status).toBe(201);
    expect(await emailOf(created.body.studio.id)).toBe(free);
  });

  it("lets a studio keep its own email, and any number of studios have none", async () => {
    const a = await signedInStudio();
    const same = await call("PATCH", "/v1/admin/studio", { token: a.token, body: { email: a.email } });
    expect(same.status).toBe(200);
    const b = await newStudio();
    const c = await newStudio();
    for (const { token } of [b, c]) {
      expect((await call("PATCH", "/v1/admin/studio", { token, body: { email: null } })).status).toBe(200);
    }
    expect(await signInStatus(a.email)).toBe(303);
  });

  it("gives a contested email to exactly one studio when many ask at once", async () => {
    const email = `contested+${crypto.randomUUID().slice(0, 8)}@example.com`;
    const studios = await Promise.all(Array.from({ length: 6 }, () => newStudio()));
    const patched = await Promise.all(
      studios.map(({ token }) => call("PATCH", "/v1/admin/studio", { token, body: { email } })),
    );
    expect(patched.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    for (const r of patched.filter((r) => r.status === 409)) expect(r.body).toMatchObject(taken);
    const created = await Promise.all(
      Array.from({ length: 4 }, () =>
        call("POST", "/v1/studios", {
          token: operatorToken(),
          body: {
            name: "Race",
            email: `race+${email}`,
            timeZone: "UTC",
            currency: "USD",
            allowedOrigins: [],
          },
        }),
      ),
    );
    expect(created.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
  });

  it("refuses set-up with the admin token taking another studio's sign-in email", async () => {
    const a = await signedInStudio();
    const b = await newStudio();
    const browser = new Browser();
    await browser.get("/admin/setup");
    const res = await browser.post("/admin/setup", {
      adminToken: b.token,
      email: a.email.toUpperCase(),
      password,
      confirmPassword: password,
    });
    expect(res.status).toBe(422);
    expect((await field(res.html, "email")).error).toBe(
      "Another studio signs in with this email; choose another.",
    );
    expect(await emailOf(b.studio.id)).toBeNull();
    expect(await signInStatus(a.email)).toBe(303);
  });

  it("documents 409 on PATCH /v1/admin/studio", async () => {
    const doc = await call("GET", "/v1/openapi.json");
    expect(Object.keys(doc.body.paths["/v1/admin/studio"].patch.responses)).toContain("409");
  });
});

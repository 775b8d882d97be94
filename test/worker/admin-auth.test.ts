import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../worker/domain/tokens.ts";
import { Browser, password, signedInStudio, texts } from "./admin-browser.ts";
import { newStudio } from "./support.ts";

const studioRow = (id: string) =>
  env.DB.prepare("SELECT email, password_hash, failed_logins, locked_until FROM studios WHERE id = ?")
    .bind(id)
    .first<{ email: string; password_hash: string; failed_logins: number; locked_until: number | null }>();

const loginCount = async (studioId: string) =>
  (
    await env.DB.prepare("SELECT count(*) AS n FROM admin_logins WHERE studio_id = ?").bind(studioId).first<{
      n: number;
    }>()
  )?.n;

async function signIn(email: string, typed: string) {
  const browser = new Browser();
  await browser.get("/admin/sign-in");
  const res = await browser.post("/admin/sign-in", { email, password: typed });
  return { browser, res, message: (await texts(res.html, ".error-summary p"))[0] };
}

describe("first-run set-up", () => {
  it("takes the admin token, stores a PBKDF2 hash and signs the photographer in", async () => {
    const { studio, token } = await newStudio();
    const browser = new Browser();
    const page = await browser.get("/admin/setup");
    expect(page.status).toBe(200);
    expect(await texts(page.html, "h1")).toEqual(["Set up sign-in"]);
    const res = await browser.post("/admin/setup", {
      adminToken: token,
      email: "Owner@Juniper.example",
      password,
      confirmPassword: password,
    });
    expect(res.status).toBe(303);
    // The first screen is the day's: the Today dashboard.
    expect(res.location).toBe("/admin?done=signed-up");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^spotbook_admin=sbk_login_/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
    const row = await studioRow(studio.id);
    expect(row?.email).toBe("owner@juniper.example");
    expect(row?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(row?.password_hash).not.toContain(password);
    const today = await browser.get("/admin?done=signed-up");
    expect(today.status).toBe(200);
    expect(await texts(today.html, "h1")).toEqual(["Today"]);
    expect(await texts(today.html, "title")).toEqual(["Today · Spotbook"]);
    expect(await texts(today.html, ".notice")).toEqual(["Your sign-in is set up. Welcome!"]);
  });

  it("refuses a token that is no studio's, keeping the typed email but not the secrets", async () => {
    const browser = new Browser();
    await browser.get("/admin/setup");
    const res = await browser.post("/admin/setup", {
      adminToken: "sbk_admin_not-a-real-token",
      email: "someone@example.com",
      password,
      confirmPassword: password,
    });
    expect(res.status).toBe(422);
    expect(await texts(res.html, "#f-adminToken-error")).toEqual([
      "Error: This is not a studio's admin token.",
    ]);
    expect(res.html).toContain('value="someone@example.com"');
    expect(res.html).not.toContain(password);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("asks for matching passwords of at least 10 characters", async () => {
    const { token } = await newStudio();
    const browser = new Browser();
    await browser.get("/admin/setup");
    const res = await browser.post("/admin/setup", {
      adminToken: token,
      email: "owner@example.com",
      password: "short",
      confirmPassword: "different",
    });
    expect(res.status).toBe(422);
    expect(await texts(res.html, "#f-password-error")).toEqual(["Error: Use at least 10 characters."]);
    expect(await texts(res.html, "#f-confirmPassword-error")).toEqual([
      "Error: The two passwords are not the same.",
    ]);
  });

  it("sets a new password with the admin token, signing out every other browser", async () => {
    const { browser, studio, token, email } = await signedInStudio();
    const again = new Browser();
    await again.get("/admin/setup");
    const res = await again.post("/admin/setup", {
      adminToken: token,
      email,
      password: "a brand new passphrase",
      confirmPassword: "a brand new passphrase",
    });
    expect(res.status).toBe(303);
    expect(await loginCount(studio.id)).toBe(1);
    expect((await browser.get("/admin/sessions")).location).toBe("/admin/sign-in");
    expect((await signIn(email, password)).res.status).toBe(401);
    expect((await signIn(email, "a brand new passphrase")).res.status).toBe(303);
  });
});

describe("sign-in", () => {
  it("sends a browser that is not signed in to the sign-in page", async () => {
    const res = await new Browser().get("/admin/sessions");
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin/sign-in");
  });

  it("signs in with the email and password, keeping only the cookie token's hash", async () => {
    const { studio, email } = await signedInStudio();
    const { browser, res } = await signIn(email.toUpperCase(), password);
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin");
    const token = browser.cookie?.split("=")[1] ?? "";
    const stored = await env.DB.prepare(
      "SELECT token_hash, expires_at FROM admin_logins WHERE token_hash = ?",
    )
      .bind(await sha256(token))
      .first<{ token_hash: string; expires_at: number }>();
    expect(stored?.expires_at).toBeGreaterThan(Date.now() + 11 * 3600_000);
    expect(
      await env.DB.prepare("SELECT 1 FROM admin_logins WHERE token_hash = ?").bind(token).first(),
    ).toBeNull();
    const page = await browser.get("/admin/sessions");
    expect(page.status).toBe(200);
    expect(await texts(page.html, ".brand")).toEqual([studio.name]);
  });

  it("answers a wrong password and an unknown email with the same words", async () => {
    const { email } = await signedInStudio();
    const wrong = await signIn(email, "not the password");
    const unknown = await signIn("nobody@example.com", "not the password");
    expect(wrong.res.status).toBe(401);
    expect(unknown.res.status).toBe(401);
    expect(wrong.message).toBe("That email and password do not match.");
    expect(unknown.message).toBe(wrong.message);
    expect(wrong.res.headers.get("set-cookie")).toBeNull();
    expect(wrong.res.html).toContain(`value="${email}"`);
  });

  it("throttles the connection for 15 minutes after 5 failed attempts, even with the right password", async () => {
    const { studio, email } = await signedInStudio();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await signIn(email, `wrong ${attempt}`)).res.status).toBe(401);
    }
    const fifth = await signIn(email, "wrong 5");
    expect(fifth.res.status).toBe(429);
    expect(fifth.message).toBe("Too many attempts from this connection; try again in 15 minutes.");
    const right = await signIn(email, password);
    expect(right.res.status).toBe(429);
    expect(right.message).toBe(fifth.message);
    expect(right.res.headers.get("set-cookie")).toBeNull();
    // Counted in rate_limits by the email's hash and the connection (no address here: "unknown").
    const key = `sign-in:${await sha256(email)}:unknown`;
    const counter = () =>
      env.DB.prepare("SELECT count, reset_at FROM rate_limits WHERE key = ?")
        .bind(key)
        .first<{ count: number; reset_at: number }>();
    expect((await counter())?.reset_at).toBeGreaterThan(Date.now() + 14 * 60_000);
    // The studio's own failed_logins and locked_until columns are no longer used.
    expect(await studioRow(studio.id)).toMatchObject({ failed_logins: 0, locked_until: null });

    await env.DB.prepare("UPDATE rate_limits SET reset_at = ? WHERE key = ?")
      .bind(Date.now() - 1, key)
      .run();
    expect((await signIn(email, password)).res.status).toBe(303);
    expect(await counter()).toBeNull();
  });

  it("throttles an unknown email the same way, so the throttle tells nothing about who exists", async () => {
    const email = `ghost+${crypto.randomUUID().slice(0, 8)}@example.com`;
    const answers = [];
    for (let attempt = 1; attempt <= 6; attempt++) answers.push((await signIn(email, "guess")).res.status);
    expect(answers).toEqual([401, 401, 401, 401, 429, 429]);
  });
});

describe("sign-out", () => {
  it("deletes the login, clears the cookie, and the old cookie opens nothing", async () => {
    const { browser, studio } = await signedInStudio();
    await browser.get("/admin/sessions");
    const oldCookie = browser.cookie;
    const res = await browser.post("/admin/sign-out");
    expect(res.status).toBe(303);
    expect(res.location).toBe("/admin/sign-in");
    expect(res.headers.get("set-cookie")).toMatch(/spotbook_admin=;.*Max-Age=0/);
    expect(await loginCount(studio.id)).toBe(0);
    const replay = new Browser();
    replay.cookie = oldCookie;
    expect((await replay.get("/admin/sessions")).location).toBe("/admin/sign-in");
  });
});

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, nextMonthDay } from "../dates.ts";
import { Browser, field, idIn, signedInStudio, texts } from "./admin-browser.ts";
import { call, newClient, newSession, newSessionType } from "./support.ts";

const clientNames = async (token: string) =>
  (await call("GET", "/v1/admin/clients", { token })).body.clients.map((c: { name: string }) => c.name);

describe("CSRF", () => {
  it("refuses a form without the login's token, or with a wrong one", async () => {
    const { browser, token } = await signedInStudio();
    await browser.get("/admin/clients/new");
    const fields = { name: "Mallory", email: "mallory@example.com" };
    const missing = await browser.post("/admin/clients/new", { ...fields, _csrf: "" });
    expect(missing.status).toBe(403);
    expect(await texts(missing.html, "h1")).toEqual(["This form was refused"]);
    const wrong = await browser.post("/admin/clients/new", { ...fields, _csrf: "sbk_csrf_guessed" });
    expect(wrong.status).toBe(403);
    expect(await clientNames(token)).toEqual([]);
    expect((await browser.post("/admin/clients/new", fields)).status).toBe(303);
  });

  it("refuses a form sent from another origin, even with the right token", async () => {
    const { browser, token } = await signedInStudio();
    await browser.get("/admin/clients/new");
    const res = await browser.post(
      "/admin/clients/new",
      { name: "Mallory", email: "mallory@example.com" },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(await clientNames(token)).toEqual([]);
  });

  it("refuses a sign-in posted from another origin", async () => {
    const { email } = await signedInStudio();
    const res = await new Browser().post(
      "/admin/sign-in",
      { email, password: "correct horse battery" },
      { origin: "https://evil.example" },
    );
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("refuses to sign out without the token, so a foreign page cannot sign the photographer out", async () => {
    const { browser } = await signedInStudio();
    await browser.get("/admin/sessions");
    expect((await browser.post("/admin/sign-out", { _csrf: "" })).status).toBe(403);
    expect((await browser.get("/admin/sessions")).status).toBe(200);
  });
});

describe("one studio's pages", () => {
  it("cannot open or change another studio's sessions, spots, bookings, clients, types or mail", async () => {
    const other = await signedInStudio({ name: "Other Studio" });
    const type = await newSessionType(other.token);
    const client = await newClient(other.token, { name: "Their Client" });
    const date = nextMonthDay("10-16");
    const session = await newSession(other.token, {
      classification: "multi",
      name: "Their Minis",
      sessionTypeId: type.id,
      date,
      time: "09:00",
      spots: 2,
    });
    const [free, taken] = session.spots;
    const reserved = await call("POST", `/v1/admin/spots/${taken.id}/reservation`, {
      token: other.token,
      body: { clientId: client.id },
    });
    const mailId = idIn(
      (await other.browser.get("/admin/mail")).html.match(/\/admin\/mail\/[^"]+/)?.[0] ?? null,
      "/admin/mail",
    );

    const { browser } = await signedInStudio();
    await browser.get("/admin/sessions");
    const pages = [
      `/admin/sessions/${session.id}`,
      `/admin/sessions/${session.id}/client`,
      `/admin/sessions/${session.id}/spots`,
      `/admin/sessions/${session.id}/spots/${free.id}`,
      `/admin/sessions/${session.id}/bookings/${reserved.body.booking.id}/cancel`,
      `/admin/clients/${client.id}`,
      `/admin/session-types/${type.id}`,
      `/admin/mail/${mailId}`,
      `/admin/mail/${mailId}/html`,
    ];
    for (const path of pages) expect((await browser.get(path)).status, path).toBe(404);

    const changes: [string, Record<string, string>][] = [
      [`/admin/sessions/${session.id}/spots`, { date: addDays(date, 2), time: "09:00", spots: "1" }],
      [
        `/admin/sessions/${session.id}/spots/${free.id}`,
        { "client.name": "X", "client.email": "x@example.com" },
      ],
      [`/admin/sessions/${session.id}/bookings/${reserved.body.booking.id}/cancel`, {}],
      [`/admin/sessions/${session.id}/payment-reminders`, {}],
      [`/admin/clients/${client.id}`, { name: "Renamed", email: "renamed@example.com" }],
      [
        `/admin/session-types/${type.id}`,
        {
          name: "Renamed",
          classification: "multi",
          durationMinutes: "20",
          breakMinutes: "0",
          paymentReminderDays: "3",
          "packages.0.name": "Mini",
          "packages.0.price": "100",
        },
      ],
    ];
    for (const [path, fields] of changes) expect((await browser.post(path, fields)).status, path).toBe(404);

    const after = await call("GET", `/v1/admin/sessions/${session.id}`, { token: other.token });
    expect(after.body.session.spots).toHaveLength(2);
    expect(after.body.session.spots[1].booking.status).toBe("awaiting_confirmation");
    expect(await clientNames(other.token)).toEqual(["Their Client"]);
  });
});

describe("escaping", () => {
  it("shows a client named <script>alert(1)</script> as text on every page", async () => {
    const { browser, token } = await signedInStudio();
    const evil = "<script>alert(1)</script>";
    await browser.get("/admin/clients/new");
    const refused = await browser.post("/admin/clients/new", { name: evil, email: "not an email" });
    expect((await field(refused.html, "name")).value).toBe(evil);
    const saved = await browser.post("/admin/clients/new", { name: evil, email: "evil@example.com" });
    expect(saved.status).toBe(303);

    const type = await newSessionType(token, { name: `Type ${evil}` });
    const session = await newSession(token, {
      classification: "multi",
      name: `Minis ${evil}`,
      sessionTypeId: type.id,
      date: nextMonthDay("10-16"),
      time: "09:00",
      spots: 1,
    });
    const pages = [
      "/admin/clients",
      "/admin/sessions",
      "/admin/sessions/new",
      "/admin/session-types",
      `/admin/sessions/${session.id}`,
      `/admin/sessions/${session.id}/spots/${session.spots[0].id}`,
    ];
    for (const path of pages) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(200);
      expect(page.html, path).not.toContain(evil);
      expect(page.html, path).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }
  });
});

describe("headers", () => {
  it("serves pages under a strict Content-Security-Policy and never cached", async () => {
    const { browser } = await signedInStudio();
    const page = await browser.get("/admin/sessions");
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(page.headers.get("cache-control")).toBe("no-store");
    // A static asset (widget/vite.config.ts copies it), served before the Worker runs.
    const styles = await env.ASSETS.fetch("https://spotbook.test/admin/admin.css");
    expect(styles.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(styles.headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("answers an unknown admin page with a 404 page", async () => {
    const { browser } = await signedInStudio();
    expect((await browser.get("/admin")).status).toBe(200);
    expect((await browser.get("/admin/")).location).toBe("https://spotbook.test/admin");
    const res = await browser.get("/admin/nowhere");
    expect(res.status).toBe(404);
    expect(await texts(res.html, "h1")).toEqual(["Not found"]);
  });
});

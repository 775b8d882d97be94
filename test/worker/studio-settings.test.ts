import { env } from "cloudflare:workers";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { twinOrigin, typedOrigin } from "../../worker/domain/origins.ts";
import { runScheduledJobs } from "../../worker/jobs/scheduled.ts";
import { field, multiFields, schedule, signedInStudio, texts } from "./admin-browser.ts";
import { bookHeld } from "./payments-support.ts";
import { call, newClient, newSessionType, newStudio, openMultiSession } from "./support.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

describe("PATCH /v1/admin/studio, the new settings", () => {
  it("keeps the sender name, payment instructions, session reminder hours and notices", async () => {
    const { token } = await newStudio();
    const res = await call("PATCH", "/v1/admin/studio", {
      token,
      body: {
        senderName: "Juniper & Pine Photography",
        paymentInstructions: "Pay by Venmo @juniper or cash on the day",
        sessionReminderHours: 48,
        notices: { booked: false },
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.studio).toMatchObject({
      senderName: "Juniper & Pine Photography",
      paymentInstructions: "Pay by Venmo @juniper or cash on the day",
      sessionReminderHours: 48,
      notices: { booked: false, confirmed: true, changed: true, paid: true, refund_needed: true },
    });
    // A later change of one notice keeps the others as they were.
    const again = await call("PATCH", "/v1/admin/studio", { token, body: { notices: { paid: false } } });
    expect(again.body.studio.notices).toMatchObject({ booked: false, paid: false, confirmed: true });
    const cleared = await call("PATCH", "/v1/admin/studio", { token, body: { senderName: null } });
    expect(cleared.body.studio.senderName).toBeNull();
  });

  it("refuses hostile sender names, instructions, hours and notices on their own field, changing nothing", async () => {
    const { token } = await newStudio({ senderName: "Kept" });
    const hostile = fc.oneof(
      fc.record({
        senderName: fc.oneof(
          fc.constant(""),
          fc.string({ minLength: 101, maxLength: 300 }).filter((s) => s.trim().length > 100),
          fc.constantFrom("Eve\r\nBcc: all@example.com", "a\u0000b", "\ud800"),
          fc.integer(),
        ),
      }),
      fc.record({
        paymentInstructions: fc.oneof(
          fc.string({ minLength: 1001, maxLength: 1500 }),
          fc.constant("cash\u0007"),
          fc.constant(null),
        ),
      }),
      fc.record({
        sessionReminderHours: fc.oneof(
          fc.integer({ min: 169 }),
          fc.integer({ max: -1 }),
          fc.double({ min: 0.1, max: 10, noInteger: true }),
          fc.constant("24"),
        ),
      }),
      fc.record({
        notices: fc.oneof(fc.constant({ booked: "no" }), fc.constant({ everything: false }), fc.constant([])),
      }),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (body) => {
        const res = await call("PATCH", "/v1/admin/studio", { token, body });
        expect(res.status).toBe(422);
        const [name] = Object.keys(body);
        expect(res.body.errors[0].path.split(".")[0]).toBe(name);
      }),
      { numRuns: 40 },
    );
    const studio = await call("GET", "/v1/admin/studio", { token });
    expect(studio.body.studio).toMatchObject({
      senderName: "Kept",
      paymentInstructions: "",
      sessionReminderHours: 24,
    });
  });

  it("sends mail from the studio's sender name at MAIL_FROM's address", async () => {
    const { spotIds, token } = await openMultiSession(1);
    await call("PATCH", "/v1/admin/studio", { token, body: { senderName: 'Zoë "Z" Studio' } });
    const client = await newClient(token);
    await call("POST", `/v1/admin/spots/${spotIds[0]}/reservation`, { token, body: { clientId: client.id } });
    const froms: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (_, init) => {
      const body = JSON.parse(String(init?.body));
      if (body.to[0] === client.email) froms.push(body.from);
      return Response.json({ id: "re_1" });
    });
    await runScheduledJobs(
      {
        ...env,
        MAIL_PROVIDER: "resend",
        RESEND_API_KEY: "re_key",
        MAIL_FROM: "Spotbook <bookings@spotbook.example>",
      },
      Date.now(),
    );
    expect(froms).toEqual(["=?UTF-8?B?Wm/DqyAiWiIgU3R1ZGlv?= <bookings@spotbook.example>"]);
  });
});

describe("typed websites", () => {
  it("reads what a photographer types as the origin they mean", () => {
    expect(typedOrigin("www.example.com")).toBe("https://www.example.com");
    expect(typedOrigin("https://example.com/book?x=1")).toBe("https://example.com");
    expect(typedOrigin("http://localhost:5173/")).toBe("http://localhost:5173");
    expect(typedOrigin("javascript:alert(1)")).toBe("javascript:alert(1)");
  });

  it("offers the www and the bare host of each other, but no twin of an address", () => {
    expect(twinOrigin("https://www.example.com")).toBe("https://example.com");
    expect(twinOrigin("https://example.com:8443")).toBe("https://www.example.com:8443");
    expect(twinOrigin("http://localhost:3000")).toBeNull();
    expect(twinOrigin("http://127.0.0.1:3000")).toBeNull();
  });
});

describe("the settings page", () => {
  it("shows the studio's settings and saves them, websites typed loosely, one per line", async () => {
    const { browser, token } = await signedInStudio();
    const page = await browser.get("/admin/settings");
    expect(page.status).toBe(200);
    expect(await texts(page.html, "#f-allowedOrigins")).toEqual(["https://juniper.example"]);
    expect(await texts(page.html, "nav a[aria-current=page]")).toEqual(["Settings"]);
    const res = await browser.post("/admin/settings", {
      name: "Juniper & Pine",
      email: "",
      timeZone: "America/Chicago",
      currency: "usd",
      locale: "en-US",
      allowedOrigins: "www.juniper-photo.example\nhttps://juniper.example/book",
      bookingPageUrl: "",
      holdMinutes: "20",
      maxHoldsPerVisitor: "1",
      sessionReminderHours: "12",
      senderName: "Juniper",
      paymentInstructions: "Venmo @juniper",
      "notices.booked": "on",
      "notices.paid": "on",
    });
    expect(res.status, res.html).toBe(303);
    expect(res.location).toBe("/admin/settings?done=settings-saved");
    const studio = (await call("GET", "/v1/admin/studio", { token })).body.studio;
    expect(studio).toMatchObject({
      timeZone: "America/Chicago",
      currency: "USD",
      allowedOrigins: ["https://www.juniper-photo.example", "https://juniper.example"],
      holdMinutes: 20,
      sessionReminderHours: 12,
      senderName: "Juniper",
      paymentInstructions: "Venmo @juniper",
      notices: { booked: true, confirmed: false, paid: true, refund_needed: false },
    });

    // The bare host of the www site is offered, and one press allows it.
    const saved = await browser.get("/admin/settings?done=settings-saved");
    expect(await texts(saved.html, "form button.secondary")).toEqual([
      "Also allow https://juniper-photo.example",
      "Also allow https://www.juniper.example",
    ]);
    const allowed = await browser.post("/admin/settings/allowed-origins", {
      origin: "https://juniper-photo.example",
    });
    expect(allowed.status).toBe(303);
    expect((await call("GET", "/v1/admin/studio", { token })).body.studio.allowedOrigins).toContain(
      "https://juniper-photo.example",
    );
  });

  it("shows a refused website beside its box, keeping what was typed", async () => {
    const { browser } = await signedInStudio();
    await browser.get("/admin/settings");
    const res = await browser.post("/admin/settings", {
      name: "Juniper",
      timeZone: "America/New_York",
      currency: "USD",
      locale: "en-US",
      holdMinutes: "15",
      maxHoldsPerVisitor: "1",
      sessionReminderHours: "24",
      allowedOrigins: "ftp://files.example",
    });
    expect(res.status).toBe(422);
    expect(await texts(res.html, "#f-allowedOrigins")).toEqual(["ftp://files.example"]);
    expect(await field(res.html, "allowedOrigins")).toMatchObject({ describedByError: true });
  });

  /** The settings form as the page fills it, with `changes` typed over it. */
  const settingsForm = (changes: Record<string, string>) => ({
    name: "Juniper",
    timeZone: "America/New_York",
    currency: "USD",
    locale: "en-US",
    allowedOrigins: "https://juniper.example",
    holdMinutes: "15",
    maxHoldsPerVisitor: "1",
    sessionReminderHours: "24",
    ...changes,
  });

  it("saves the tax rate as a percentage and whether prices include it", async () => {
    const { browser, token } = await signedInStudio();
    const page = await browser.get("/admin/settings");
    expect(await field(page.html, "taxRatePercent")).toMatchObject({ value: "0" });
    expect(page.html).toContain(
      "Added: clients pay the price plus tax. Included: the price already contains it.",
    );
    const res = await browser.post(
      "/admin/settings",
      settingsForm({ taxRatePercent: "8.25", taxInclusive: "added" }),
    );
    expect(res.status, res.html).toBe(303);
    expect((await call("GET", "/v1/admin/studio", { token })).body.studio).toMatchObject({
      taxRateBasisPoints: 825,
      taxInclusive: false,
    });
    const again = await browser.get("/admin/settings");
    expect(await field(again.html, "taxRatePercent")).toMatchObject({ value: "8.25" });
    await browser.post("/admin/settings", settingsForm({ taxRatePercent: "20", taxInclusive: "included" }));
    expect((await call("GET", "/v1/admin/studio", { token })).body.studio).toMatchObject({
      taxRateBasisPoints: 2000,
      taxInclusive: true,
    });
  });

  it("shows a refused tax rate beside its box and saves nothing", async () => {
    const { browser, token } = await signedInStudio();
    await browser.get("/admin/settings");
    const set = await browser.post(
      "/admin/settings",
      settingsForm({ taxRatePercent: "7", taxInclusive: "added" }),
    );
    expect(set.status, set.html).toBe(303);
    // The API's own rules answer, in the photographer's words.
    for (const [taxRatePercent, error] of [
      ["abc", "Enter a percentage such as 8.25, or 0."],
      ["-1", "A rate cannot be negative."],
      ["101", "At most 50 %."],
    ] as const) {
      const res = await browser.post("/admin/settings", settingsForm({ taxRatePercent }));
      expect(await field(res.html, "taxRatePercent")).toMatchObject({ value: taxRatePercent, error });
    }
    const typed = fc.oneof(
      fc.constantFrom("abc", "-1", "101", "8.255", "1e3", "50.01"),
      fc.integer({ min: 51, max: 1e6 }).map(String),
      fc.string().filter((s) => !/^\s*-?\d+(\.\d*)?\s*$/.test(s) && s.trim() !== ""),
    );
    await fc.assert(
      fc.asyncProperty(typed, async (taxRatePercent) => {
        const res = await browser.post(
          "/admin/settings",
          settingsForm({ name: "Changed", taxRatePercent, taxInclusive: "included" }),
        );
        expect(res.status).toBe(422);
        const shown = await field(res.html, "taxRatePercent");
        expect(shown.error).toBeTruthy();
        expect(shown.describedByError).toBe(true);
      }),
      { numRuns: 30 },
    );
    expect((await call("GET", "/v1/admin/studio", { token })).body.studio).toMatchObject({
      name: "Juniper",
      taxRateBasisPoints: 700,
      taxInclusive: false,
    });
  });

  it("warns on a session's embed section when no website is allowed, linking to settings", async () => {
    const { browser, token } = await signedInStudio({ allowedOrigins: [] });
    const type = await newSessionType(token);
    const id = await schedule(browser, multiFields(type.id));
    const page = await browser.get(`/admin/sessions/${id}`);
    expect((await texts(page.html, "p.warning"))[0]).toMatch(/No website is allowed/);
    await call("PATCH", "/v1/admin/studio", { token, body: { allowedOrigins: ["https://juniper.example"] } });
    const allowed = await browser.get(`/admin/sessions/${id}`);
    expect(await texts(allowed.html, "p.warning")).toEqual([]);
    expect(allowed.html).toContain("It works on https://juniper.example");
  });
});

describe("the photographer's notices", () => {
  const notices = (studioId: string) =>
    env.DB.prepare("SELECT kind, recipient, subject FROM emails WHERE studio_id = ? AND kind LIKE 'notice_%'")
      .bind(studioId)
      .all<{ kind: string; recipient: string; subject: string }>()
      .then((r) => r.results);

  it("emails the studio when a visitor books and when a client confirms, each until turned off", async () => {
    const { studio, token, session, spotIds } = await openMultiSession(3);
    await call("PATCH", "/v1/admin/studio", {
      token,
      body: { email: `studio+${studio.id.slice(0, 6)}@example.com` },
    });
    await bookHeld(session.slug, spotIds[0] ?? "", "ann@example.com");
    const client = await newClient(token, { name: "Grace" });
    const reserved = await call("POST", `/v1/admin/spots/${spotIds[1]}/reservation`, {
      token,
      body: { clientId: client.id },
    });
    const link = new URL(reserved.body.confirmationUrl).searchParams.get("spotbook");
    expect((await call("POST", `/v1/bookings/${link}/confirm`, { body: {} })).status).toBe(200);
    expect(await notices(studio.id)).toEqual([
      {
        kind: "notice_booked",
        recipient: `studio+${studio.id.slice(0, 6)}@example.com`,
        subject: expect.stringMatching(/^New booking: .*, Fall Minis$/),
      },
      {
        kind: "notice_confirmed",
        recipient: `studio+${studio.id.slice(0, 6)}@example.com`,
        subject: "Confirmed: Grace, Fall Minis",
      },
    ]);

    await call("PATCH", "/v1/admin/studio", { token, body: { notices: { booked: false } } });
    await bookHeld(session.slug, spotIds[2] ?? "", "bea@example.com");
    expect(await notices(studio.id)).toHaveLength(2);
  });
});

import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import { newStudio, setUpBrowser, shown, workerOrigin } from "./support.ts";

const chromium = useChromium();

/*
 * Running the studio from the admin, without curl: the first screen, a cash payment on a booking,
 * a client's page, a whole session cancelled with its clients emailed, and a link to no session.
 * The studio is this file's own; its rows are made through the API, as the photographer's earlier
 * days would have made them.
 */
const run = Date.now();
let token: string;
let admin: BrowserContext;
let page: Page;
const scriptErrors: string[] = [];

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${workerOrigin()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the API's JSON loosely.
  return { status: res.status, body: (await res.json()) as any };
};

const sessionName = `Harbor Minis ${run}`;
const ada = { name: "Ada Lovelace", email: `ada.${run}@example.com` };
const grace = { name: "Grace Hopper", email: `grace.${run}@example.com` };
let sessionId: string;
let adaId: string;

beforeAll(async () => {
  token = await newStudio(`Harbor Studio ${run}`);
  ({ context: admin, page } = await setUpBrowser(chromium(), token, `harbor.${run}@example.com`));
  page.on("pageerror", (err) => scriptErrors.push(`${page.url()}: ${err.message}`));
  const type = await api("POST", "/v1/admin/session-types", {
    name: "Harbor Mini",
    classification: "multi",
    durationMinutes: 20,
    breakMinutes: 10,
    location: "The old pier",
    packages: [{ name: "Mini", description: "Ten edited photos", priceCents: 15000, depositCents: 5000 }],
  });
  const session = await api("POST", "/v1/admin/sessions", {
    classification: "multi",
    name: sessionName,
    sessionTypeId: type.body.sessionType.id,
    date: inDays(30, "America/New_York"),
    time: "10:00",
    spots: 4,
  });
  sessionId = session.body.session.id;
  for (const [i, client] of [ada, grace].entries()) {
    const reserved = await api("POST", `/v1/admin/spots/${session.body.session.spots[i].id}/reservation`, {
      client,
    });
    expect(reserved.status).toBe(201);
  }
  const clients = await api("GET", `/v1/admin/clients?q=${encodeURIComponent(ada.email)}`);
  adaId = clients.body.clients[0].id;
});
afterAll(() => admin?.close());

describe("the photographer runs the studio from the admin", () => {
  it("opens on Today: the next sessions with booked of total and the reservations waiting", async () => {
    await page.goto(`${workerOrigin()}/admin`);
    await shown(page.getByRole("heading", { name: "Today", level: 1 }));
    const next = page.locator("#next");
    await shown(next.getByRole("row", { name: new RegExp(sessionName) }));
    expect(await next.getByRole("row", { name: new RegExp(sessionName) }).textContent()).toContain("2 of 4");
    expect(await page.locator("#awaiting-client tbody tr").count()).toBe(2);
    await snap(page, "admin-studio-dashboard");
  });

  it("records a cash payment on a booking, and the balances follow", async () => {
    await page.goto(`${workerOrigin()}/admin/sessions/${sessionId}`);
    await page.getByRole("link", { name: /^View Booking at 10:00/ }).click();
    await shown(page.getByRole("heading", { name: `Booking: ${ada.name}` }));
    await page.getByLabel("Amount (USD)").first().fill("40");
    await page.getByLabel("Paid by").selectOption("cash");
    await page.getByLabel("Note").first().fill("Cash at the pier");
    await snap(page, "admin-studio-payment-form");
    await page.getByRole("button", { name: "Record Payment" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The payment is recorded." }));
    expect(await page.locator("#booking-paid").textContent()).toBe("$40.00");
    expect(await page.locator("#booking-balance").textContent()).toBe("$110.00");
    expect(await page.getByRole("row", { name: /Cash at the pier/ }).textContent()).toContain("Cash");

    // More than the balance is refused beside the field.
    await page.getByLabel("Amount (USD)").first().fill("200");
    await page.getByRole("button", { name: "Record Payment" }).click();
    await shown(page.getByText("Only $110.00 is due.").first());

    await page.goto(`${workerOrigin()}/admin/sessions/${sessionId}`);
    const summary = await page.locator("dl.summary").textContent();
    expect(summary).toContain("Paid$40.00");
    expect(summary).toContain("Balance due$260.00");
  });

  it("shows a client's bookings, balance and mail on their page", async () => {
    await page.goto(`${workerOrigin()}/admin/clients/${adaId}`);
    await shown(page.getByRole("heading", { name: ada.name, level: 1 }));
    const bookings = page.locator("section[aria-labelledby=client-bookings] tbody tr");
    expect(await bookings.count()).toBe(1);
    expect(await bookings.first().textContent()).toContain("$110.00");
    await shown(page.getByRole("link", { name: `A spot is reserved for you: ${sessionName}` }));
    await snap(page, "admin-studio-client");
  });

  it("cancels the whole session: each client emailed once, the paid amount listed for refund", async () => {
    await page.goto(`${workerOrigin()}/admin/sessions/${sessionId}`);
    await page.getByRole("link", { name: "Cancel Session" }).click();
    await shown(page.getByRole("heading", { name: "Cancel this session?" }));
    expect(await page.locator("table caption").textContent()).toContain("2 clients are emailed");
    await snap(page, "admin-studio-cancel-session");
    await page.getByRole("button", { name: "Cancel Session" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The session is cancelled" }));
    const refunds = page.locator("section[aria-labelledby=refunds-title] tbody tr");
    expect(await refunds.count()).toBe(1);
    expect(await refunds.first().textContent()).toContain("$40.00");
    await snap(page, "admin-studio-session-cancelled");

    await page.goto(`${workerOrigin()}/admin/mail`);
    for (const client of [ada, grace]) {
      const rows = page
        .getByRole("row")
        .filter({ hasText: `Cancelled: ${sessionName}` })
        .filter({ hasText: client.email });
      await shown(rows);
      expect(await rows.count()).toBe(1);
    }
    await snap(page, "admin-studio-mail-after-cancel");

    const slug = (await api("GET", `/v1/admin/sessions/${sessionId}`)).body.session.slug;
    await page.goto(`${workerOrigin()}/s/${slug}`);
    await shown(page.getByText("This session was cancelled"));
    expect(await page.locator("spotbook-session").count()).toBe(0);
  });

  it("answers a link to no session with a page in the same look, status 404", async () => {
    const answer = await page.goto(`${workerOrigin()}/s/no-such-session-${run}`);
    expect(answer?.status()).toBe(404);
    await shown(page.getByRole("heading", { name: "No session here" }));
    await snap(page, "admin-studio-session-404");
  });

  it("runs the session type pages without a script error", async () => {
    await page.goto(`${workerOrigin()}/admin/session-types/new`);
    await shown(page.getByLabel("Location"));
    await page.goto(`${workerOrigin()}/admin/session-types`);
    await page.getByRole("link", { name: "Harbor Mini" }).first().click();
    await shown(page.getByLabel("Package description").first());
    expect(scriptErrors).toEqual([]);
  });
});

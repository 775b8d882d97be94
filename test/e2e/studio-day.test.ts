import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import { desktop, newStudio, setUpBrowser, shown, siteOrigin, visit, workerOrigin } from "./support.ts";

const chromium = useChromium();

/*
 * Issue 13's proof, as one day of a new photographer's studio: set up, allow their website, write
 * the announcement in their words, announce a session (a client unsubscribes, and the next
 * announcement skips them), visitors book on the allowed site and the photographer is told, a
 * cash payment is recorded, Send Reminder reaches only the booking with a balance due, and the
 * session is cancelled with every client emailed. What other files prove in detail is only walked
 * through here: the settings form and a receipt template (studio-settings.test.ts), a payment's
 * form and the cancel page (admin-studio.test.ts).
 */
const run = Date.now();
let token: string;
let admin: BrowserContext;
let page: Page;

const api = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${workerOrigin()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  // biome-ignore lint/suspicious/noExplicitAny: the test reads the API's JSON loosely.
  return (await res.json()) as any;
};

const harvest = `Harvest Minis ${run}`;
const winter = `Winter Minis ${run}`;
const ada = { name: "Ada Lovelace", email: `ada.${run}@example.com` };
const grace = { name: "Grace Hopper", email: `grace.${run}@example.com` };
const anne = { name: "Anne Shirley", email: `anne.${run}@example.com` };
const diana = { name: "Diana Barry", email: `diana.${run}@example.com` };
let typeId: string;
let harvestId: string;
let harvestSlug: string;
let winterId: string;

/** The rows of the mail viewer with this subject to this address. */
async function mailRows(subject: string, to: string) {
  await page.goto(`${workerOrigin()}/admin/mail`);
  return page.getByRole("row").filter({ hasText: subject }).filter({ hasText: to });
}

async function announce(sessionId: string, expected: string) {
  await page.goto(`${workerOrigin()}/admin/sessions/${sessionId}`);
  await page.getByRole("link", { name: "Announce this session" }).click();
  await shown(page.getByRole("heading", { name: "Announce this session", level: 1 }));
  await shown(page.locator("#audience-count").filter({ hasText: expected }));
}

async function bookOnTheSite(slug: string, who: { name: string; email: string }) {
  const visitor = await visit(chromium(), `/?session=${slug}`);
  await visitor.page.locator("spotbook-session button.spot:not([disabled])").first().click();
  await visitor.page.getByLabel("Name").fill(who.name);
  await visitor.page.getByLabel("Email").fill(who.email);
  await visitor.page.getByRole("button", { name: "Book this time" }).click();
  await shown(visitor.page.getByRole("heading", { name: "You're booked" }));
  await visitor.context.close();
}

beforeAll(async () => {
  // The photographer's earlier days: a session type, two sessions and two clients of theirs.
  token = await newStudio(`Orchard Light ${run}`);
  const type = await api("POST", "/v1/admin/session-types", {
    name: "Orchard Mini",
    classification: "multi",
    durationMinutes: 20,
    breakMinutes: 10,
    location: "The old orchard",
    packages: [{ name: "Mini", priceCents: 15000, depositCents: 0 }],
  });
  typeId = type.sessionType.id;
  const made = async (name: string, days: number) =>
    (
      await api("POST", "/v1/admin/sessions", {
        classification: "multi",
        name,
        sessionTypeId: typeId,
        date: inDays(days, "America/New_York"),
        time: "10:00",
        spots: 4,
      })
    ).session;
  const first = await made(harvest, 30);
  harvestId = first.id;
  harvestSlug = first.slug;
  winterId = (await made(winter, 40)).id;
  for (const client of [ada, grace]) await api("POST", "/v1/admin/clients", client);
});
afterAll(() => admin?.close());

describe("a studio's day, from /admin", () => {
  it("signs in on Today, allows the website and writes the announcement in the photographer's words", async () => {
    ({ context: admin, page } = await setUpBrowser(chromium(), token, `orchard.${run}@example.com`));
    await shown(page.getByRole("heading", { name: "Today", level: 1 }));
    expect(new URL(page.url()).pathname).toBe("/admin");

    await page.goto(`${workerOrigin()}/admin/settings`);
    await page.getByLabel("Websites allowed to show your booking").fill(siteOrigin());
    await page.getByRole("button", { name: "Save Settings" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The settings are saved." }));

    await page.goto(`${workerOrigin()}/admin/settings/emails`);
    await page.getByRole("link", { name: "New Announcement template" }).click();
    await page.getByLabel("Template name").fill("Orchard news");
    await page.getByLabel("Subject").fill("Fresh from the orchard: {{session}}");
    // The photographer drops the unsubscribe link: refused, and put back.
    const body = page.getByLabel("Message");
    const text = await body.inputValue();
    await body.fill(text.replace(/\n\nNo more announcements.*$/, ""));
    await page.getByRole("button", { name: "Save Template" }).click();
    await shown(page.getByText("An announcement must keep {{unsubscribe_link}}").first());
    await body.fill(`${text}\n\nSee you under the apple trees!`);
    await snap(page, "studio-day-1-announcement-template");
    await page.getByRole("button", { name: "Save Template" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The email template is saved." }));

    await page.goto(`${workerOrigin()}/admin/session-types/${typeId}/emails`);
    await page.getByLabel("Announcement").selectOption({ label: "Orchard news" });
    await page.getByRole("button", { name: "Save Emails" }).click();
    await page.waitForURL(/done=emails-chosen/);
  });

  it("announces a session to every client once; one unsubscribes, and the next announcement skips them", async () => {
    await announce(harvestId, "2 clients will receive it. Skipped: 0 already announced, 0 unsubscribed.");
    await snap(page, "studio-day-2-announce");
    await page.getByRole("button", { name: "Send to 2 clients" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The announcement is on its way" }));
    await shown(
      page
        .locator("#audience-count")
        .filter({ hasText: "0 clients will receive it. Skipped: 2 already announced" }),
    );
    expect(await page.locator("tbody tr").count()).toBe(2);
    expect(await page.getByRole("button", { name: "Send to 0 clients" }).isDisabled()).toBe(true);
    await snap(page, "studio-day-3-announced");

    // Ada reads it: the session's link, its price, and a link to stop announcements.
    const received = await mailRows(`Fresh from the orchard: ${harvest}`, ada.email);
    expect(await received.count()).toBe(1);
    await received.getByRole("link").click();
    const mail = (await page.locator("pre.mail").textContent()) ?? "";
    expect(mail).toContain(`See the times and book: ${workerOrigin()}/s/${harvestSlug}`);
    expect(mail).toContain("From $150.00");
    expect(mail).toContain("See you under the apple trees!");
    await snap(page, "studio-day-4-announcement-mail");
    const unsubscribe = /No more announcements from .*: (\S+)/.exec(mail)?.[1] ?? "";
    expect(unsubscribe).toMatch(/\/unsubscribe\/sbk_unsub_/);

    const client = await chromium().newContext({ ...desktop, locale: "en-US" });
    const inbox = await client.newPage();
    await inbox.goto(unsubscribe);
    await shown(inbox.getByRole("heading", { name: /^Stop announcements from Orchard Light/ }));
    await snap(inbox, "studio-day-5-unsubscribe");
    await inbox.getByRole("button", { name: "Unsubscribe" }).click();
    await shown(inbox.getByRole("status").filter({ hasText: "will send you no more announcements" }));
    await snap(inbox, "studio-day-6-unsubscribed");
    await client.close();

    await announce(winterId, "1 client will receive it. Skipped: 0 already announced, 1 unsubscribed.");
    await page.getByRole("button", { name: "Send to 1 client" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The announcement is on its way" }));
    expect(await (await mailRows(`Fresh from the orchard: ${winter}`, grace.email)).count()).toBe(1);
    expect(await (await mailRows(`Fresh from the orchard: ${winter}`, ada.email)).count()).toBe(0);

    const clients = await api("GET", `/v1/admin/clients?q=${encodeURIComponent(ada.email)}`);
    await page.goto(`${workerOrigin()}/admin/clients/${clients.clients[0].id}`);
    await shown(page.getByText("Unsubscribed: sent no announcements"));
  });

  it("takes bookings on the allowed website, tells the photographer, and still emails the unsubscribed client about her booking", async () => {
    await bookOnTheSite(harvestSlug, anne);
    await bookOnTheSite(harvestSlug, diana);
    expect(
      await (await mailRows(`New booking: ${anne.name}, ${harvest}`, `orchard.${run}@example.com`)).count(),
    ).toBe(1);
    const reserved = await api("GET", `/v1/admin/sessions/${harvestId}`);
    const free = reserved.session.spots.find((s: { available: boolean }) => s.available);
    await api("POST", `/v1/admin/spots/${free.id}/reservation`, { client: ada });
    expect(await (await mailRows(`A spot is reserved for you: ${harvest}`, ada.email)).count()).toBe(1);
  });

  it("records Diana's payment in cash, then Send Reminder reaches only Anne, whose balance is due", async () => {
    const details = await api("GET", `/v1/admin/sessions/${harvestId}`);
    const dianas = details.session.spots.find(
      (s: { booking: { client: { email: string } } | null }) => s.booking?.client?.email === diana.email,
    );
    await page.goto(`${workerOrigin()}/admin/bookings/${dianas.booking.id}`);
    await page.getByLabel("Amount (USD)").first().fill("150");
    await page.getByLabel("Paid by").selectOption("cash");
    await page.getByRole("button", { name: "Record Payment" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The payment is recorded." }));
    expect(await page.locator("#booking-balance").textContent()).toBe("$0.00");

    await page.goto(`${workerOrigin()}/admin/sessions/${harvestId}`);
    await page.getByRole("button", { name: "Send Reminder" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The payment reminder is on its way." }));
    await page.goto(`${workerOrigin()}/admin/mail`);
    const reminders = page.getByRole("row").filter({ hasText: `Payment reminder: ${harvest}` });
    await shown(reminders);
    expect((await reminders.allTextContents()).map((r) => r.includes(anne.email))).toEqual([true]);
  });

  it("cancels the session, every client emailed once", async () => {
    await page.goto(`${workerOrigin()}/admin/sessions/${harvestId}`);
    await page.getByRole("link", { name: "Cancel Session" }).click();
    await page.getByRole("button", { name: "Cancel Session" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The session is cancelled" }));
    for (const client of [anne, diana, ada]) {
      expect(await (await mailRows(`Cancelled: ${harvest}`, client.email)).count(), client.email).toBe(1);
    }
    await snap(page, "studio-day-7-mail-after-cancel");
  });
});

import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import { desktop, shown, tokens, visit, workerOrigin } from "./support.ts";

const chromium = useChromium();

/*
 * One photographer's afternoon in the admin, step by step: each test picks up the rows the steps
 * before it made, so they run in order in one signed-in browser. Names and emails are this file's
 * own; other files book on the same database.
 */
const run = Date.now();
const email = `photographer.flow.${run}@example.com`;
const password = "golden hour, ten images";
const studioZone = "America/New_York";

/** How a spots table names its day ("Saturday, March 14, 2026"). */
const dayOf = (date: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone: "UTC",
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(new Date(`${date}T12:00:00Z`));

/** Text with any run of spaces as one plain space (Intl puts a narrow no-break space before AM). */
const plain = (text: string) => text.replace(/\s+/g, " ").trim();

/** When each spot of a day starts and ends, as the photographer reads them. */
async function spotTimes(day: Locator) {
  const cells = (await day.locator("tbody tr td:first-child").allTextContents()).map(plain);
  return { starts: cells.map((c) => c.split(" – ")[0]), ends: cells.map((c) => c.split(" – ")[1]) };
}

/** When the spot in a row starts ("9:30 AM"). */
const startOf = async (row: Locator) =>
  plain((await row.getByRole("cell").first().textContent()) ?? "").split(" – ")[0] ?? "";

/** The row of the spot that starts at `time` ("9:30 AM"). */
const spotAt = (day: Locator, time: string) =>
  day.getByRole("row").filter({ hasText: new RegExp(`^\\s*${time.replace(" ", "\\s")}`) });

const typeName = "Garden Mini Session";
const multiName = "Garden Minis";
const multiDay = inDays(45, studioZone);
const extraDay = inDays(46, studioZone);

let admin: BrowserContext;
let page: Page;

beforeAll(async () => {
  admin = await chromium().newContext({ ...desktop, locale: "en-US" });
  page = await admin.newPage();
});
afterAll(() => admin?.close());

/** Session Date, Session Time and Session Spots: the fields of both forms that make spots. */
async function fillSpots(date: string, time: string, spots: number) {
  await page.getByLabel("Session Date").fill(date);
  await page.getByLabel("Session Time").fill(time);
  await page.getByLabel("Session Spots").fill(String(spots));
}

async function openSession(name: string) {
  await page.goto(`${workerOrigin()}/admin/sessions`);
  await page.getByRole("link", { name, exact: true }).click();
  await shown(page.getByRole("heading", { name, level: 1 }));
}

describe("the photographer manages Booking Sessions in the admin", () => {
  it("sets up sign-in with the studio's admin token and lands on Today", async () => {
    await page.goto(`${workerOrigin()}/admin/setup`);
    await page.getByLabel("Admin token").fill(tokens().DEMO_ADMIN_TOKEN);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByLabel("Confirm password").fill(password);
    await snap(page, "admin-setup");
    await page.getByRole("button", { name: "Save and sign in" }).click();
    await shown(page.getByRole("status").filter({ hasText: "Your sign-in is set up. Welcome!" }));
    await shown(page.getByRole("heading", { name: "Today", level: 1 }));
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Booking Sessions" })
      .click();
    await shown(page.getByRole("heading", { name: "Booking Sessions" }));
    await shown(page.getByText("Juniper & Pine Photography"));
    await snap(page, "admin-sessions");
  });

  it("signs in with the chosen email and password in another browser, and signs out", async () => {
    const other = await chromium().newContext({ ...desktop, locale: "en-US" });
    const tab = await other.newPage();
    await tab.goto(`${workerOrigin()}/admin`);
    await shown(tab.getByRole("heading", { name: "Sign in" }));
    await tab.getByLabel("Email").fill(email);
    await tab.getByLabel("Password").fill(password);
    await snap(tab, "admin-sign-in");
    await tab.getByRole("button", { name: "Sign in" }).click();
    await shown(tab.getByRole("heading", { name: "Today", level: 1 }));
    await tab.getByRole("button", { name: "Sign out" }).click();
    await shown(tab.getByRole("heading", { name: "Sign in" }));
    await other.close();
  });

  it("creates a Multi session type of 20-minute spots and 10-minute breaks, with two packages", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Session Types" }).click();
    await page.getByRole("link", { name: "Create a Session Type" }).click();
    await page.getByLabel("Name", { exact: true }).fill(typeName);
    await page.getByLabel("Classification").selectOption({ label: "Multi" });
    await page.getByLabel("Session Duration (minutes)").fill("20");
    await page.getByLabel("Break Between Sessions (minutes)").fill("10");
    const packages = [
      ["Mini", "150.00", "50.00"],
      ["Extended", "225.00", "75.00"],
    ];
    for (const [row, [name = "", price = "", deposit = ""]] of packages.entries()) {
      const fields = page.getByRole("group", { name: `New package ${row + 1}` });
      await fields.getByLabel("Package name").fill(name);
      await fields.getByLabel("Price (USD)", { exact: true }).fill(price);
      await fields.getByLabel("Deposit (USD)", { exact: true }).fill(deposit);
    }
    await snap(page, "admin-session-type-form");
    await page.getByRole("button", { name: "Save Session Type" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The session type is saved." }));
    const row = page.getByRole("row").filter({ hasText: typeName });
    expect((await row.getByRole("cell").allTextContents()).map(plain)).toEqual([
      typeName,
      "Multi",
      "20 min",
      "10 min",
      "Mini ($150.00), Extended ($225.00)",
      "Yes",
    ]);
    await snap(page, "admin-session-types");
  });

  it("schedules a Single wedding, assigns a new client and sends them the confirmation request by email", async () => {
    const client = { name: "Charlotte Lucas", email: `charlotte.${run}@example.com` };
    await page.goto(`${workerOrigin()}/admin/sessions`);
    await page.getByRole("link", { name: "Schedule a New Session" }).click();
    await page.getByLabel("Session Name").fill("Lucas–Collins Wedding");
    await page.getByLabel("Classification").selectOption({ label: "Single" });
    await page.getByLabel("Session Type").selectOption({ label: "Wedding" });
    await page.getByLabel("Package Option").selectOption({ label: "Full day" });
    await page.getByLabel("Session Date").fill(inDays(60, studioZone));
    await page.getByLabel("Session Time").fill("13:00");
    await snap(page, "admin-schedule-single");
    await page.getByRole("button", { name: "Next" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The session is scheduled." }));
    await shown(page.getByText("Not assigned yet"));
    await snap(page, "admin-single-details");

    await page.getByRole("link", { name: "Assign to Client" }).click();
    const newClient = page.getByRole("region", { name: "A new client" });
    await newClient.getByLabel("Name").fill(client.name);
    await newClient.getByLabel("Email").fill(client.email);
    await snap(page, "admin-assign-client");
    await newClient.getByRole("button", { name: "Add and Assign to Client" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The client is assigned to this session." }));
    await shown(page.getByText(`${client.name} (${client.email})`));

    await page.getByRole("button", { name: "Send Confirmation Request to Client" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The confirmation request is on its way" }));
    await shown(page.getByText("Awaiting confirmation"));
    await snap(page, "admin-single-confirmation-sent");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Mail" }).click();
    const subject = "Please confirm your session: Lucas–Collins Wedding";
    const mail = page.getByRole("row").filter({ hasText: client.email });
    await shown(mail.getByRole("link", { name: subject }));
    await snap(page, "admin-mail");
    await mail.getByRole("link", { name: subject }).click();
    await shown(page.getByRole("heading", { name: subject }));
    await shown(page.getByText(`Hi ${client.name},`));
    // The HTML part, in its sandboxed frame, carries the link the client confirms with.
    const html = page.frameLocator(`iframe[title="The HTML of “${subject}”"]`);
    await shown(html.getByRole("link", { name: "Review and confirm" }));
    await snap(page, "admin-mail-message");
  });

  it("schedules a Multi of six spots and shows them 20 minutes long, 30 minutes apart, in the studio's zone", async () => {
    await page.goto(`${workerOrigin()}/admin/sessions/new`);
    await page.getByLabel("Session Name").fill(multiName);
    await page.getByLabel("Classification").selectOption({ label: "Multi" });
    await page.getByLabel("Session Type").selectOption({ label: typeName });
    await fillSpots(multiDay, "09:00", 6);
    await snap(page, "admin-schedule-multi");
    await page.getByRole("button", { name: "Next" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The session is scheduled." }));
    await shown(page.getByText(`Times are in ${studioZone}.`));
    // Every 30 minutes from 9:00, each 20 minutes long: the type's duration and break.
    expect(await spotTimes(page.getByRole("table", { name: dayOf(multiDay) }))).toEqual({
      starts: ["9:00 AM", "9:30 AM", "10:00 AM", "10:30 AM", "11:00 AM", "11:30 AM"],
      ends: ["9:20 AM", "9:50 AM", "10:20 AM", "10:50 AM", "11:20 AM", "11:50 AM"],
    });
    await snap(page, "admin-multi-details");
  });

  it("adds spots on another day and shows that day's spots beside the first", async () => {
    await openSession(multiName);
    await page.getByRole("link", { name: "Add Additional Spots" }).click();
    await fillSpots(extraDay, "13:00", 2);
    await snap(page, "admin-add-spots");
    await page.getByRole("button", { name: "Add Spots" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The spots are added." }));
    expect(await spotTimes(page.getByRole("table", { name: dayOf(extraDay) }))).toEqual({
      starts: ["1:00 PM", "1:30 PM"],
      ends: ["1:20 PM", "1:50 PM"],
    });
    expect((await spotTimes(page.getByRole("table", { name: dayOf(multiDay) }))).starts).toHaveLength(6);
    await snap(page, "admin-multi-more-spots");
  });

  it("reserves a spot for an existing client, and shows it taken, awaiting their confirmation, with their name", async () => {
    await openSession(multiName);
    await page.getByRole("link", { name: /^Reserve this Spot at 9:30\sAM/ }).click();
    await shown(page.getByRole("heading", { name: "Reserve this Spot" }));
    await page
      .getByLabel("Client", { exact: true })
      .selectOption({ label: "Anne Elliot (anne@example.com)" });
    await snap(page, "admin-reserve-spot");
    await page.getByRole("button", { name: "Reserve this Spot", exact: true }).click();
    await shown(page.getByRole("status").filter({ hasText: "The spot is reserved" }));
    const spot = spotAt(page.getByRole("table", { name: dayOf(multiDay) }), "9:30 AM");
    // Reserving emails the client to confirm and pay; the spot is theirs meanwhile.
    await shown(spot.getByRole("cell", { name: "Awaiting confirmation", exact: true }));
    await shown(spot.getByRole("cell", { name: "Anne Elliot (anne@example.com)" }));
    await shown(spot.getByRole("link", { name: /^Cancel Booking/ }));
    await snap(page, "admin-multi-reserved");
  });

  describe("a visitor's booking through the widget", () => {
    const visitor = { name: "Harriet Smith", email: `harriet.${run}@example.com` };

    it("shows on the Fall Minis session with the visitor's name, at the time they picked", async () => {
      const { context, page: site } = await visit(chromium());
      const free = site.getByRole("button", { name: /^\d{1,2}:\d{2}\s[AP]M$/ });
      await shown(free);
      const time = plain((await free.first().textContent()) ?? "");
      await free.first().click();
      await site.getByLabel("Name").fill(visitor.name);
      await site.getByLabel("Email").fill(visitor.email);
      await site.getByRole("button", { name: "Book this time" }).click();
      await shown(site.getByRole("heading", { name: "You're booked" }));
      await context.close();

      await openSession("Fall Minis");
      const spot = page.getByRole("row").filter({ hasText: visitor.name });
      await shown(spot);
      expect(await startOf(spot)).toBe(time);
      await snap(page, "admin-fall-minis-visitor");
    });

    it("is cancelled from the admin, and its spot is free again", async () => {
      await openSession("Fall Minis");
      const booked = page.getByRole("row").filter({ hasText: visitor.name });
      const time = await startOf(booked);
      await booked.getByRole("link", { name: /^Cancel Booking/ }).click();
      await shown(page.getByRole("heading", { name: "Cancel this booking?" }));
      await shown(page.getByText(`Client: ${visitor.name} (${visitor.email})`));
      await snap(page, "admin-cancel-booking");
      await page.getByRole("button", { name: "Cancel Booking" }).click();
      await shown(page.getByRole("status").filter({ hasText: "its spot is free again" }));
      const spot = spotAt(page.getByRole("table"), time);
      await shown(spot.getByRole("cell", { name: "Available", exact: true }));
      await shown(spot.getByRole("link", { name: /^Reserve this Spot/ }));
      expect(await page.getByText(visitor.name).count()).toBe(0);
      await snap(page, "admin-fall-minis-cancelled");
    });
  });
});

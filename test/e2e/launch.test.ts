import { describe, expect, inject, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import {
  api,
  axeViolations,
  desktop,
  newStudio,
  setUpBrowser,
  shown,
  siteOrigin,
  workerOrigin,
} from "./support.ts";

const chromium = useChromium();
const run = crypto.randomUUID().slice(0, 8);

/**
 * A date and time two hours from now on New York's clock, as the photographer types it: one hour
 * ahead, on the night the clocks fall back, may be the repeated hour, read as its first pass.
 */
function inTwoHours() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "America/New_York",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(Date.now() + 2 * 3_600_000)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

describe("a fair launch", () => {
  it("shows the opening in the visitor's zone, keeps them waiting, lets them in at the opening, and they book", async () => {
    const token = await newStudio(`Launch Studio ${run}`);
    await api(token, "PATCH", "/v1/admin/studio", { allowedOrigins: [siteOrigin()] });
    const type = await api(token, "POST", "/v1/admin/session-types", {
      name: "Holiday Minis",
      classification: "multi",
      durationMinutes: 20,
      breakMinutes: 10,
      packages: [{ name: "Mini", priceCents: 0, depositCents: 0 }],
    });
    const session = await api(token, "POST", "/v1/admin/sessions", {
      classification: "multi",
      name: "Holiday Minis",
      sessionTypeId: type.body.sessionType.id,
      date: inDays(7),
      time: "10:00",
      spots: 2,
    });
    const { id, slug } = session.body.session;

    // The photographer sets the opening time on the session's page.
    const admin = await setUpBrowser(chromium(), token, `launch.${run}@example.com`);
    await admin.page.goto(`${workerOrigin()}/admin/sessions/${id}`);
    const opening = inTwoHours();
    await admin.page.getByLabel("Opening Date").fill(opening.date);
    await admin.page.getByLabel("Opening Time").fill(opening.time);
    await admin.page.getByRole("button", { name: "Set Opening Time" }).click();
    await shown(admin.page.getByText("The opening time is set"));
    await shown(admin.page.getByText("Booking opens"));
    await snap(admin.page, "launch-1-opening-time-set");

    // A visitor in Paris waits: the opening is shown on their own clock.
    const context = await chromium().newContext({ ...desktop, locale: "en-US", timezoneId: "Europe/Paris" });
    const page = await context.newPage();
    await page.goto(new URL(`/?session=${slug}`, siteOrigin()).href);
    const widget = page.locator("spotbook-session");
    await shown(widget.getByText("Booking opens"));
    const heading = widget.getByRole("heading", { name: /Booking opens/ });
    await shown(heading);
    // Paris's own offset then: GMT+1 in winter, GMT+2 in summer.
    const paris = new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Paris", timeZoneName: "short" })
      .formatToParts(Date.now() + 2 * 3_600_000)
      .find((part) => part.type === "timeZoneName")?.value;
    expect(await heading.evaluate((h) => h.textContent ?? "")).toContain(paris);
    await shown(widget.getByText("put in a random order"));
    // The ticket is kept once the line has answered, which may come after the opening is shown.
    const ticket = await (
      await page.waitForFunction((s) => localStorage.getItem(`spotbook-line:${s}`), slug)
    ).jsonValue();
    expect(ticket).toMatch(/^sbk_line_/);
    await snap(page, "launch-2-waiting-for-the-opening");
    expect(await axeViolations(page)).toEqual([]);
    // A refresh keeps the place: the same ticket is presented again.
    await page.reload();
    await shown(widget.getByText("Booking opens"));
    expect(await page.evaluate((s) => localStorage.getItem(`spotbook-line:${s}`), slug)).toBe(ticket);

    // The session opens (time passes through the test hook, not a sleep).
    const opened = await fetch(`${workerOrigin()}/v1/test/sessions/${slug}/open`, {
      method: "POST",
      headers: { authorization: `Bearer ${inject("testHooksToken")}` },
    });
    expect(opened.status).toBe(200);
    await shown(widget.getByText("It's your turn"));
    await snap(page, "launch-3-your-turn");
    await widget.locator("button.spot:not([disabled])").first().click();
    await widget.getByLabel("Name").fill("Anne Elliot");
    await widget.getByLabel("Email").fill(`anne.${run}@example.com`);
    await widget.getByRole("button", { name: "Book this time" }).click();
    await shown(widget.getByText("You're booked"));
    await snap(page, "launch-4-booked");

    await admin.page.reload();
    await shown(admin.page.getByText("1 of 1 visitors"));
    await snap(admin.page, "launch-5-line-on-the-session-page");
    await context.close();
    await admin.context.close();
  });
});

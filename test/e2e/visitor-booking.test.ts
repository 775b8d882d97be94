import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { axeViolations, chunksLoaded, phone, shown, visit } from "./support.ts";

const chromium = useChromium();

/**
 * Back to the list from the form, once the hold's release is answered: closed sooner, the page
 * would cancel it, and the spot stay held for the files after this one.
 */
async function chooseAnotherTime(page: Page, widget: Page | Locator): Promise<void> {
  const released = page.waitForResponse((res) => res.request().method() === "DELETE");
  await widget.getByRole("button", { name: "Choose another time" }).click();
  expect((await released).ok()).toBe(true);
}

describe("a visitor books a Multi spot on the photographer's own site", () => {
  it("picks a time, fills the form and is booked; the next visitor sees it taken", async () => {
    const { context, page } = await visit(chromium());
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.reload();
    const spots = page.locator("spotbook-session button.spot:not([disabled])");
    await shown(spots);
    // The page, the script and one API call: nothing else before the spots are on screen.
    expect(requests.filter((u) => !u.endsWith("/favicon.ico"))).toHaveLength(3);
    await snap(page, "visitor-1-spots");
    const time = ((await spots.first().textContent()) ?? "").trim();
    await spots.first().click();
    await page.getByLabel("Name").fill("Elizabeth Bennet");
    await page.getByLabel("Email").fill("lizzy@example.com");
    await shown(page.getByText("left", { exact: false }).first());
    await snap(page, "visitor-2-form");
    await page.getByRole("button", { name: "Book this time" }).click();
    await shown(page.getByRole("heading", { name: "You're booked" }));
    await snap(page, "visitor-3-booked");
    await context.close();

    const next = await visit(chromium());
    const taken = next.page.locator("spotbook-session button.spot", { hasText: time }).first();
    // The widget draws every spot at once: once this one is there, it shows what the read said.
    await shown(taken);
    expect(await taken.isDisabled()).toBe(true);
    expect(await taken.textContent()).toContain("Taken");
    await snap(next.page, "visitor-4-next-visitor-sees-taken");
    await next.context.close();
  });

  it("has no accessibility violations at each step, on a phone", async () => {
    const { context, page } = await visit(chromium(), "/", phone);
    const spots = page.locator("spotbook-session button.spot:not([disabled])");
    await shown(spots);
    expect(await axeViolations(page)).toEqual([]);
    await snap(page, "phone-1-spots");
    await spots.first().click();
    await page.getByRole("button", { name: "Book this time" }).click();
    await shown(page.getByText("Please enter your name."));
    expect(await axeViolations(page)).toEqual([]);
    await snap(page, "phone-2-field-errors");
    await chooseAnotherTime(page, page);
    await context.close();
  });

  it("keeps the host page's styles out and its own in", async () => {
    const { context, page } = await visit(chromium());
    await shown(page.locator("spotbook-session button.spot"));
    const hostButton = await page.locator("#host-button").evaluate((el) => getComputedStyle(el).fontSize);
    const widgetButton = await page
      .locator("spotbook-session button.spot")
      .first()
      .evaluate((el) => getComputedStyle(el).fontSize);
    expect(hostButton).toBe("40px");
    expect(widgetButton).not.toBe("40px");
    // Only Lit's own registry (versions and property metadata, shared by every copy of Lit) is added.
    const added = await page.evaluate(() => {
      const blank = document.createElement("iframe");
      document.body.append(blank);
      const before = new Set(Object.keys(blank.contentWindow ?? {}));
      blank.remove();
      return Object.keys(window).filter((k) => !before.has(k));
    });
    expect(added.sort()).toEqual([
      "litElementVersions",
      "litHtmlVersions",
      "litPropertyMetadata",
      "reactiveElementVersions",
    ]);
    await context.close();
  });

  it("brings the step that books a time with the pick, styled as the rest of the widget", async () => {
    const { context, page } = await visit(chromium());
    const spots = page.locator("spotbook-session button.spot:not([disabled])");
    await shown(spots);
    expect(await chunksLoaded(page)).toEqual([]);
    await spots.first().click();
    await shown(page.getByLabel("Name"));
    expect(await chunksLoaded(page)).toHaveLength(1);
    // Its styles came with it: the countdown is a row, a field has a border with the site's own
    // corner radius (--spotbook-radius: 2px on the photographer's page).
    const widget = page.locator("spotbook-session");
    const countdown = widget.locator("[part=countdown]");
    expect(await countdown.evaluate((el) => getComputedStyle(el).display)).toBe("flex");
    const name = await widget
      .getByLabel("Name")
      .evaluate((el) => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).borderTopLeftRadius]);
    expect(name).toEqual(["solid", "2px"]);
    await chooseAnotherTime(page, page);
    await context.close();
  });

  it("runs two widgets on one page independently", async () => {
    const { context, page } = await visit(chromium(), "/two");
    const [minis, workshop] = [
      page.locator("spotbook-session").nth(0),
      page.locator("spotbook-session").nth(1),
    ];
    await shown(minis.locator("button.spot"));
    await shown(workshop.locator("button.spot"));
    // The workshop's ten seats are one time.
    expect(await workshop.locator("button.spot").count()).toBe(1);
    await workshop.locator("button.spot:not([disabled])").first().click();
    await shown(workshop.getByLabel("Name"));
    expect(await minis.getByLabel("Name").count()).toBe(0);
    await snap(page, "two-widgets");
    await chooseAnotherTime(page, workshop);
    await context.close();
  });
});

import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { shown, visit } from "./support.ts";

const chromium = useChromium();

/** What has keyboard focus, looking through shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el
      ? `${el.tagName.toLowerCase()}:${(el.textContent ?? "").trim() || el.getAttribute("name") || ""}`
      : "";
  });

async function tabTo(page: Page, matches: (f: string) => boolean, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (matches(await focused(page))) return;
  }
  throw new Error(`never reached by Tab; last focus: ${await focused(page)}`);
}

describe("booking with the keyboard only", () => {
  it("reaches a spot, the form and the booking without a mouse", async () => {
    const { context, page } = await visit(chromium());
    await shown(page.locator("spotbook-session button.spot:not([disabled])"));
    await tabTo(page, (f) => /^button:\d{1,2}:\d{2}/.test(f));
    await snap(page, "keyboard-1-spot-focused");
    await page.keyboard.press("Enter");
    await shown(page.getByLabel("Name"));
    await tabTo(page, (f) => f === "input:name");
    await page.keyboard.type("Catherine Morland");
    await page.keyboard.press("Tab");
    await page.keyboard.type("catherine@example.com");
    await snap(page, "keyboard-2-form");
    await page.keyboard.press("Enter");
    await shown(page.getByRole("heading", { name: "You're booked" }));
    expect(await focused(page)).toMatch(/^h3:You're booked/);
    await snap(page, "keyboard-3-booked");
    await context.close();
  });
});

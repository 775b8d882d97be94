import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { patience, shown, visit } from "./support.ts";

const chromium = useChromium();

/** The workshop's one time, and how many of its ten seats the visitor is told are left. */
async function workshopTime(page: Page) {
  const time = page.locator("spotbook-session button.spot");
  await shown(time);
  expect(await time.count()).toBe(1);
  const label = (await time.textContent()) ?? "";
  return { time, left: Number(/(\d+) of 10 seats left/.exec(label)?.[1]) };
}

async function book(page: Page, name: string, email: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Book this time" }).click();
  await shown(page.getByRole("heading", { name: "You're booked" }));
}

describe("a workshop's seats on the photographer's site", () => {
  it("are booked seat by seat, each visitor seeing one seat fewer", async () => {
    const first = await visit(chromium(), "/?session=lighting-workshop");
    const { time, left } = await workshopTime(first.page);
    expect(left).toBeGreaterThan(1);
    await snap(first.page, "workshop-1-seats-left");
    await time.click();
    await book(first.page, "Jane Fairfax", "jane@example.com");
    await shown(first.page.getByText("We sent the confirmation to jane@example.com."));
    await first.context.close();

    const second = await visit(chromium(), "/?session=lighting-workshop");
    // The session read may be cached for five seconds: reload until the booked seat shows.
    await expect
      .poll(
        async () => {
          await second.page.reload();
          return (await workshopTime(second.page)).left;
        },
        { timeout: patience },
      )
      .toBe(left - 1);
    await second.context.close();
  });

  it("are booked several at once, for each seat's price", async () => {
    const { context, page } = await visit(chromium(), "/?session=lighting-workshop");
    const { time, left } = await workshopTime(page);
    await page.getByLabel("Seats").selectOption("3");
    await time.click();
    await shown(page.getByLabel("Name"));
    const seatsRow = page.locator("spotbook-session [part~=summary] > div", { hasText: "Seats" });
    expect((await seatsRow.textContent())?.replace(/\s+/g, " ").trim()).toBe("Seats3 seats");
    await snap(page, "workshop-2-three-seats-held");
    await book(page, "Frank Churchill", "frank@example.com");
    await snap(page, "workshop-3-three-seats-booked");
    await context.close();

    const next = await visit(chromium(), "/?session=lighting-workshop");
    await expect
      .poll(
        async () => {
          await next.page.reload();
          return (await workshopTime(next.page)).left;
        },
        { timeout: patience },
      )
      .toBe(left - 3);
    await next.context.close();
  });
});

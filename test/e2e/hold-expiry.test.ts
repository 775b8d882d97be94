import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { shown, sql, visit } from "./support.ts";

const chromium = useChromium();

describe("a hold that runs out", () => {
  it("gives the spot back to everyone and tells the first visitor to pick again", async () => {
    const first = await visit(chromium(), "/?session=lighting-workshop");
    const seats = first.page.locator("spotbook-session button.spot:not([disabled])");
    await expect.poll(() => seats.count()).toBeGreaterThan(0);
    const before = await seats.count();
    await seats.first().click();
    await shown(first.page.getByLabel("Name"));

    const second = await visit(chromium(), "/?session=lighting-workshop");
    const open = second.page.locator("spotbook-session button.spot:not([disabled])");
    await expect.poll(() => open.count()).toBe(before - 1);

    // Fifteen minutes pass for the hold (the cron sweep is not needed: reads check the time).
    sql("UPDATE bookings SET expires_at = 0 WHERE status = 'held'");
    // The session read may be cached for five seconds, as it is for every visitor.
    await expect
      .poll(
        async () => {
          await second.page.reload();
          await expect
            .poll(() => second.page.locator("spotbook-session button.spot").count())
            .toBeGreaterThan(0);
          return open.count();
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toBe(before);
    await snap(second.page, "hold-expiry-1-spot-back-for-others");

    await first.page.getByLabel("Name").fill("Marianne Dashwood");
    await first.page.getByLabel("Email").fill("marianne@example.com");
    await first.page.getByRole("button", { name: "Book this time" }).click();
    await shown(first.page.getByText("Your hold on that time ran out"));
    await snap(first.page, "hold-expiry-2-first-visitor-told");
    await first.context.close();
    await second.context.close();
  });
});

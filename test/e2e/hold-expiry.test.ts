import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { lapseHolds, patience, shown, visit, workerOrigin } from "./support.ts";

const chromium = useChromium();

describe("a hold that runs out", () => {
  it("gives the spot back to everyone and tells the first visitor to pick again", async () => {
    const first = await visit(chromium(), "/?session=lighting-workshop");
    const time = first.page.locator("spotbook-session button.spot:not([disabled])");
    await shown(time);
    const seatsLeft = async (button: typeof time) =>
      Number(/(\d+) of 10 seats left/.exec((await button.textContent()) ?? "")?.[1]);
    const before = await seatsLeft(time);
    await time.first().click();
    await shown(first.page.getByLabel("Name"));

    const second = await visit(chromium(), "/?session=lighting-workshop");
    const spots = second.page.locator("spotbook-session button.spot");
    await shown(spots);
    expect(await seatsLeft(spots)).toBe(before - 1);

    // Fifteen minutes pass for the hold (the cron sweep is not needed: reads check the time).
    expect(await lapseHolds()).toBeGreaterThan(0);
    // The session read may be cached for five seconds, as it is for every visitor: the second
    // visitor reloads until the spot is back, however long the cache takes to run out.
    await expect
      .poll(
        async () => {
          await second.page.reload();
          await shown(spots);
          return seatsLeft(spots);
        },
        { timeout: patience },
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

  it("cannot be made to run out early by a caller without the test run's token", async () => {
    const callers: Record<string, string>[] = [{}, { authorization: "Bearer sbk_test_not-this-runs-token" }];
    for (const headers of callers) {
      const res = await fetch(`${workerOrigin()}/v1/test/holds/lapse`, { method: "POST", headers });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: "not_found" });
    }
  });
});

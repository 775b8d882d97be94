import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { newStudio, setUpBrowser, workerOrigin } from "./support.ts";

const chromium = useChromium();

/** A session type of this test's studio, through the admin API. */
async function sessionType(origin: string, token: string, name: string, packages: string[]) {
  const res = await fetch(`${origin}/v1/admin/session-types`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      name,
      classification: "single",
      durationMinutes: 120,
      breakMinutes: 0,
      packages: packages.map((p) => ({ name: p, priceCents: 50000 })),
    }),
  });
  expect(res.status).toBe(201);
}

describe("Schedule a New Session", () => {
  it("offers only the chosen session type's packages, and asks nothing when it has one", async () => {
    const token = await newStudio("Package Option Studio");
    await sessionType(workerOrigin(), token, "Elopement", ["Two hours"]);
    await sessionType(workerOrigin(), token, "Wedding", ["Half day", "Full day"]);
    const { context, page } = await setUpBrowser(chromium(), token, `packages.${Date.now()}@example.com`);
    await page.goto(`${workerOrigin()}/admin/sessions/new`);
    await page.getByLabel("Classification").selectOption({ label: "Single" });
    const packageOption = page.getByLabel("Package Option");
    await page.getByLabel("Session Type").selectOption({ label: "Elopement" });
    expect(await packageOption.isVisible()).toBe(false);
    await snap(page, "admin-schedule-one-package");
    await page.getByLabel("Session Type").selectOption({ label: "Wedding" });
    expect(await packageOption.isVisible()).toBe(true);
    const offered = await packageOption
      .locator("option:not([disabled])")
      .evaluateAll((options) =>
        options
          .filter((o) => !(o.parentElement as HTMLOptGroupElement | null)?.disabled)
          .map((o) => o.textContent),
      );
    expect(offered).toEqual(["Let the client choose", "Half day", "Full day"]);
    await context.close();
  });
});

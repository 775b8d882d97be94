import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { desktop, shown, workerOrigin } from "./support.ts";

const chromium = useChromium();

describe("the API reference at /docs", () => {
  it("renders every operation with its schema and example from this origin alone, without an error", async () => {
    const page = await chromium().newPage(desktop);
    const elsewhere: string[] = [];
    const errors: string[] = [];
    page.on("request", (r) => {
      const url = new URL(r.url());
      if (url.protocol !== "data:" && url.origin !== workerOrigin()) elsewhere.push(r.url());
    });
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text());
    });
    page.on("pageerror", (e) => errors.push(e.message));
    // The reference's script is 4 MB: on a loaded machine its download and first render outlast the
    // usual patience, so this page alone waits longer (still on what it waits for, never a sleep).
    await page.goto(`${workerOrigin()}/docs`, { waitUntil: "commit" });
    await page
      .getByText("Hold a free spot for the studio's hold minutes")
      .first()
      .waitFor({ state: "visible", timeout: 150_000 });
    await page.getByText("Hold a free spot for the studio's hold minutes").first().click();
    await shown(page.getByText("sbk_hold_Wq3v9cXn2LkPz8TfRb4mYe6uHs0aJd1G").first());
    await snap(page, "docs-1-api-reference");
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

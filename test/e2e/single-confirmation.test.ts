import { describe, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { shown, tokens, visit } from "./support.ts";

const chromium = useChromium();

describe("a client confirms a Single session from the emailed link", () => {
  it("checks the details, picks a package and confirms", async () => {
    const { context, page } = await visit(chromium(), `/book?spotbook=${tokens().DEMO_CLIENT_TOKEN}`);
    await shown(page.getByRole("heading", { name: "Confirm your session" }));
    await shown(page.getByText("Woodhouse Wedding"));
    await shown(page.getByText("Hartfield House"));
    await snap(page, "single-1-details");
    await page.getByRole("radio", { name: /Full day/ }).check();
    await snap(page, "single-2-package-chosen");
    await page.getByRole("button", { name: "Confirm" }).click();
    await shown(page.getByRole("heading", { name: "Your session is confirmed" }));
    await shown(page.getByRole("link", { name: "Add to calendar" }));
    await snap(page, "single-3-confirmed");
    await page.reload();
    await shown(page.getByRole("heading", { name: "Your session is confirmed" }));
    await context.close();
  });
});

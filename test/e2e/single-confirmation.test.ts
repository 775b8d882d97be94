import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { chunksLoaded, shown, tokens, visit } from "./support.ts";

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

  it("loads the confirmation's code only for the client's link, across origins and cached for good", async () => {
    const booking = await visit(chromium(), "/");
    await shown(booking.page.getByRole("heading", { name: "Choose a time" }));
    expect(await chunksLoaded(booking.page)).toEqual([]);
    await booking.context.close();

    const { context, page } = await visit(chromium(), `/book?spotbook=${tokens().DEMO_CLIENT_TOKEN}`);
    // Confirmed by the test above, or not yet.
    await shown(page.getByRole("heading", { name: /your session/i }));
    const [chunk, ...more] = await chunksLoaded(page);
    expect(more).toEqual([]);
    const answer = await fetch(chunk ?? "", { headers: { origin: new URL(page.url()).origin } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("cache-control")).toContain("immutable");
    await context.close();
  });
});

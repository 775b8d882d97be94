import { describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import { newStudio, setUpBrowser, shown, siteOrigin, visit, workerOrigin } from "./support.ts";

const chromium = useChromium();

const api = async (token: string, method: string, path: string, body: unknown) => {
  const res = await fetch(`${workerOrigin()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res.json() as Promise<Record<string, { id: string; slug: string }>>;
};

describe("a photographer sets up their studio from /admin", () => {
  it("allows their website, writes a receipt template, and is told when a visitor books there", async () => {
    const token = await newStudio("Meadow Light");
    const email = `meadow.${Date.now()}@example.com`;
    const { context, page } = await setUpBrowser(chromium(), token, email);
    const type = (
      await api(token, "POST", "/v1/admin/session-types", {
        name: "Meadow Mini",
        classification: "multi",
        durationMinutes: 20,
        breakMinutes: 10,
        packages: [{ name: "Mini", priceCents: 15000, depositCents: 0 }],
      })
    ).sessionType;
    const date = inDays(30);
    const session = (
      await api(token, "POST", "/v1/admin/sessions", {
        classification: "multi",
        name: "Meadow Minis",
        sessionTypeId: type?.id,
        date,
        time: "10:00",
        spots: 3,
      })
    ).session;

    // No website yet: the session's embed section says so and links to Settings.
    await page.goto(`${workerOrigin()}/admin/sessions/${session?.id}`);
    await shown(page.getByText("No website is allowed to show your booking yet"));
    await page.getByRole("link", { name: "Settings" }).last().click();
    await page.getByLabel("Websites allowed to show your booking").fill(siteOrigin());
    await page.getByLabel("Payment instructions").fill("Pay by Venmo @meadow or cash on the day");
    await snap(page, "settings-1-studio-settings");
    await page.getByRole("button", { name: "Save Settings" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The settings are saved." }));

    // A receipt of their own words, chosen for the session type.
    await page.getByRole("link", { name: "Email Templates" }).click();
    await snap(page, "settings-2-email-templates");
    await page.getByRole("link", { name: "New Receipt template" }).click();
    await page.getByLabel("Template name").fill("Meadow receipt");
    await page.getByLabel("Subject").fill("See you in the meadow, {{client}}");
    await snap(page, "settings-3-template-form");
    await page.getByRole("button", { name: "Save Template" }).click();
    await shown(page.getByRole("status").filter({ hasText: "The email template is saved." }));
    await page.goto(`${workerOrigin()}/admin/session-types/${type?.id}/emails`);
    await page.getByLabel("Receipt").selectOption({ label: "Meadow receipt" });
    await snap(page, "settings-4-choose-emails");
    await page.getByRole("button", { name: "Save Emails" }).click();

    // A visitor books on the photographer's own site, now allowed.
    const visitor = await visit(chromium(), `/?session=${session?.slug}`);
    await visitor.page.locator("spotbook-session button.spot:not([disabled])").first().click();
    await visitor.page.getByLabel("Name").fill("Anne Shirley");
    await visitor.page.getByLabel("Email").fill(`anne.${Date.now()}@example.com`);
    await visitor.page.getByRole("button", { name: "Book this time" }).click();
    await shown(visitor.page.getByRole("heading", { name: "You're booked" }));
    await visitor.context.close();

    await page.goto(`${workerOrigin()}/admin/mail`);
    await shown(page.getByRole("cell", { name: "New booking: Anne Shirley, Meadow Minis" }));
    await shown(page.getByRole("cell", { name: "See you in the meadow, Anne Shirley" }));
    await snap(page, "settings-5-mail-with-notice");

    // The template previewed with that real booking.
    await page.goto(`${workerOrigin()}/admin/settings/emails/new?kind=booking_confirmed`);
    await page.getByRole("button", { name: "Preview" }).click();
    await shown(page.locator("#preview-text").filter({ hasText: "Hi Anne Shirley," }));
    await snap(page, "settings-6-template-preview");
    await context.close();
  });
});

import { describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import { desktop, newStudio, setUpBrowser, shown, siteOrigin, visit, workerOrigin } from "./support.ts";

const chromium = useChromium();
const run = crypto.randomUUID().slice(0, 8);

/** The admin JSON API as the studio's own scripts would call it. */
async function api(token: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${workerOrigin()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test reads answers as loosely as a script would.
  return (await res.json()) as any;
}

describe("the widget in the visitor's language", () => {
  it("speaks German and French from the element's lang on the photographer's English page", async () => {
    const german = await visit(chromium(), "/?session=fall-minis&lang=de");
    await shown(german.page.getByRole("heading", { name: "Wählen Sie eine Uhrzeit" }));
    await german.page.locator("spotbook-session button.spot:not([disabled])").first().click();
    await shown(german.page.getByLabel("E-Mail"));
    await shown(german.page.getByRole("button", { name: "Diesen Termin buchen" }));
    await snap(german.page, "language-1-german-from-lang");
    await german.page.getByRole("button", { name: "Andere Uhrzeit wählen" }).click();
    await shown(german.page.getByRole("heading", { name: "Wählen Sie eine Uhrzeit" }));
    await german.context.close();

    const french = await visit(chromium(), "/?session=lighting-workshop&lang=fr");
    await shown(french.page.getByRole("heading", { name: "Choisissez un horaire" }));
    await shown(french.page.getByText(/places libres sur 10/));
    await snap(french.page, "language-2-french-from-lang");
    await french.context.close();
  });

  it("speaks the browser's language on the hosted session page", async () => {
    for (const [locale, heading, page] of [
      ["de-DE", "Wählen Sie eine Uhrzeit", "language-3-german-from-browser"],
      ["fr-FR", "Choisissez un horaire", "language-4-french-from-browser"],
    ] as const) {
      const context = await chromium().newContext({ ...desktop, locale });
      const tab = await context.newPage();
      await tab.goto(`${workerOrigin()}/s/fall-minis`);
      expect(await tab.locator("html").getAttribute("lang")).toBe(locale);
      await shown(tab.getByRole("heading", { name: heading }));
      await snap(tab, page);
      await context.close();
    }
  });

  it("emails a German visitor's confirmation in German", async () => {
    const token = await newStudio(`Sprachstudio ${run}`);
    await api(token, "PATCH", "/v1/admin/studio", { allowedOrigins: [siteOrigin()] });
    const type = await api(token, "POST", "/v1/admin/session-types", {
      name: "Herbst",
      classification: "multi",
      durationMinutes: 20,
      breakMinutes: 10,
      packages: [{ name: "Mini", priceCents: 0, depositCents: 0 }],
    });
    const { session } = await api(token, "POST", "/v1/admin/sessions", {
      classification: "multi",
      name: "Herbst-Minis",
      sessionTypeId: type.sessionType.id,
      date: inDays(7),
      time: "10:00",
      spots: 2,
    });
    const email = `klara.${run}@example.com`;
    const visitor = await visit(chromium(), `/?session=${session.slug}&lang=de`);
    const widget = visitor.page.locator("spotbook-session");
    await widget.locator("button.spot:not([disabled])").first().click();
    await widget.getByLabel("Name").fill("Klara Schumann");
    await widget.getByLabel("E-Mail").fill(email);
    await widget.getByRole("button", { name: "Diesen Termin buchen" }).click();
    await shown(widget.getByText(`Die Bestätigung ging an ${email}.`));
    await visitor.context.close();

    const photographer = await setUpBrowser(chromium(), token, `owner.${run}@example.com`);
    await photographer.page.goto(`${workerOrigin()}/admin/mail`);
    const subject = "Gebucht: Herbst-Minis";
    await photographer.page
      .getByRole("row")
      .filter({ hasText: email })
      .getByRole("link", { name: subject })
      .click();
    const html = photographer.page.frameLocator(`iframe[title="The HTML of “${subject}”"]`);
    await shown(html.getByText("Hallo Klara Schumann,"));
    await shown(html.getByRole("link", { name: "Buchung ansehen" }));
    await snap(photographer.page, "language-5-german-confirmation-email");
    await photographer.context.close();
  });
});

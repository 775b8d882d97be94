import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { desktop, shown, visit, workerOrigin } from "./support.ts";

const chromium = useChromium();

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
});

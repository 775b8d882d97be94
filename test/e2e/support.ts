import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect, inject } from "vitest";

export const workerOrigin = () => inject("workerOrigin");
export const siteOrigin = () => inject("siteOrigin");
export const tokens = () => inject("tokens");
/** The Worker with Stripe set up (against the stand-in), with its own site, database and tokens. */
export const paid = () => inject("paid");

export const desktop = { viewport: { width: 1280, height: 900 } };
export const phone = {
  viewport: { width: 375, height: 740 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
};

/** A fresh visitor (own cookies and cache) on a page of the photographer's site (or at a full address). */
export async function visit(
  browser: Browser,
  path = "/",
  options = desktop,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(new URL(path, siteOrigin()).href);
  return { context, page };
}

/** Makes every live hold on the Worker run out now, for what no browser can do (make time pass). */
export async function lapseHolds(): Promise<number> {
  const res = await fetch(`${workerOrigin()}/v1/test/holds/lapse`, {
    method: "POST",
    headers: { authorization: `Bearer ${inject("testHooksToken")}` },
  });
  expect(res.status, "POST /v1/test/holds/lapse").toBe(200);
  return ((await res.json()) as { lapsed: number }).lapsed;
}

/** Runs axe-core inside the page against the widget (axe walks open shadow roots). */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: unknown[] }[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: never[] }> } }
    ).axe;
    const result = await axe.run({ include: [["spotbook-session"]] }, { resultTypes: ["violations"] });
    return result.violations;
  });
}

/**
 * How long a wait for something to show may take before the test fails: a ceiling for a busy
 * machine, never a pause; every wait ends as soon as what it waits for is there.
 */
/** The widget's chunks (widget/dist/widget/) the page has loaded. */
export const chunksLoaded = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((entry) => entry.name)
      .filter((url) => new URL(url).pathname.startsWith("/widget/")),
  );

export const patience = 30_000;

/** Waits until the locator is on screen (vitest has no Playwright matchers); works in hooks too. */
export async function shown(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: "visible", timeout: patience });
}

/** The password the admin tests sign in with (each file sets it up again for its studio). */
export const password = "north meadow at dusk";

/** A studio of its own (POST /v1/studios), so what a test does to it leaves the demo studio alone. */
export async function newStudio(name: string): Promise<string> {
  const res = await fetch(`${workerOrigin()}/v1/studios`, {
    method: "POST",
    headers: { authorization: `Bearer ${tokens().OPERATOR_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ name, timeZone: "America/New_York", currency: "USD", allowedOrigins: [] }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { adminToken: string }).adminToken;
}

/** A fresh browser profile, signed in through the set-up page with the studio's admin token. */
export async function setUpBrowser(
  browser: Browser,
  adminToken: string,
  email: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...desktop, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${workerOrigin()}/admin/setup`);
  await page.getByLabel("Admin token").fill(adminToken);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await shown(page.getByRole("status").filter({ hasText: "Your sign-in is set up. Welcome!" }));
  return { context, page };
}

/** The admin JSON API as the studio's own scripts would call it. */
export async function api(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${workerOrigin()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: the test reads answers as loosely as a script would.
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}

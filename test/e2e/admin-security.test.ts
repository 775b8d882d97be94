import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import {
  desktop,
  newStudio,
  password,
  setUpBrowser,
  shown,
  siteOrigin,
  tokens,
  workerOrigin,
} from "./support.ts";

const chromium = useChromium();

const run = Date.now();

async function trySignIn(page: Page, email: string, typed: string): Promise<void> {
  await page.goto(`${workerOrigin()}/admin/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(typed);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Still on the sign-in page, not signed in, with `message` on top of the form. */
async function refusedWith(page: Page, message: string): Promise<void> {
  await shown(page.getByRole("alert").filter({ hasText: message }));
  expect(new URL(page.url()).pathname).toBe("/admin/sign-in");
  expect(await page.getByRole("button", { name: "Sign out" }).count()).toBe(0);
}

/** Whether the signed-in studio has a client of that name, as its Studio & Clients search says. */
async function hasClient(page: Page, name: string): Promise<boolean> {
  await page.goto(`${workerOrigin()}/admin/clients?q=${encodeURIComponent(name)}`);
  return page.getByRole("link", { name, exact: true }).isVisible();
}

describe("the admin's sign-in and forms refuse what is not the photographer", () => {
  const demoEmail = `photographer.security.${run}@example.com`;
  let demo: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    demo = await setUpBrowser(chromium(), tokens().DEMO_ADMIN_TOKEN, demoEmail);
  });
  afterAll(() => demo?.context.close());

  it("shows an error for a wrong password and does not sign in", async () => {
    const context = await chromium().newContext({ ...desktop, locale: "en-US" });
    const page = await context.newPage();
    await trySignIn(page, demoEmail, "not the password");
    await refusedWith(page, "That email and password do not match.");
    await snap(page, "admin-security-wrong-password");
    // The right password still works: one mistake does not lock the studio out.
    await trySignIn(page, demoEmail, password);
    await shown(page.getByRole("heading", { name: "Today", level: 1 }));
    await context.close();
  });

  it("locks sign-in after five wrong passwords, refusing even the right one until set-up with the admin token", async () => {
    const email = `locked.${run}@example.com`;
    const adminToken = await newStudio("Lockout Test Studio");
    await (await setUpBrowser(chromium(), adminToken, email)).context.close();
    const context = await chromium().newContext({ ...desktop, locale: "en-US" });
    const page = await context.newPage();
    for (let attempt = 1; attempt < 5; attempt++) {
      await trySignIn(page, email, `wrong guess ${attempt}`);
      await refusedWith(page, "That email and password do not match.");
    }
    // Five failures from one browser (one address) throttle that address for this email.
    const locked = "Too many attempts from this connection; try again in";
    await trySignIn(page, email, "wrong guess 5");
    await refusedWith(page, locked);
    await trySignIn(page, email, password);
    await refusedWith(page, locked);
    await snap(page, "admin-security-locked");
    // The way back the sign-in page offers: set-up with the admin token clears the lock.
    await (await setUpBrowser(chromium(), adminToken, email)).context.close();
    await trySignIn(page, email, password);
    await shown(page.getByRole("heading", { name: "Today", level: 1 }));
    await context.close();
  });

  it("refuses a form posted from another origin, even with the login's cookie and security token", async () => {
    const { page } = demo;
    await page.goto(`${workerOrigin()}/admin/clients/new`);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    // A page on the photographer's site (same site, other origin) posts the Add a Client form.
    await page.goto(siteOrigin());
    const action = `${workerOrigin()}/admin/clients/new`;
    const refused = page.waitForResponse((res) => res.url() === action);
    await page.evaluate(
      ({ action, fields }) => {
        const form = document.createElement("form");
        form.method = "post";
        form.action = action;
        for (const [name, value] of Object.entries(fields)) {
          form.append(Object.assign(document.createElement("input"), { type: "hidden", name, value }));
        }
        document.body.append(form);
        form.submit();
      },
      { action, fields: { name: "Forged Client", email: `forged.${run}@example.com`, _csrf: csrf } },
    );
    const answer = await refused;
    expect(answer.status()).toBe(403);
    // The login cookie rode along (same site, SameSite=Strict allows it): only the Origin check stopped it.
    expect((await answer.request().allHeaders()).cookie).toContain("spotbook_admin=");
    await shown(page.getByRole("heading", { name: "This form was refused" }));
    await snap(page, "admin-security-foreign-form-refused");
    expect(await hasClient(page, "Forged Client")).toBe(false);
  });

  it("refuses a form without the login's security token, even from the admin's own origin", async () => {
    const { context, page } = demo;
    await page.goto(`${workerOrigin()}/admin/clients/new`);
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const post = (fields: Record<string, string>) =>
      context.request.post(`${workerOrigin()}/admin/clients/new`, {
        form: { name: "Tokenless Client", email: `tokenless.${run}@example.com`, ...fields },
        headers: { origin: workerOrigin() },
        maxRedirects: 0,
      });
    expect((await post({})).status()).toBe(403);
    expect(await hasClient(page, "Tokenless Client")).toBe(false);
    // The same form with its token goes through: the token was all that was missing.
    expect((await post({ _csrf: csrf })).status()).toBe(303);
    expect(await hasClient(page, "Tokenless Client")).toBe(true);
  });

  it("answers Not found when one studio's admin opens another studio's session pages", async () => {
    const { page } = demo;
    await page.goto(`${workerOrigin()}/admin/sessions`);
    await page.getByRole("link", { name: "Fall Minis", exact: true }).click();
    await shown(page.getByRole("heading", { name: "Fall Minis" }));
    const session = page.url();
    const spot = await page
      .getByRole("link", { name: /^Reserve this Spot/ })
      .first()
      .getAttribute("href");
    const other = await setUpBrowser(chromium(), await newStudio("Other Studio"), `other.${run}@example.com`);
    for (const path of [session, `${session}/spots`, `${workerOrigin()}${spot}`]) {
      const res = await other.page.goto(path);
      expect(res?.status()).toBe(404);
      await shown(other.page.getByRole("heading", { name: "Not found" }));
      expect(await other.page.getByText("Fall Minis").count()).toBe(0);
    }
    await snap(other.page, "admin-security-other-studio-404");
    await other.context.close();
  });
});

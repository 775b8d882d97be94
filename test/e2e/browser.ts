import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Debian's Chromium must be on the machine (a test tool's own browser download cannot work here).
 * `npm test` on a fresh machine installs it with apt-get when it can (as root), so the README's
 * two commands stay the whole story; otherwise it says what to run.
 */
export function ensureChromium(): void {
  if (existsSync(chromiumPath)) return;
  const apt = (args: string[]) =>
    spawnSync("apt-get", args, {
      stdio: "inherit",
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
  if (process.getuid?.() === 0 && apt(["update", "-qq"]).status === 0)
    apt(["install", "-y", "-qq", "chromium"]);
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${chromiumPath}: run 'sudo apt-get install chromium'.`,
    );
  }
}

/** Debian's Chromium, headless, with nothing that phones home (the machine has no network). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const screenshotDir = join(import.meta.dirname, "..", "..", "test-results", "screenshots");

/**
 * Saves a full-page screenshot of a step, named after the flow and the step. It lands whole, by a
 * rename: another run in the same checkout may be saving the same step at the same moment.
 */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = join(screenshotDir, `${name}.png`);
  writeFileSync(`${file}.${process.pid}`, await page.screenshot({ fullPage: true }));
  renameSync(`${file}.${process.pid}`, file);
}

/** One Chromium for a test file: launched before its tests, closed after. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("Chromium is not running");
    return browser;
  };
}

/**
 * The widget as a visitor's browser meets it: how many requests the demo page makes until the
 * spots are on screen, and the main-thread time that takes (Debian's Chromium through
 * playwright-core). Its size is in sizes.ts.
 */
import { launchChromium } from "../../test/e2e/browser.ts";
import type { Figure } from "./report.ts";

const scenario = "widget";
const spotButton = 'spotbook-session button[part~="spot"]';

const requests = {
  scenario,
  figure: "requests to spots on screen",
  unit: "",
  goal: "2 (script + 1 API call)",
} as const;

/**
 * Requests from navigation until a spot button shows in the element's shadow root. The page
 * itself, the demo site's own files (its stylesheet) and the browser's favicon are the
 * photographer's and the browser's, not the widget's: they are listed, not counted.
 */
async function requestsToSpots(origin: string): Promise<Figure> {
  const browser = await launchChromium().catch((err: Error) => err);
  if (browser instanceof Error) return { ...requests, value: null, note: `Chromium: ${browser.message}` };
  try {
    const page = await browser.newPage();
    const paths: string[] = [];
    page.on("request", (request) => paths.push(new URL(request.url()).pathname));
    const answer = await page.goto(`${origin}/demo/`);
    if (!answer?.ok()) return { ...requests, value: null, note: `GET /demo/ answered ${answer?.status()}` };
    const shown = await page
      .waitForSelector(spotButton, { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) return { ...requests, value: null, note: "no spot button within 15 s" };
    const pageOwn = (p: string) => p.startsWith("/demo/") || p === "/favicon.ico";
    const counted = paths.filter((p) => !pageOwn(p));
    const note = `${counted.join(", ")}; not counted: ${paths.filter(pageOwn).join(", ")}`;
    return { ...requests, value: counted.length, met: counted.length === 2, note };
  } finally {
    await browser.close();
  }
}

const mainThread = {
  scenario,
  figure: "main-thread script, 4× CPU slowdown",
  unit: "ms",
  goal: "≤ 50 ms (Lighthouse mobile's throttling)",
} as const;

/**
 * JavaScript time on the main thread from navigation until the spots show, with the CPU slowed
 * four times as Lighthouse's mobile run does. The demo page runs no script but the widget's, so
 * Chromium's ScriptDuration is the widget's own work: parse, define, render, format.
 */
async function mainThreadScript(origin: string): Promise<Figure> {
  const browser = await launchChromium().catch((err: Error) => err);
  if (browser instanceof Error) return { ...mainThread, value: null, note: `Chromium: ${browser.message}` };
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 }, isMobile: true });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await cdp.send("Performance.enable");
    await page.goto(`${origin}/demo/`);
    await page.waitForSelector(spotButton, { timeout: 15_000 });
    const { metrics } = await cdp.send("Performance.getMetrics");
    const seconds = metrics.find((m) => m.name === "ScriptDuration")?.value;
    if (seconds === undefined) return { ...mainThread, value: null, note: "no ScriptDuration metric" };
    const ms = seconds * 1000;
    return { ...mainThread, value: ms, met: ms <= 50, note: "Chromium's Performance.getMetrics" };
  } finally {
    await browser.close();
  }
}

/** `buildFailure` says why there is no fresh widget build to measure, if there is none. */
export async function widget(opts: { origin: string; buildFailure?: string }): Promise<Figure[]> {
  if (opts.buildFailure) {
    return [requests, mainThread].map((figure) => ({
      ...figure,
      value: null,
      note: opts.buildFailure,
    }));
  }
  return [await requestsToSpots(opts.origin), await mainThreadScript(opts.origin)];
}

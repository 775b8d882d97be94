/**
 * `npm run bench`: Spotbook's speed and safety claims, measured. Starts the Worker over a fresh
 * local D1 (scripts/local-worker.ts), seeds what it needs through the real API, runs each
 * scenario bounded in requests and time over loopback, prints one table (also written to
 * bench-results/bench.json) and exits 1 when a hard goal fails. `--short` is the CI run: fewer
 * requests, the same race. `--session-read` runs the session read alone (with its full count of
 * reads), to profile the framework's cost without the heavier scenarios around it.
 */

import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { holdsOnDistinctSpots } from "./bench/holds.ts";
import { launchRush } from "./bench/launch.ts";
import { lighthouse } from "./bench/lighthouse.ts";
import { visitorRace } from "./bench/race.ts";
import { type Figure, failures, table, writeJson } from "./bench/report.ts";
import { openStudio, scheduleMulti } from "./bench/seed.ts";
import { sessionRead } from "./bench/session-read.ts";
import { type SizeReport, widgetSize, workerSize } from "./bench/sizes.ts";
import { slotGeneration } from "./bench/slot-generation.ts";
import { widget } from "./bench/widget.ts";
import {
  buildWidget,
  type DemoTokens,
  freePort,
  newToken,
  prepareDatabase,
  root,
  startWorker,
} from "./local-worker.ts";

const short = process.argv.includes("--short");
const sessionReadOnly = process.argv.includes("--session-read");
const plan = short
  ? { reads: 60, holds: 60, slotRepeats: 50, budgetMs: 15_000, launchVisitors: 500 }
  : { reads: 300, holds: 400, slotRepeats: 200, budgetMs: 30_000, launchVisitors: 500 };

/** Builds the widget the demo page loads; a widget still being written is reported, not fatal. */
function widgetBuildFailure(): string | undefined {
  try {
    buildWidget(true);
    return undefined;
  } catch (err) {
    return `n/a: ${(err as Error).message}`;
  }
}

/** The bare comparison Worker, over the same persisted D1 and binding: it reads the very same rows. */
const startBareWorker = async (persistTo: string) =>
  startWorker({
    port: await freePort(),
    config: join(root, "scripts/bench/wrangler.toml"),
    readyPath: "/health",
    persistTo,
    quiet: true,
  });

const tokens: DemoTokens = {
  OPERATOR_TOKEN: newToken("sbk_operator"),
  DEMO_ADMIN_TOKEN: newToken("sbk_admin"),
  DEMO_CLIENT_TOKEN: newToken("sbk_book"),
};
const origin = `http://localhost:${await freePort()}`;
const buildFailure = widgetBuildFailure();
const persistTo = mkdtempSync(join(tmpdir(), "spotbook-bench-"));
const stops: (() => Promise<void>)[] = [];
const figures: Figure[] = [];
const sizes: SizeReport[] = [];
try {
  prepareDatabase({ tokens, allowedOrigins: [origin], persistTo, quiet: true });
  const worker = await startWorker({
    port: Number(new URL(origin).port),
    persistTo,
    vars: { ...tokens },
    quiet: true,
  });
  stops.push(worker.stop);
  const studio = await openStudio(origin, tokens.OPERATOR_TOKEN);
  const reading = await scheduleMulti(studio, "Bench reads", 200);
  const holding = sessionReadOnly ? null : await scheduleMulti(studio, "Bench holds", plan.holds);
  const racing = sessionReadOnly ? null : await scheduleMulti(studio, "Bench race", 10);
  const launching = sessionReadOnly ? null : await scheduleMulti(studio, "Bench launch", 10);
  // Started once the rows it must read are written.
  const bare = await startBareWorker(persistTo);
  stops.push(bare.stop);
  figures.push(
    ...(await sessionRead({
      origin,
      bareOrigin: bare.origin,
      slug: reading.slug,
      count: plan.reads,
      budgetMs: plan.budgetMs,
    })),
  );
  if (holding && racing && launching) {
    figures.push(
      // First, before the load scenarios below keep both cores and the database busy.
      ...(await widget({ origin, buildFailure })),
      ...(await holdsOnDistinctSpots({ origin, session: holding, concurrency: 8, budgetMs: plan.budgetMs })),
      ...(await visitorRace({ studio, session: racing, visitors: 200 })),
      ...(await launchRush({ studio, session: launching, visitors: plan.launchVisitors, arrivalMs: 3_000 })),
      ...(await slotGeneration({ repeats: plan.slotRepeats, budgetMs: plan.budgetMs / 3 })),
      // Not in the short run: a minute of CI for figures that never fail it.
      ...(short || buildFailure ? [] : lighthouse(origin)),
    );
    sizes.push(buildFailure ? { figures: [], analysis: [] } : widgetSize(), workerSize());
    figures.push(...sizes.flatMap((s) => s.figures));
  }
} finally {
  for (const stop of stops.reverse()) await stop();
  rmSync(persistTo, { recursive: true, force: true });
}

console.log(
  `\nSpotbook bench${short ? " (--short)" : ""}: ${navigator.hardwareConcurrency} CPUs, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}, Node ${process.version}\n`,
);
console.log(table(figures));
for (const text of sizes.flatMap((s) => s.analysis)) console.log(`\n${text}`);
writeJson(join(root, "bench-results", "bench.json"), { short, figures });
const failed = failures(figures);
if (failed.length > 0) {
  console.error(`\nHard goals missed: ${failed.map((f) => `${f.scenario}: ${f.figure}`).join("; ")}`);
  process.exitCode = 1;
}

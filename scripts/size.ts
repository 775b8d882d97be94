/**
 * `npm run size`: the widget and the Worker against their budgets (scripts/bench/sizes.ts), with
 * where their bytes go. Builds the Worker's dry run, not the widget: run `npm run build:widget`
 * first. Exits 1 when either is over its hard budget.
 */
import { failures, table } from "./bench/report.ts";
import { widgetSize, workerSize } from "./bench/sizes.ts";

const reports = [widgetSize(), workerSize()];
const figures = reports.flatMap((r) => r.figures);
console.log(table(figures));
for (const text of reports.flatMap((r) => r.analysis)) console.log(`\n${text}`);
const over = failures(figures);
if (over.length > 0 || figures.some((f) => f.hard && f.value === null)) {
  console.error(
    `\nOver budget or not measured: ${figures
      .filter((f) => f.hard && f.met !== true)
      .map((f) => f.figure)
      .join("; ")}`,
  );
  process.exitCode = 1;
}

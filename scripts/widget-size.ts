/**
 * Measures the built widget against its budget (DESIGN.md, "Budgets"): gzip at level 9, as a
 * CDN would serve it. Builds nothing; run `npm run build:widget` first. Exits 1 over budget.
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const budget = 20 * 1024;
const file = new URL("../widget/dist/widget.js", import.meta.url);

if (!existsSync(file)) {
  console.error("widget/dist/widget.js is missing: run `npm run build:widget` first.");
  process.exit(1);
}
const source = readFileSync(file);
const gzip = gzipSync(source, { level: 9 }).length;
process.stdout.write(`widget.js: ${source.length} bytes, ${gzip} bytes gzip (budget ${budget})\n`);
if (gzip > budget) {
  console.error(`widget.js is ${gzip - budget} bytes over its gzip budget.`);
  process.exit(1);
}

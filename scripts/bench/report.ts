/** One figure per row, beside its goal; printed as a table and kept as JSON for later runs to compare. */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

export type Figure = {
  scenario: string;
  figure: string;
  /** null when the figure could not be measured; `note` then says why. */
  value: number | null;
  unit: "ms" | "/s" | "B" | "×" | "";
  /** The goal in words ("≤ 5 ms"), or "reported" for a figure without one. */
  goal: string;
  /** Whether the goal is met; absent for a figure that is only reported. */
  met?: boolean;
  /** A hard goal: missing it fails the run (and CI). */
  hard?: boolean;
  note?: string;
};

const shown = (f: Figure): string => {
  if (f.value === null) return "n/a";
  if (f.unit === "B") return `${f.value.toLocaleString("en-US")} B (${(f.value / 1024).toFixed(1)} KB)`;
  if (f.unit === "ms") return `${f.value < 1 ? f.value.toFixed(3) : f.value.toFixed(1)} ms`;
  if (f.unit === "/s") return `${f.value.toFixed(0)} /s`;
  if (f.unit === "×") return `${f.value.toFixed(2)}×`;
  return String(f.value);
};

const verdict = (f: Figure): string => {
  if (f.value === null) return "n/a";
  if (f.met === undefined) return "";
  if (f.met) return "ok";
  return f.hard ? "FAILED" : "missed";
};

export function table(figures: readonly Figure[]): string {
  const rows = [
    ["scenario", "figure", "value", "goal", ""],
    ...figures.map((f, i) => [
      figures[i - 1]?.scenario === f.scenario ? "" : f.scenario,
      f.figure,
      shown(f),
      f.hard ? `${f.goal} (hard)` : f.goal,
      [verdict(f), f.note].filter(Boolean).join("  "),
    ]),
  ];
  const widths = [0, 1, 2, 3].map((col) => Math.max(...rows.map((r) => (r[col] ?? "").length)));
  return rows
    .map((r) =>
      r
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

/** Hard goals measured and missed (a figure that could not be measured says why in its note). */
export const failures = (figures: readonly Figure[]): Figure[] =>
  figures.filter((f) => f.hard && f.met === false);

export function writeJson(path: string, run: { short: boolean; figures: readonly Figure[] }): void {
  mkdirSync(dirname(path), { recursive: true });
  const machine = { node: process.version, cpus: navigator.hardwareConcurrency, platform: process.platform };
  writeFileSync(path, `${JSON.stringify({ at: new Date().toISOString(), ...machine, ...run }, null, 2)}\n`);
}

/** The hard goal every scenario shares: the Worker never answers 5xx. */
export function serverErrors(scenario: string, statuses: readonly number[]): Figure {
  const count = statuses.filter((s) => s >= 500).length;
  return {
    scenario,
    figure: "5xx answers",
    value: count,
    unit: "",
    goal: "= 0",
    met: count === 0,
    hard: true,
  };
}

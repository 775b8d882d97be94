/** The Worker as it would be uploaded: `wrangler deploy --dry-run`, gzip size as wrangler reports it. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bin, root } from "../local-worker.ts";
import type { Figure } from "./report.ts";

export function workerBundle(): Figure[] {
  const outdir = mkdtempSync(join(tmpdir(), "spotbook-bundle-"));
  const result = spawnSync(bin("wrangler"), ["deploy", "--dry-run", "--outdir", outdir], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  rmSync(outdir, { recursive: true, force: true });
  const kib = (result.stdout + result.stderr).match(/gzip:\s*([\d.]+)\s*KiB/)?.[1];
  const value = kib === undefined ? null : Math.round(Number(kib) * 1024);
  return [
    {
      scenario: "worker bundle",
      figure: "wrangler deploy --dry-run, gzip",
      value,
      unit: "B",
      goal: "≤ 200 KB (reported)",
      met: value === null ? undefined : value <= 200 * 1024,
      note:
        value === null
          ? `n/a: wrangler said ${result.stderr.slice(0, 120)}`
          : "hono, zod-openapi, drizzle, stripe",
    },
  ];
}

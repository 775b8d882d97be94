/**
 * Runs the Worker locally the way `npm start` does, for the demo, the end-to-end tests and the
 * benchmark alike: migrations and seed into a local D1, then `wrangler dev`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { join } from "node:path";
import { seedSql } from "../db/seed.ts";

export const root = join(import.meta.dirname, "..");
export const bin = (name: string) => join(root, "node_modules", ".bin", name);
// No prompts and no phoning home: the same start on a machine without network.
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: process.env.CI ?? "true" };

export const newToken = (prefix: string) => `${prefix}_${randomBytes(24).toString("base64url")}`;
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export type DemoTokens = { OPERATOR_TOKEN: string; DEMO_ADMIN_TOKEN: string; DEMO_CLIENT_TOKEN: string };

export function run(command: string, args: string[], quiet = false): void {
  const result = spawnSync(command, args, {
    cwd: root,
    env,
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    if (quiet) console.error(result.stdout, result.stderr);
    throw new Error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
  }
}

export function buildWidget(quiet = false): void {
  run(bin("vite"), ["build", "--config", "widget/vite.config.ts", "--logLevel", "warn"], quiet);
}

/** Applies the migrations and seeds the demo studio into a local D1 (in `persistTo` when given). */
export function prepareDatabase(opts: {
  tokens: DemoTokens;
  allowedOrigins: string[];
  persistTo?: string;
  quiet?: boolean;
}) {
  const persist = opts.persistTo ? ["--persist-to", opts.persistTo] : [];
  run(bin("wrangler"), ["d1", "migrations", "apply", "spotbook", "--local", ...persist], opts.quiet);
  const dir = opts.persistTo ?? join(root, ".wrangler");
  mkdirSync(dir, { recursive: true });
  const seedFile = join(dir, "seed.sql");
  writeFileSync(
    seedFile,
    seedSql({
      adminTokenHash: sha256(opts.tokens.DEMO_ADMIN_TOKEN),
      clientLinkHash: sha256(opts.tokens.DEMO_CLIENT_TOKEN),
      allowedOrigins: [...new Set(opts.allowedOrigins)],
      now: Date.now(),
    }),
  );
  run(bin("wrangler"), ["d1", "execute", "spotbook", "--local", "--file", seedFile, ...persist], opts.quiet);
}

/** A port nobody listens on right now, for a server of ours. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type RunningWorker = { origin: string; process: ChildProcess; stop: () => Promise<void> };

/** `wrangler dev` on `port` (the project's Worker, or another `config`), resolved once it answers at `readyPath`. */
export async function startWorker(opts: {
  port: number;
  config?: string;
  readyPath?: string;
  persistTo?: string;
  vars?: Record<string, string>;
  quiet?: boolean;
}): Promise<RunningWorker> {
  const origin = `http://localhost:${opts.port}`;
  const vars = Object.entries({ PUBLIC_URL: origin, ...opts.vars }).flatMap(([k, v]) => [
    "--var",
    `${k}:${v}`,
  ]);
  const args = [
    "dev",
    "--port",
    String(opts.port),
    "--inspector-port",
    "0",
    "--show-interactive-dev-session=false",
  ];
  if (opts.persistTo) args.push("--persist-to", opts.persistTo);
  if (opts.config) args.push("--config", opts.config);
  const child = spawn(bin("wrangler"), [...args, ...vars], {
    cwd: root,
    env,
    stdio: opts.quiet ? "ignore" : "inherit",
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${origin}${opts.readyPath ?? "/v1/openapi.json"}`)).ok)
        return { origin, process: child, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`wrangler dev did not start on port ${opts.port}`);
}

/**
 * Runs the Worker locally the way `npm start` does, for the demo, the end-to-end tests and the
 * benchmark alike: migrations and seed into a local D1, then `wrangler dev`.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { devNull } from "node:os";
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

/**
 * Builds the widget into widget/dist, or into `outDir` for a server that must not share that
 * folder; `extra` are more flags for vite (the bench's `--sourcemap`).
 */
export function buildWidget(quiet = false, outDir?: string, extra: string[] = []): void {
  const out = outDir ? ["--outDir", outDir] : [];
  run(
    bin("vite"),
    ["build", "--config", "widget/vite.config.ts", "--logLevel", "warn", ...out, ...extra],
    quiet,
  );
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

type WorkerOptions = {
  config?: string;
  readyPath?: string;
  persistTo?: string;
  /** The static assets to serve instead of the config's folder (widget/dist). */
  assets?: string;
  vars?: Record<string, string>;
  /** Only `vars` and the config's: the checkout's .dev.vars and .env (`npm start`'s secrets) stay unread. */
  hermetic?: boolean;
  quiet?: boolean;
};

/** A ceiling on `wrangler dev`'s boot for a very busy machine; the wait ends when it says it is ready. */
const bootCeilingMs = 300_000;

/**
 * `wrangler dev` (the project's Worker, or another `config`), resolved once it answers at
 * `readyPath`. On `port`, or on a free one: a port is free only until someone binds it, so when
 * another server takes it first, the Worker starts again on another.
 */
export async function startWorker(opts: WorkerOptions & { port?: number }): Promise<RunningWorker> {
  for (let attempt = 1; ; attempt++) {
    const port = opts.port ?? (await freePort());
    const started = await bootWorker(port, opts);
    if (started !== "port taken") return started;
    if (opts.port !== undefined || attempt === 5) throw new Error(`Port ${port} is in use`);
  }
}

async function bootWorker(port: number, opts: WorkerOptions): Promise<RunningWorker | "port taken"> {
  const origin = `http://localhost:${port}`;
  const vars = Object.entries({ PUBLIC_URL: origin, ...opts.vars }).flatMap(([k, v]) => [
    "--var",
    `${k}:${v}`,
  ]);
  const args = [
    "dev",
    "--port",
    String(port),
    "--inspector-port",
    "0",
    "--show-interactive-dev-session=false",
  ];
  if (opts.persistTo) args.push("--persist-to", opts.persistTo);
  if (opts.config) args.push("--config", opts.config);
  if (opts.assets) args.push("--assets", opts.assets);
  if (opts.hermetic) args.push("--env-file", devNull);
  const child = spawn(bin("wrangler"), [...args, ...vars], {
    cwd: root,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  // Ready once wrangler says it listens on this port: an answer there could come from whoever took it.
  let booting = true;
  let boot = "";
  const ready = await new Promise<boolean>((resolve) => {
    const settle = (value: boolean) => {
      booting = false;
      clearTimeout(ceiling);
      child.off("close", failed);
      resolve(value);
    };
    const failed = () => settle(false);
    const ceiling = setTimeout(failed, bootCeilingMs);
    // "close", not "exit": only then has all it wrote been read.
    child.once("close", failed);
    for (const [from, to] of [
      [child.stdout, process.stdout],
      [child.stderr, process.stderr],
    ] as const) {
      // Read all along, or wrangler blocks once a pipe is full.
      from.setEncoding("utf8").on("data", (chunk: string) => {
        if (!opts.quiet) to.write(chunk);
        if (!booting) return;
        boot += chunk;
        if (boot.includes(`Ready on ${origin}`)) settle(true);
      });
    }
  });
  const answers = () =>
    fetch(`${origin}${opts.readyPath ?? "/v1/openapi.json"}`).then(
      (res) => res.ok,
      () => false,
    );
  if (ready && (await answers())) return { origin, process: child, stop };
  await stop();
  if (boot.includes("Address already in use")) return "port taken";
  if (opts.quiet) console.error(boot);
  throw new Error(`wrangler dev did not start on port ${port}`);
}

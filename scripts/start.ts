/**
 * `npm start`: the whole demo from a fresh clone. Writes .dev.vars with random secrets when it
 * is missing, builds the widget, applies the D1 migrations locally, seeds the demo studio and
 * serves the Worker with `wrangler dev`, then prints where everything is.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { seedSql } from "../db/seed.ts";

const root = join(import.meta.dirname, "..");
const bin = (name: string) => join(root, "node_modules", ".bin", name);
const port = Number(process.env.PORT ?? 8787);
const origin = `http://localhost:${port}`;
// No prompts and no phoning home: the demo must start the same on a machine without network.
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: process.env.CI ?? "true" };

const token = (prefix: string) => `${prefix}_${randomBytes(24).toString("base64url")}`;
const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

function devVars(): Record<string, string> {
  const path = join(root, ".dev.vars");
  const vars: Record<string, string> = {};
  if (existsSync(path)) {
    for (const line of readFileSync(path, "utf8").split("\n")) {
      const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/);
      if (match?.[1]) vars[match[1]] = match[2] ?? "";
    }
  }
  const wanted = {
    OPERATOR_TOKEN: () => token("sbk_operator"),
    DEMO_ADMIN_TOKEN: () => token("sbk_admin"),
    DEMO_CLIENT_TOKEN: () => token("sbk_book"),
  };
  let changed = false;
  for (const [key, make] of Object.entries(wanted)) {
    if (!vars[key]) {
      vars[key] = make();
      changed = true;
    }
  }
  if (changed) {
    const body = Object.entries(vars).map(([k, v]) => `${k}="${v}"`);
    writeFileSync(
      path,
      `# Local secrets for wrangler dev, made by npm start. Not committed.\n${body.join("\n")}\n`,
    );
  }
  return vars;
}

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(" ")} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

async function waitUntilServing(child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${origin}/v1/openapi.json`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("wrangler dev did not start serving");
}

const vars = devVars();
const localOrigins = [port, 3000, 4173, 5173, 5500, 8000, 8080].flatMap((p) => [
  `http://localhost:${p}`,
  `http://127.0.0.1:${p}`,
]);

run(bin("vite"), ["build", "--config", "widget/vite.config.ts", "--logLevel", "warn"]);
run(bin("wrangler"), ["d1", "migrations", "apply", "spotbook", "--local"]);
mkdirSync(join(root, ".wrangler"), { recursive: true });
const seedFile = join(root, ".wrangler", "seed.sql");
writeFileSync(
  seedFile,
  seedSql({
    adminTokenHash: sha256(vars.DEMO_ADMIN_TOKEN ?? ""),
    clientLinkHash: sha256(vars.DEMO_CLIENT_TOKEN ?? ""),
    allowedOrigins: [...new Set(localOrigins)],
    now: Date.now(),
  }),
);
run(bin("wrangler"), ["d1", "execute", "spotbook", "--local", "--file", seedFile]);

const server = spawn(
  bin("wrangler"),
  ["dev", "--port", String(port), "--var", `PUBLIC_URL:${origin}`, "--show-interactive-dev-session=false"],
  { cwd: root, env, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

await waitUntilServing(server);
console.log(`
  Spotbook is running.

  Demo photographer's site   ${origin}/demo/
  Confirmation link (Single) ${origin}/book/?spotbook=${vars.DEMO_CLIENT_TOKEN}
  Admin                      ${origin}/admin
  API docs                   ${origin}/docs   (OpenAPI: ${origin}/v1/openapi.json)

  Demo admin token           ${vars.DEMO_ADMIN_TOKEN}
  Operator token             ${vars.OPERATOR_TOKEN}
  (both in .dev.vars; try: curl -H "Authorization: Bearer <admin token>" ${origin}/v1/admin/sessions)
`);

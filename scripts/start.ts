/**
 * `npm start`: the whole demo from a fresh clone. Writes .dev.vars with random secrets when it
 * is missing, builds the widget, applies the D1 migrations locally, seeds the demo studio and
 * serves the Worker with `wrangler dev`, then prints where everything is.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildWidget,
  type DemoTokens,
  newToken,
  prepareDatabase,
  root,
  startWorker,
} from "./local-worker.ts";

const port = Number(process.env.PORT ?? 8787);

/** The local secrets: kept across runs in .dev.vars (which wrangler dev reads), made when missing. */
function devVars(): DemoTokens {
  const path = join(root, ".dev.vars");
  const vars: Record<string, string> = {};
  if (existsSync(path)) {
    for (const line of readFileSync(path, "utf8").split("\n")) {
      const match = line.match(/^\s*([A-Z0-9_]+)\s*=\s*"?(.*?)"?\s*$/);
      if (match?.[1]) vars[match[1]] = match[2] ?? "";
    }
  }
  const tokens: DemoTokens = {
    OPERATOR_TOKEN: vars.OPERATOR_TOKEN || newToken("sbk_operator"),
    DEMO_ADMIN_TOKEN: vars.DEMO_ADMIN_TOKEN || newToken("sbk_admin"),
    DEMO_CLIENT_TOKEN: vars.DEMO_CLIENT_TOKEN || newToken("sbk_book"),
  };
  const all = { ...vars, ...tokens };
  if (Object.keys(tokens).some((k) => !vars[k])) {
    const body = Object.entries(all).map(([k, v]) => `${k}="${v}"`);
    writeFileSync(
      path,
      `# Local secrets for wrangler dev, made by npm start. Not committed.\n${body.join("\n")}\n`,
    );
  }
  return tokens;
}

const tokens = devVars();
// The demo studio lets this Worker and the usual local dev servers embed its widget.
const allowedOrigins = [port, 3000, 4173, 5173, 5500, 8000, 8080].flatMap((p) => [
  `http://localhost:${p}`,
  `http://127.0.0.1:${p}`,
]);

console.log("Building the widget and preparing the demo database…");
buildWidget();
// Quiet: the migrations' and the seed's output is wrangler's JSON, shown only when a step fails.
prepareDatabase({ tokens, allowedOrigins, quiet: true });
const worker = await startWorker({ port, quiet: "until ready", testScheduled: true });
const { origin } = worker;

/*
 * The cron's work (holds expire, reminders are queued, mail is sent) runs here too: wrangler dev
 * never fires cron triggers itself, so every minute this asks its /__scheduled route
 * (--test-scheduled) to run the Worker's scheduled handler, as the trigger does every 5 minutes
 * in production.
 */
const cron = encodeURIComponent("*/5 * * * *");
const tick = setInterval(() => {
  fetch(`${origin}/__scheduled?cron=${cron}`).then(
    (res) => res.body?.cancel(),
    () => undefined,
  );
}, 60_000);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    clearInterval(tick);
    void worker.stop();
  });
}
worker.process.on("exit", (code) => process.exit(code ?? 0));

console.log(`
  Spotbook is running.

  Demo photographer's site   ${origin}/demo/
  Confirmation link (Single) ${origin}/book/?spotbook=${tokens.DEMO_CLIENT_TOKEN}
  Admin                      ${origin}/admin   (first time: ${origin}/admin/setup with the admin token)
  Mail sent by the demo      ${origin}/admin/mail   (nothing leaves this machine)
  API docs                   ${origin}/docs   (OpenAPI: ${origin}/v1/openapi.json)

  Demo admin token           ${tokens.DEMO_ADMIN_TOKEN}
  Operator token             ${tokens.OPERATOR_TOKEN}
  (both in .dev.vars; try: curl -H "Authorization: Bearer <admin token>" ${origin}/v1/admin/sessions)

  Scheduled jobs (holds expiring, reminders, mail) run every minute. Press Ctrl+C to stop.
`);

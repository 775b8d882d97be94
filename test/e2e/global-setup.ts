/**
 * Starts what a newcomer's browser meets: `wrangler dev` over a fresh, seeded local D1, and a
 * photographer's own website on another origin that embeds the widget with its own theme. A
 * second such pair has Stripe set up, its API answered by a local stand-in (the machine has no
 * network), for the paid booking; the first stays as `npm start` runs without keys: pay at the session.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import {
  buildWidget,
  type DemoTokens,
  freePort,
  newToken,
  prepareDatabase,
  startWorker,
} from "../../scripts/local-worker.ts";
import { ensureChromium } from "./browser.ts";
import { servePhotographerSite } from "./photographer-site.ts";
import { startStripeStandIn } from "./stripe-stand-in.ts";

/** A Worker with its own database and the photographer's site that embeds its widget. */
type Deployment = {
  workerOrigin: string;
  siteOrigin: string;
  tokens: DemoTokens;
  persistTo: string;
};

declare module "vitest" {
  export interface ProvidedContext {
    workerOrigin: string;
    siteOrigin: string;
    tokens: DemoTokens;
    /** The local D1's folder, for steps a browser cannot take (ageing a hold). */
    persistTo: string;
    /** The deployment with Stripe set up, and the origin of its stand-in for Stripe's API and pages. */
    paid: Deployment & { stripeOrigin: string };
  }
}

/** Seeds a fresh local D1 and starts `wrangler dev` over it on `port`, then the photographer's site. */
async function deploy(port: number, vars: Record<string, string> = {}) {
  const persistTo = mkdtempSync(join(tmpdir(), "spotbook-e2e-"));
  const sitePort = await freePort();
  const tokens: DemoTokens = {
    OPERATOR_TOKEN: newToken("sbk_operator"),
    DEMO_ADMIN_TOKEN: newToken("sbk_admin"),
    DEMO_CLIENT_TOKEN: newToken("sbk_book"),
  };
  const siteOrigin = `http://localhost:${sitePort}`;
  prepareDatabase({ tokens, allowedOrigins: [siteOrigin], persistTo, quiet: true });
  const worker = await startWorker({ port, persistTo, vars: { ...tokens, ...vars }, quiet: true });
  const site = await servePhotographerSite(sitePort, worker.origin);
  const deployment: Deployment = { workerOrigin: worker.origin, siteOrigin, tokens, persistTo };
  const stop = async () => {
    await worker.stop();
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
    rmSync(persistTo, { recursive: true, force: true });
  };
  return { deployment, stop };
}

export default async function setup(project: TestProject) {
  ensureChromium();
  buildWidget(true);
  const [port, paidPort] = [await freePort(), await freePort()];
  const stripeKeys = {
    STRIPE_SECRET_KEY: newToken("sk_test"),
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
  };
  const stripe = await startStripeStandIn({
    secretKey: stripeKeys.STRIPE_SECRET_KEY,
    webhookSecret: stripeKeys.STRIPE_WEBHOOK_SECRET,
    webhookUrl: `http://localhost:${paidPort}/v1/stripe/webhook`,
  });
  // Both Workers boot at once; one that started is stopped again should the other fail.
  const started = await Promise.allSettled([
    deploy(port),
    deploy(paidPort, { ...stripeKeys, STRIPE_API_BASE: stripe.origin }),
  ]);
  const stop = async () => {
    for (const s of started) if (s.status === "fulfilled") await s.value.stop();
    await stripe.close();
  };
  const [free, paid] = started;
  if (free?.status !== "fulfilled" || paid?.status !== "fulfilled") {
    await stop();
    throw started.find((s) => s.status === "rejected")?.reason;
  }
  const { workerOrigin, siteOrigin, tokens, persistTo } = free.value.deployment;
  project.provide("workerOrigin", workerOrigin);
  project.provide("siteOrigin", siteOrigin);
  project.provide("tokens", tokens);
  project.provide("persistTo", persistTo);
  project.provide("paid", { ...paid.value.deployment, stripeOrigin: stripe.origin });
  return stop;
}

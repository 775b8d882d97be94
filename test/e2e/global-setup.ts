/**
 * Starts what a newcomer's browser meets: `wrangler dev` over a fresh, seeded local D1, and a
 * photographer's own website on another origin that embeds the widget with its own theme. A
 * second such pair has Stripe set up, its API answered by a local stand-in (the machine has no
 * network), for the paid booking; the first stays as `npm start` runs without keys: pay at the session.
 * A WordPress from Debian's packages (wordpress.ts) embeds the first Worker's widget through the plugin.
 *
 * Nothing a run serves or writes is shared with another run in the same checkout: each has its
 * own widget build, databases and ports, so two `npm test`s can run side by side.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import {
  buildWidget,
  type DemoTokens,
  newToken,
  prepareDatabase,
  type RunningWorker,
  startWorker,
} from "../../scripts/local-worker.ts";
import { ensureChromium } from "./browser.ts";
import { servePhotographerSite } from "./photographer-site.ts";
import { startStripeStandIn } from "./stripe-stand-in.ts";
import { ensureWordPress, startWordPress, type WordPressSite } from "./wordpress.ts";

/** A Worker with its own database and the photographer's site that embeds its widget. */
type Deployment = {
  workerOrigin: string;
  siteOrigin: string;
  tokens: DemoTokens;
};

declare module "vitest" {
  export interface ProvidedContext {
    workerOrigin: string;
    siteOrigin: string;
    tokens: DemoTokens;
    /** Opens both Workers' test hooks (/v1/test), for steps a browser cannot take (ageing a hold). */
    testHooksToken: string;
    /** The deployment with Stripe set up, and the origin of its stand-in for Stripe's API and pages. */
    paid: Deployment & { stripeOrigin: string };
    /** A WordPress with the plugin, pointed at the first Worker, whose studio allows it. */
    wordpress: WordPressSite;
  }
}

const scratch = (name: string) => mkdtempSync(join(tmpdir(), `spotbook-e2e-${name}-`));

/** Seeds a fresh local D1 for the photographer's site, then starts `wrangler dev` over it with `assets`. */
async function deploy(assets: string, vars: Record<string, string>) {
  const persistTo = scratch("d1");
  let worker: RunningWorker | undefined;
  const site = await servePhotographerSite(() => worker?.origin ?? "");
  const tokens: DemoTokens = {
    OPERATOR_TOKEN: newToken("sbk_operator"),
    DEMO_ADMIN_TOKEN: newToken("sbk_admin"),
    DEMO_CLIENT_TOKEN: newToken("sbk_book"),
  };
  const stop = async () => {
    await worker?.stop();
    await site.close();
    rmSync(persistTo, { recursive: true, force: true });
  };
  try {
    prepareDatabase({ tokens, allowedOrigins: [site.origin], persistTo, quiet: true });
    worker = await startWorker({
      persistTo,
      assets,
      vars: { ...tokens, ...vars },
      hermetic: true,
      quiet: true,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const deployment: Deployment = { workerOrigin: worker.origin, siteOrigin: site.origin, tokens };
  return { deployment, stop };
}

export default async function setup(project: TestProject) {
  ensureChromium();
  ensureWordPress();
  // widget/dist is rebuilt by every `npm test` (pretest): a Worker serving it would see its files
  // change, and reload, under another run.
  const assets = scratch("widget");
  buildWidget(true, assets);
  const testHooksToken = newToken("sbk_test");
  const stripeKeys = {
    STRIPE_SECRET_KEY: newToken("sk_test"),
    STRIPE_WEBHOOK_SECRET: `whsec_${randomBytes(24).toString("base64")}`,
  };
  let paidOrigin = "";
  const stripe = await startStripeStandIn({
    secretKey: stripeKeys.STRIPE_SECRET_KEY,
    webhookSecret: stripeKeys.STRIPE_WEBHOOK_SECRET,
    webhookUrl: () => `${paidOrigin}/v1/stripe/webhook`,
  });
  let freeOrigin = "";
  // Both Workers and WordPress boot at once; one that started is stopped again should another fail.
  const started = await Promise.allSettled([
    deploy(assets, { TEST_HOOKS_TOKEN: testHooksToken }),
    deploy(assets, { TEST_HOOKS_TOKEN: testHooksToken, ...stripeKeys, STRIPE_API_BASE: stripe.origin }),
    startWordPress(scratch("wordpress"), () => freeOrigin),
  ]);
  const stop = async () => {
    for (const s of started) if (s.status === "fulfilled") await s.value.stop();
    await stripe.close();
    rmSync(assets, { recursive: true, force: true });
  };
  const [free, paid, wordpress] = started;
  if (free?.status !== "fulfilled" || paid?.status !== "fulfilled" || wordpress?.status !== "fulfilled") {
    await stop();
    throw started.find((s) => s.status === "rejected")?.reason;
  }
  paidOrigin = paid.value.deployment.workerOrigin;
  const { workerOrigin, siteOrigin, tokens } = free.value.deployment;
  freeOrigin = workerOrigin;
  wordpress.value.configure();
  // The demo studio allows the WordPress site as well as the photographer's own.
  const allowed = await fetch(`${workerOrigin}/v1/admin/studio`, {
    method: "PATCH",
    headers: { authorization: `Bearer ${tokens.DEMO_ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ allowedOrigins: [siteOrigin, wordpress.value.site.origin] }),
  });
  if (!allowed.ok) {
    await stop();
    throw new Error(`PATCH /v1/admin/studio answered ${allowed.status}: ${await allowed.text()}`);
  }
  project.provide("workerOrigin", workerOrigin);
  project.provide("siteOrigin", siteOrigin);
  project.provide("tokens", tokens);
  project.provide("testHooksToken", testHooksToken);
  project.provide("paid", { ...paid.value.deployment, stripeOrigin: stripe.origin });
  project.provide("wordpress", wordpress.value.site);
  return stop;
}

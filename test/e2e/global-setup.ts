/**
 * Starts what a newcomer's browser meets: `wrangler dev` over a fresh, seeded local D1, and a
 * photographer's own website on another origin that embeds the widget with its own theme.
 */
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
import { servePhotographerSite } from "./photographer-site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    workerOrigin: string;
    siteOrigin: string;
    tokens: DemoTokens;
    /** The local D1's folder, for steps a browser cannot take (ageing a hold). */
    persistTo: string;
  }
}

export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(join(tmpdir(), "spotbook-e2e-"));
  const [port, sitePort] = [await freePort(), await freePort()];
  const tokens: DemoTokens = {
    OPERATOR_TOKEN: newToken("sbk_operator"),
    DEMO_ADMIN_TOKEN: newToken("sbk_admin"),
    DEMO_CLIENT_TOKEN: newToken("sbk_book"),
  };
  const siteOrigin = `http://localhost:${sitePort}`;
  buildWidget(true);
  prepareDatabase({ tokens, allowedOrigins: [siteOrigin], persistTo, quiet: true });
  const worker = await startWorker({ port, persistTo, vars: { ...tokens }, quiet: true });
  const site = await servePhotographerSite(sitePort, worker.origin);
  project.provide("workerOrigin", worker.origin);
  project.provide("siteOrigin", siteOrigin);
  project.provide("tokens", tokens);
  project.provide("persistTo", persistTo);
  return async () => {
    await worker.stop();
    await new Promise((resolve) => site.close(resolve));
    rmSync(persistTo, { recursive: true, force: true });
  };
}

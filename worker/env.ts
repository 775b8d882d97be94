import type { DrizzleD1Database } from "drizzle-orm/d1";
import type * as schema from "../db/schema.ts";
import type { LaunchQueue } from "./coordinators/launch-queue.ts";

/** Worker bindings: D1, static assets, secrets and settings (`.dev.vars` locally). */
export type Bindings = {
  DB: D1Database;
  ASSETS: Fetcher;
  /** One launch line per session with an opening time (a Durable Object, keyed by the session's slug). */
  LAUNCH_QUEUES: DurableObjectNamespace<LaunchQueue>;
  /** Signs launch admissions; by default a key derived from OPERATOR_TOKEN. */
  LAUNCH_SECRET?: string;
  /** The Worker's public address, for links in emails (requests use their own origin). */
  PUBLIC_URL?: string;
  /** May create studios through POST /v1/studios. */
  OPERATOR_TOKEN: string;
  /** Local demo only: the seeded demo studio's admin token. */
  DEMO_ADMIN_TOKEN?: string;
  STRIPE_SECRET_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  /** Tests and local stand-ins only: where the Stripe SDK sends its calls, e.g. `http://127.0.0.1:4242`. */
  STRIPE_API_BASE?: string;
  /** `outbox` (default: kept for the mail viewer), `resend` or `cloudflare`. */
  MAIL_PROVIDER?: string;
  RESEND_API_KEY?: string;
  MAIL_FROM?: string;
  SEND_EMAIL?: SendEmail;
  /** End-to-end tests only: opens /v1/test (making time pass) to requests carrying it. Never set in production. */
  TEST_HOOKS_TOKEN?: string;
};

/** Drizzle over D1, with the binding it wraps (`$client`) for reads prepared once (queries/batch.ts). */
export type Db = DrizzleD1Database<typeof schema> & { $client: D1Database };

export type Studio = typeof schema.studios.$inferSelect;

export type Variables = {
  db: Db;
  /** The studio the caller acts for, set by the admin auth middleware. */
  studio: Studio;
};

export type HonoEnv = { Bindings: Bindings; Variables: Variables };

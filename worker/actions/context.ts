import type Stripe from "stripe";
import { type LaunchDesk, launchDeskFor } from "../coordinators/launch-queue.ts";
import type { Bindings, Db, Studio } from "../env.ts";
import { openDb } from "../queries/db.ts";
import { stripeFor } from "../services/stripe.ts";

/**
 * What every action is given besides its input: the database, the moment it acts at, the Worker's
 * public address (for links in mail) and the payment provider, when the deployment has one. The
 * JSON API, the admin pages and the cron each build it once; no action knows which called it.
 */
export type ActionContext = {
  db: Db;
  now: number;
  publicUrl: string;
  /** Stripe when online payment is set up, else null (payment at the session). */
  stripe: () => Stripe | null;
  /** The sessions' launch lines (Durable Objects) and the key of their admissions. */
  launch: LaunchDesk;
};

/**
 * A visitor's or a client's request: the site it came from, when another (null: ours or none), and
 * the network address it came from (Cloudflare's CF-Connecting-IP), which a signature records.
 */
export type VisitorContext = ActionContext & { origin: string | null; ip?: string | null };

/** The photographer acting for their studio: every query is scoped by it. */
export type StudioContext = ActionContext & { studio: Studio };

/** The context for the deployment's bindings at `now`; links in mail start with `publicUrl`. */
export const contextFor = (
  env: Bindings,
  now: number,
  publicUrl: string,
  db = openDb(env),
): ActionContext => ({
  db,
  now,
  publicUrl: publicUrl.replace(/\/+$/, ""),
  stripe: () => stripeFor(env),
  launch: launchDeskFor(env),
});

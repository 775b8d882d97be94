import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { type SessionDetailsSchema, toSessionDetails } from "../http/admin/session-views.ts";
import { notFound } from "../http/problem.ts";
import { publicUrl } from "../http/urls.ts";
import { getSessionDetails } from "../queries/sessions.ts";
import type { AdminEnv } from "./env.ts";

/** A session as the admin API shows it, so the pages and the API agree on balances and states. */
export type SessionView = z.infer<typeof SessionDetailsSchema>;
export type SpotView = SessionView["spots"][number];
export type BookingView = NonNullable<SpotView["booking"]>;

/** The signed-in studio's session, or a 404 (another studio's session does not exist here). */
export async function loadSession(c: Context<AdminEnv>, id: string): Promise<SessionView> {
  const details = await getSessionDetails(c.var.db, c.var.studio.id, id, Date.now());
  if (!details) throw notFound("session");
  return toSessionDetails(details, c.var.studio.currency, publicUrl(c));
}

import type { Context } from "hono";
import {
  type ActionContext,
  contextFor,
  type StudioContext,
  type VisitorContext,
} from "../actions/context.ts";
import type { HonoEnv } from "../env.ts";

/** The Worker's public address: PUBLIC_URL when configured, else the request's own origin. */
export const publicUrl = (c: Context<HonoEnv>): string =>
  (c.env.PUBLIC_URL || new URL(c.req.url).origin).replace(/\/+$/, "");

/** The context an action runs in, from a request of the JSON API or of the admin pages. */
export const actionContext = (c: Context<HonoEnv>): ActionContext =>
  contextFor(c.env, Date.now(), publicUrl(c), c.var.db);

/** The site a visitor's request came from, when it is another than ours. */
export function crossSiteOrigin(c: Context<HonoEnv>): string | null {
  const origin = c.req.header("origin");
  return origin && origin !== new URL(c.req.url).origin ? origin : null;
}

export const visitorContext = (c: Context<HonoEnv>): VisitorContext => ({
  ...actionContext(c),
  origin: crossSiteOrigin(c),
  ip: c.req.header("cf-connecting-ip") ?? null,
});

export const studioContext = (c: Context<HonoEnv>): StudioContext => ({
  ...actionContext(c),
  studio: c.var.studio,
});

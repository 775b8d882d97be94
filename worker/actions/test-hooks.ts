import { and, eq, gt } from "drizzle-orm";
import { bookings, sessions } from "../../db/schema.ts";
import type { ActionContext } from "./context.ts";
import { openingChanged } from "./launch.ts";

/**
 * For the end-to-end tests, which cannot wait out a hold: every live hold runs out now, as if its
 * minutes had passed (reads and bookings compare times). The Worker is its database's only
 * writer, so time passes through it rather than beside it.
 */
export async function lapseLiveHolds(ctx: ActionContext): Promise<number> {
  const lapsed = await ctx.db
    .update(bookings)
    .set({ expiresAt: ctx.now })
    .where(and(eq(bookings.status, "held"), gt(bookings.expiresAt, ctx.now)))
    .returning({ id: bookings.id });
  return lapsed.length;
}

/** For the end-to-end tests, which cannot wait for an opening: the session opens now. */
export async function openNow(ctx: ActionContext, slug: string): Promise<boolean> {
  const [session] = await ctx.db
    .select({ rules: sessions.rules })
    .from(sessions)
    .where(eq(sessions.slug, slug));
  if (!session) return false;
  await ctx.db
    .update(sessions)
    .set({ rules: { ...session.rules, opensAt: ctx.now } })
    .where(eq(sessions.slug, slug));
  await openingChanged(ctx, slug);
  return true;
}

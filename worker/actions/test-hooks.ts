import { and, eq, gt } from "drizzle-orm";
import { bookings } from "../../db/schema.ts";
import type { ActionContext } from "./context.ts";

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

import { effectiveRules, isBookable } from "../domain/booking-rules.ts";
import { notFound } from "../domain/errors.ts";
import { requireAllowedSite } from "../domain/origins.ts";
import { getPublicSession, type PublicSession } from "../queries/sessions.ts";
import type { VisitorContext } from "./context.ts";

/** What a visitor sees of a Multi session by its public slug: the session, packages and free spots. */
export async function openSession(ctx: VisitorContext, slug: string): Promise<PublicSession> {
  const found = await getPublicSession(ctx.db, slug, ctx.now);
  if (!found) throw notFound("session");
  requireAllowedSite(found.studio.allowedOrigins, ctx.origin);
  // A spot the rules close (too little notice, booking not open or closed) is not offered.
  const rules = effectiveRules(found.sessionType.rules, found.session.rules);
  const zone = found.session.timeZone;
  return {
    ...found,
    spots: found.spots.map((s) => ({
      ...s,
      available: s.available && isBookable(rules, { startsAt: s.startsAt, zone }, ctx.now),
    })),
  };
}

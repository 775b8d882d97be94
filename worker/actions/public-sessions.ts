import { notFound } from "../domain/errors.ts";
import { requireAllowedSite } from "../domain/origins.ts";
import { getPublicSession, type PublicSession } from "../queries/sessions.ts";
import type { VisitorContext } from "./context.ts";

/** What a visitor sees of a Multi session by its public slug: the session, packages and free spots. */
export async function openSession(ctx: VisitorContext, slug: string): Promise<PublicSession> {
  const found = await getPublicSession(ctx.db, slug, ctx.now);
  if (!found) throw notFound("session");
  requireAllowedSite(found.studio.allowedOrigins, ctx.origin);
  return found;
}

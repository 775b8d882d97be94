import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { bookings, sessions, sessionTypes, spots, studios } from "../../db/schema.ts";
import { effectiveRules } from "../domain/booking-rules.ts";
import type { Db } from "../env.ts";
import { occupyingSpot } from "./bookings.ts";

/**
 * What a session's line needs to know of it, read together: whether it takes visitors from the
 * calling site, when it opens, and how many seats are free now (its spots yet to start, less
 * the seats every live booking and hold takes). The line reads it every few seconds at most,
 * in two parallel reads.
 */
export async function launchFacts(db: Db, slug: string, now: number) {
  // Not one batch: a batch answers rows keyed by column name, and both tables name theirs "rules".
  const [[session], [seats]] = await Promise.all([
    db
      .select({
        id: sessions.id,
        status: sessions.status,
        classification: sessions.classification,
        rules: sessions.rules,
        typeRules: sessionTypes.rules,
        allowedOrigins: studios.allowedOrigins,
      })
      .from(sessions)
      .innerJoin(sessionTypes, eq(sessionTypes.id, sessions.sessionTypeId))
      .innerJoin(studios, eq(studios.id, sessions.studioId))
      .where(eq(sessions.slug, slug)),
    db
      .select({
        free: sql<number>`count(*) - coalesce((
          select sum(${bookings.seats}) from ${bookings}
          join ${spots} on ${spots.id} = ${bookings.spotId}
          join ${sessions} on ${sessions.id} = ${spots.sessionId}
          where ${sessions.slug} = ${slug} and ${spots.removedAt} is null and ${spots.startsAt} > ${now}
            and ${occupyingSpot(now)}), 0)`,
      })
      .from(spots)
      .innerJoin(sessions, eq(sessions.id, spots.sessionId))
      .where(and(eq(sessions.slug, slug), isNull(spots.removedAt), gt(spots.startsAt, now))),
  ]);
  if (!session) return null;
  return {
    sessionId: session.id,
    open: session.status === "scheduled" && session.classification === "multi",
    allowedOrigins: session.allowedOrigins,
    opensAt: effectiveRules(session.typeRules, session.rules).opensAt,
    freeSeats: Math.max(0, seats?.free ?? 0),
  };
}

export type LaunchFacts = NonNullable<Awaited<ReturnType<typeof launchFacts>>>;

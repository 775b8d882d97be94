import { and, asc, desc, eq, sql } from "drizzle-orm";
import { bookings, clients, emailTemplates, sessions, sessionTypes, spots } from "../../db/schema.ts";
import type { TemplateKind } from "../domain/templates.ts";
import type { Db } from "../env.ts";

export type EmailTemplateRow = typeof emailTemplates.$inferSelect;

export const listTemplates = (db: Db, studioId: string) =>
  db
    .select()
    .from(emailTemplates)
    .where(eq(emailTemplates.studioId, studioId))
    .orderBy(asc(emailTemplates.kind), asc(emailTemplates.name));

export async function getTemplate(db: Db, studioId: string, id: string): Promise<EmailTemplateRow | null> {
  const [row] = await db
    .select()
    .from(emailTemplates)
    .where(and(eq(emailTemplates.studioId, studioId), eq(emailTemplates.id, id)));
  return row ?? null;
}

/**
 * The template a session sends for `kind`: the session's own choice, else its session type's;
 * null when neither chose one (the kind's default in code) or the choice is not of this kind.
 */
export async function chosenTemplate(db: Db, studioId: string, sessionId: string, kind: TemplateKind) {
  const path = `$.${kind}`;
  const [row] = await db
    .select({ subject: emailTemplates.subject, body: emailTemplates.body })
    .from(sessions)
    .innerJoin(sessionTypes, eq(sessionTypes.id, sessions.sessionTypeId))
    .innerJoin(
      emailTemplates,
      and(
        eq(emailTemplates.studioId, studioId),
        eq(emailTemplates.kind, kind),
        sql`${emailTemplates.id} = coalesce(json_extract(${sessions.emailTemplates}, ${path}), json_extract(${sessionTypes.emailTemplates}, ${path}))`,
      ),
    )
    .where(and(eq(sessions.studioId, studioId), eq(sessions.id, sessionId)));
  return row ?? null;
}

/** The studio's latest bookings with a client, to preview a template with. */
export const previewBookings = (db: Db, studioId: string, limit = 20) =>
  db
    .select({
      booking: bookings,
      spot: { startsAt: spots.startsAt, endsAt: spots.endsAt },
      session: {
        id: sessions.id,
        name: sessions.name,
        timeZone: sessions.timeZone,
        location: sessions.location,
      },
      client: { name: clients.name },
    })
    .from(bookings)
    .innerJoin(spots, eq(spots.id, bookings.spotId))
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .innerJoin(clients, eq(clients.id, bookings.clientId))
    .where(eq(bookings.studioId, studioId))
    .orderBy(desc(bookings.createdAt))
    .limit(limit);

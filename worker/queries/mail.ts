import { and, desc, eq } from "drizzle-orm";
import { emails } from "../../db/schema.ts";
import type { Db } from "../env.ts";

/** The studio's outbox for the mail viewer, newest first. */
export const listMail = (db: Db, studioId: string, limit = 200) =>
  db
    .select({
      id: emails.id,
      kind: emails.kind,
      recipient: emails.recipient,
      subject: emails.subject,
      status: emails.status,
      createdAt: emails.createdAt,
    })
    .from(emails)
    .where(eq(emails.studioId, studioId))
    .orderBy(desc(emails.createdAt))
    .limit(limit);

export type MailSummary = Awaited<ReturnType<typeof listMail>>[number];
export type Mail = typeof emails.$inferSelect;

export async function getMail(db: Db, studioId: string, id: string): Promise<Mail | null> {
  const [row] = await db
    .select()
    .from(emails)
    .where(and(eq(emails.studioId, studioId), eq(emails.id, id)));
  return row ?? null;
}

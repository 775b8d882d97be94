import { and, eq, sql } from "drizzle-orm";
import { emailTemplates, sessions, sessionTypes } from "../../db/schema.ts";
import { invalid, notFound } from "../domain/errors.ts";
import { appointmentLinks, unsubscribeUrl } from "../domain/links.ts";
import { appointmentFacts, howToPayText, type Message, moneyFacts } from "../domain/messages.ts";
import {
  renderTemplate,
  type Template,
  type TemplateKind,
  type TemplateValues,
  templateKindList,
  templateValues,
} from "../domain/templates.ts";
import type { Db, Studio } from "../env.ts";
import {
  chosenTemplate,
  type EmailTemplateRow,
  getTemplate,
  listTemplates,
  previewBookings,
} from "../queries/email-templates.ts";
import type { EmailTemplateInput, TemplateChoices } from "../schemas/email-templates.ts";
import type { ActionContext, StudioContext } from "./context.ts";

/** How a client pays a balance: online from their link, or as the studio's instructions say. */
export const howToPay = (ctx: ActionContext, studio: Pick<Studio, "paymentInstructions">): string =>
  howToPayText(ctx.stripe() !== null, studio.paymentInstructions);

/**
 * The message a session sends for `kind`: the template its session (or session type) chose,
 * filled with `values`, else the kind's default from code.
 */
export async function sessionMessage(
  db: Db,
  studioId: string,
  sessionId: string,
  kind: TemplateKind,
  values: TemplateValues,
  fallback: () => Message,
): Promise<Message> {
  const template = await chosenTemplate(db, studioId, sessionId, kind);
  return template ? renderTemplate(template, values) : fallback();
}

export const emailTemplatesOf = (ctx: StudioContext): Promise<EmailTemplateRow[]> =>
  listTemplates(ctx.db, ctx.studio.id);

export async function emailTemplateOf(ctx: StudioContext, id: string): Promise<EmailTemplateRow> {
  const template = await getTemplate(ctx.db, ctx.studio.id, id);
  if (!template) throw notFound("email template");
  return template;
}

/** Saves a new template, or changes the one `id` names (its kind stays: another is refused). */
export async function saveEmailTemplate(
  ctx: StudioContext,
  input: EmailTemplateInput,
  id?: string,
): Promise<EmailTemplateRow> {
  const { db, studio } = ctx;
  if (id === undefined) {
    const [row] = await db
      .insert(emailTemplates)
      .values({
        studioId: studio.id,
        kind: input.kind,
        name: input.name,
        subject: input.subject,
        body: input.body,
      })
      .returning();
    if (!row) throw new Error("template insert returned nothing");
    return row;
  }
  if ((await emailTemplateOf(ctx, id)).kind !== input.kind) {
    throw invalid("kind", "A template keeps its kind: write a new one for another message.");
  }
  const [row] = await db
    .update(emailTemplates)
    .set({ name: input.name, subject: input.subject, body: input.body })
    .where(and(eq(emailTemplates.studioId, studio.id), eq(emailTemplates.id, id)))
    .returning();
  if (!row) throw notFound("email template");
  return row;
}

/**
 * Deletes a template: the messages that chose it send the default again (a session falls back to
 * its session type's choice), in one batch with the choices that named it.
 */
export async function deleteEmailTemplate(ctx: StudioContext, id: string): Promise<void> {
  const { db, studio } = ctx;
  const { kind } = await emailTemplateOf(ctx, id);
  const path = `$.${kind}`;
  const forget = <T extends typeof sessions | typeof sessionTypes>(table: T) =>
    db
      .update(table)
      .set({ emailTemplates: sql`json_remove(${table.emailTemplates}, ${path})` })
      .where(and(eq(table.studioId, studio.id), sql`json_extract(${table.emailTemplates}, ${path}) = ${id}`));
  await db.batch([
    forget(sessions),
    forget(sessionTypes),
    db.delete(emailTemplates).where(and(eq(emailTemplates.studioId, studio.id), eq(emailTemplates.id, id))),
  ]);
}

/** The bookings a template can be previewed with: the studio's latest, with their clients. */
export const previewBookingsOf = (ctx: StudioContext) => previewBookings(ctx.db, ctx.studio.id);

/**
 * The message a template (as typed, not yet saved) makes for one of the studio's real bookings.
 * Its links are shown as they will look, but open nothing: a preview makes no client link.
 */
export async function previewEmailTemplate(
  ctx: StudioContext,
  template: Template,
  bookingId: string,
): Promise<Message> {
  const row = (await previewBookings(ctx.db, ctx.studio.id, 200)).find((r) => r.booking.id === bookingId);
  if (!row) throw invalid("bookingId", "Choose one of your bookings to preview with.");
  const links = appointmentLinks(ctx.publicUrl, ctx.studio.bookingPageUrl, "preview");
  const values = templateValues(
    appointmentFacts(ctx.studio, row.session, row.spot, row.client),
    moneyFacts(row.booking),
    links,
    howToPay(ctx, ctx.studio),
  );
  return renderTemplate(template, { ...values, unsubscribe_link: unsubscribeUrl(ctx.publicUrl, "preview") });
}

/** Refuses a choice of a template that is not the studio's, or not of the message it is chosen for. */
async function checkedChoices(ctx: StudioContext, choices: TemplateChoices): Promise<Record<string, string>> {
  const mine = new Map((await listTemplates(ctx.db, ctx.studio.id)).map((t) => [t.id, t.kind]));
  const kept: Record<string, string> = {};
  for (const kind of templateKindList) {
    const id = choices[kind];
    if (id === null || id === undefined) continue;
    if (mine.get(id) !== kind) throw invalid(kind, "Choose one of your templates for this message.");
    kept[kind] = id;
  }
  return kept;
}

/** Which template each message of a session type's sessions uses. */
export async function chooseSessionTypeTemplates(ctx: StudioContext, id: string, choices: TemplateChoices) {
  const kept = await checkedChoices(ctx, choices);
  const [row] = await ctx.db
    .update(sessionTypes)
    .set({ emailTemplates: kept })
    .where(and(eq(sessionTypes.studioId, ctx.studio.id), eq(sessionTypes.id, id)))
    .returning({ id: sessionTypes.id });
  if (!row) throw notFound("session type");
}

/** Which template each message of one session uses, overriding its session type's choice. */
export async function chooseSessionTemplates(ctx: StudioContext, id: string, choices: TemplateChoices) {
  const kept = await checkedChoices(ctx, choices);
  const [row] = await ctx.db
    .update(sessions)
    .set({ emailTemplates: kept })
    .where(and(eq(sessions.studioId, ctx.studio.id), eq(sessions.id, id)))
    .returning({ id: sessions.id });
  if (!row) throw notFound("session");
}

/** The choices a session type and a session hold now, for their forms. */
export async function templateChoicesOf(ctx: StudioContext, target: "session" | "sessionType", id: string) {
  const table = target === "session" ? sessions : sessionTypes;
  const [row] = await ctx.db
    .select({ id: table.id, name: table.name, emailTemplates: table.emailTemplates })
    .from(table)
    .where(and(eq(table.studioId, ctx.studio.id), eq(table.id, id)));
  if (!row) throw notFound(target === "session" ? "session" : "session type");
  return row;
}

import { z } from "@hono/zod-openapi";
import { templateKindList, unknownPlaceholders } from "../domain/templates.ts";
import type { EmailTemplateRow } from "../queries/email-templates.ts";
import { Id, Name, Text } from "./fields.ts";

/** An email template as the photographer writes it, and which template each message uses. */

/** A placeholder that does not exist would reach clients as typed: refused, naming it. */
const knownPlaceholders = (text: string, ctx: z.RefinementCtx) => {
  const unknown = unknownPlaceholders(text);
  if (unknown.length > 0) {
    ctx.addIssue({
      code: "custom",
      message: `There is no placeholder ${unknown.join(", ")}; use one of those listed.`,
    });
  }
};

export const TemplateKind = z.enum(templateKindList as [string, ...string[]]);

export const EmailTemplateInput = z
  .object({
    kind: TemplateKind,
    name: Name,
    subject: Name.refine((v) => !/[\r\n]/.test(v), "Keep the subject on one line.").superRefine(
      knownPlaceholders,
    ),
    body: Text.refine((v) => v.trim().length > 0, "Write the message.").superRefine(knownPlaceholders),
  })
  // A marketing email always lets its reader stop them.
  .refine((t) => t.kind !== "announcement" || /\{\{\s*unsubscribe_link\s*\}\}/.test(t.body), {
    path: ["body"],
    message: "An announcement must keep {{unsubscribe_link}}, so a client can stop them.",
  })
  .openapi("EmailTemplateInput");
export type EmailTemplateInput = z.infer<typeof EmailTemplateInput>;

/** Message kind → template id; a kind left out or null sends the default (or the session type's). */
export const TemplateChoices = z.record(TemplateKind, Id.nullable()).openapi("TemplateChoices");
export type TemplateChoices = z.infer<typeof TemplateChoices>;

export const EmailTemplateSchema = /* @__PURE__ */ z
  .object({ id: z.string(), kind: TemplateKind, name: z.string(), subject: z.string(), body: z.string() })
  .openapi("EmailTemplate");

export const toEmailTemplate = (t: EmailTemplateRow): z.infer<typeof EmailTemplateSchema> => ({
  id: t.id,
  kind: t.kind,
  name: t.name,
  subject: t.subject,
  body: t.body,
});

/** What every message sends when no template is chosen, and the placeholders a template may use. */
export const TemplateDefaultsSchema = /* @__PURE__ */ z
  .object({
    defaults: z.record(TemplateKind, z.object({ subject: z.string(), body: z.string() })),
    placeholders: z.record(z.string(), z.string()),
  })
  .openapi("EmailTemplateDefaults");

import { z } from "@hono/zod-openapi";
import { templateKindList, unknownPlaceholders } from "../domain/templates.ts";
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
  .openapi("EmailTemplateInput");
export type EmailTemplateInput = z.infer<typeof EmailTemplateInput>;

/** Message kind → template id; a kind left out or null sends the default (or the session type's). */
export const TemplateChoices = z.record(TemplateKind, Id.nullable()).openapi("TemplateChoices");
export type TemplateChoices = z.infer<typeof TemplateChoices>;

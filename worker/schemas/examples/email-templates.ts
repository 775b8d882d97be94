/** The OpenAPI examples of email templates, in the story of index.ts: Juniper & Pine's own receipt. */
import type { z } from "@hono/zod-openapi";
import { defaultTemplatesIn, placeholders } from "../../domain/templates.ts";
import type { EmailTemplateInput, EmailTemplateSchema, TemplateDefaultsSchema } from "../email-templates.ts";

export const exampleNewEmailTemplate = {
  kind: "booking_confirmed",
  name: "Fall receipt",
  subject: "See you in the meadow: {{session}}",
  body: "Hi {{client}},\n\nYou're booked for {{when}} at {{location}}.\n\nPaid: {{paid}}\nBalance due: {{balance}}\n\n{{link}}\n\n— {{studio}}",
} satisfies z.input<typeof EmailTemplateInput>;

export const exampleEmailTemplate = {
  id: "6b2e9d4f-0c3a-4e7b-a1d8-5f9c2e6b0a37",
  ...exampleNewEmailTemplate,
} satisfies z.output<typeof EmailTemplateSchema>;

export const exampleTemplateDefaults = {
  defaults: defaultTemplatesIn("en-US"),
  placeholders,
} satisfies z.output<typeof TemplateDefaultsSchema>;

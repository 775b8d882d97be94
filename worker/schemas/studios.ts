import { z } from "@hono/zod-openapi";
import { isSlug } from "../domain/slugs.ts";
import { taxSettings } from "./checkout.ts";
import { Currency, Email, Locale, Name, Origin, TimeZone, WebUrl } from "./fields.ts";

/** A studio's settings: created by the operator, changed by the studio's own admin. */

const settings = {
  name: Name,
  timeZone: TimeZone,
  currency: Currency,
  locale: Locale,
  allowedOrigins: z.array(Origin).max(20),
  bookingPageUrl: WebUrl,
  holdMinutes: z.number().int().min(5).max(120),
  maxHoldsPerVisitor: z
    .number()
    .int()
    .min(1)
    .max(2, "A visitor holds at most two spots of a session at once.")
    .openapi({
      description: "Live holds one visitor may keep in one session: 1, or 2 for a workshop's seats.",
    }),
};

export const CreateStudio = z
  .object({
    ...settings,
    slug: z
      .string()
      .refine(isSlug, "Use lowercase letters, digits and single hyphens, up to 64 characters.")
      .optional(),
    email: Email.optional(),
    locale: settings.locale.optional(),
    bookingPageUrl: settings.bookingPageUrl.optional(),
    holdMinutes: settings.holdMinutes.optional(),
    maxHoldsPerVisitor: settings.maxHoldsPerVisitor.optional(),
  })
  .openapi("CreateStudio");
export type CreateStudio = z.infer<typeof CreateStudio>;

export const UpdateStudio = z
  .object({
    ...settings,
    email: Email.nullable(),
    bookingPageUrl: settings.bookingPageUrl.nullable(),
    ...taxSettings,
  })
  .partial()
  .openapi("UpdateStudio");
export type UpdateStudio = z.infer<typeof UpdateStudio>;

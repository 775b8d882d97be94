import { z } from "@hono/zod-openapi";
import { isSlug } from "../domain/slugs.ts";
import { Currency, Email, Locale, Name, Origin, TimeZone } from "./fields.ts";

/** A studio's settings: created by the operator, changed by the studio's own admin. */

const settings = {
  name: Name,
  timeZone: TimeZone,
  currency: Currency,
  locale: Locale,
  allowedOrigins: z.array(Origin).max(20),
  bookingPageUrl: z.url().max(500),
  holdMinutes: z.number().int().min(5).max(120),
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
  })
  .openapi("CreateStudio");
export type CreateStudio = z.infer<typeof CreateStudio>;

export const UpdateStudio = z
  .object({ ...settings, email: Email.nullable(), bookingPageUrl: settings.bookingPageUrl.nullable() })
  .partial()
  .openapi("UpdateStudio");
export type UpdateStudio = z.infer<typeof UpdateStudio>;

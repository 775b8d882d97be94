import { z } from "@hono/zod-openapi";
import { noticeKinds } from "../domain/notices.ts";
import { isSlug } from "../domain/slugs.ts";
import { taxSettings } from "./checkout.ts";
import { Currency, Email, Locale, Name, Origin, Text, TimeZone, WebUrl } from "./fields.ts";

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
    .openapi(
      DOCUMENTED && {
        description: "Live holds one visitor may keep in one session: 1, or 2 for a workshop's seats.",
      },
    ),
  sessionReminderHours: z
    .number()
    .int()
    .min(0)
    .max(168, "Send it at most a week (168 hours) before.")
    .openapi(
      DOCUMENTED && {
        description: "Hours before a session its clients are reminded of it; 0 sends no reminder.",
      },
    ),
  senderName: Name.refine((v) => v.length <= 100, "Keep the sender name under 100 characters.")
    // It becomes the From header's display name: one line.
    .refine((v) => !/[\r\n]/.test(v), "Keep the sender name on one line.")
    .openapi(
      DOCUMENTED && {
        description: "The name clients see their mail come from (the address stays MAIL_FROM's).",
      },
    ),
  paymentInstructions: Text.refine((v) => v.length <= 1000, "Keep it under 1,000 characters.").openapi({
    description:
      "How clients pay when online payment is off, shown in their payment reminders, e.g. " +
      '"Pay by Venmo @studio or cash on the day".',
  }),
  notices: z
    .object(
      Object.fromEntries(noticeKinds.map((k) => [k, z.boolean()])) as Record<
        (typeof noticeKinds)[number],
        z.ZodBoolean
      >,
    )
    .partial()
    .strict()
    .openapi(
      "Notices",
      DOCUMENTED && {
        description: "Which events the studio's email is told of; each is on by default.",
      },
    ),
  waitlistOfferHours: z
    .number()
    .int()
    .min(1)
    .max(72)
    .openapi(
      DOCUMENTED && { description: "How long a freed spot is held for the next person on a waitlist." },
    ),
  maxSeatsPerBooking: z
    .number()
    .int()
    .min(1)
    .max(20)
    .openapi(
      DOCUMENTED && {
        description:
          "Seats one booking may take at a time shared by several spots (a workshop); 1 by default.",
      },
    ),
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
    sessionReminderHours: settings.sessionReminderHours.optional(),
    senderName: settings.senderName.optional(),
    paymentInstructions: settings.paymentInstructions.optional(),
    notices: settings.notices.optional(),
    waitlistOfferHours: settings.waitlistOfferHours.optional(),
    maxSeatsPerBooking: settings.maxSeatsPerBooking.optional(),
  })
  .openapi("CreateStudio");
export type CreateStudio = z.infer<typeof CreateStudio>;

export const UpdateStudio = z
  .object({
    ...settings,
    email: Email.nullable(),
    bookingPageUrl: settings.bookingPageUrl.nullable(),
    senderName: settings.senderName.nullable(),
    ...taxSettings,
  })
  .partial()
  .openapi("UpdateStudio");
export type UpdateStudio = z.infer<typeof UpdateStudio>;

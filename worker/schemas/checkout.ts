import { z } from "@hono/zod-openapi";
import { addOnCeiling } from "../domain/pricing.ts";
import { ClientInput, Id, Locale } from "./fields.ts";
import { AnswersInput, SignatureInput } from "./questionnaire.ts";

/** The answers to the session type's questions and the signature of its contract, when it has them. */
export const formsFields = {
  answers: AnswersInput.optional(),
  signature: SignatureInput.optional().openapi(
    DOCUMENTED && {
      description: "Needed when the session answer has a `contract`: its id and the client's full name",
    },
  ),
};

/** What a visitor sends to book their hold: their details, the package, party size, add-ons, a code. */
export const BookHoldInput = z
  .object({
    client: ClientInput,
    packageId: Id.optional(),
    people: z
      .number()
      .int("Use a whole number of people.")
      .min(1, "At least 1 person.")
      .max(100, "At most 100 people.")
      .optional()
      .openapi(DOCUMENTED && { description: "People coming (default: the people the package includes)." }),
    addOns: z
      .array(z.object({ id: Id, quantity: z.number().int().min(0).max(addOnCeiling) }))
      .max(20)
      .optional(),
    couponCode: z.string().trim().max(40, "Codes are at most 40 characters.").optional(),
    acceptRules: z
      .boolean()
      .optional()
      .openapi(
        DOCUMENTED && {
          description:
            "The visitor accepts the session's rules (GET /v1/sessions/:slug `rules.text`); recorded on the booking.",
        },
      ),
    locale: Locale.optional().openapi(
      DOCUMENTED && {
        description: "The visitor's language (the session answer's locale), kept for their messages",
      },
    ),
    ...formsFields,
  })
  .openapi("BookHold");
export type BookHoldInput = z.infer<typeof BookHoldInput>;

/** A booking's amounts line by line, as `quote` (domain/pricing.ts) made them. */
export const QuoteSchema = /* @__PURE__ */ z
  .object({
    people: z.number().int(),
    lines: z.array(
      z.object({
        kind: z.enum(["package", "people", "add_on"]),
        id: z.string().optional(),
        label: z.string(),
        quantity: z.number().int(),
        unitCents: z.number().int(),
        totalCents: z.number().int(),
      }),
    ),
    subtotalCents: z.number().int(),
    couponCode: z.string().nullable(),
    discountCents: z.number().int(),
    taxCents: z.number().int(),
    taxInclusive: z.boolean(),
    amountCents: z.number().int(),
    depositCents: z.number().int(),
  })
  .openapi("Quote");

/** The studio's tax, set with PATCH /v1/admin/studio; `quote` applies it to every booking. */
export const taxSettings = {
  taxRateBasisPoints: z
    .number()
    .int("Use whole basis points (8.25 % is 825).")
    .min(0, "A rate cannot be negative.")
    .max(5000, "At most 50 %.")
    .openapi(DOCUMENTED && { description: "The tax rate in basis points (8.25 % = 825); 0 charges none." }),
  taxInclusive: z
    .boolean()
    .openapi(DOCUMENTED && { description: "Prices include the tax (true) or it is added on top." }),
};

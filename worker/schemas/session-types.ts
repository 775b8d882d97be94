import { z } from "@hono/zod-openapi";
import { addOnCeiling } from "../domain/pricing.ts";
import { TypeRulesInput } from "./booking-rules.ts";
import { Cents, Classification, Id, Name, Text } from "./fields.ts";
import { ContractInput, QuestionsInput } from "./questionnaire.ts";

/** A session type is created with its packages in one request; `packages` on update replaces the list. */

export const AddOnInput = z.object({
  id: Id.optional(),
  name: Name,
  priceCents: Cents,
  maxPerBooking: z
    .number()
    .int()
    .min(1, "At least 1, or leave it out for no limit.")
    .max(addOnCeiling, `At most ${addOnCeiling}.`)
    .nullable()
    .optional(),
});

const People = z.number().int().min(1, "At least 1 person.").max(100, "At most 100 people.");

export const PackageInput = z
  .object({
    id: Id.optional(),
    name: Name,
    description: Text.optional(),
    priceCents: Cents,
    depositCents: Cents.optional(),
    peopleIncluded: People.optional().openapi(
      DOCUMENTED && { description: "People the price covers (default 1)." },
    ),
    extraPersonCents: Cents.optional().openapi(
      DOCUMENTED && {
        description: "Price of each person beyond peopleIncluded.",
      },
    ),
    maxPeople: People.optional().openapi(
      DOCUMENTED && {
        description: "Most people one booking may bring (default: peopleIncluded).",
      },
    ),
    addOns: z.array(AddOnInput).max(20, "At most 20 add-ons.").optional(),
  })
  // A negative price already has its own error; say nothing more about its deposit.
  .refine((p) => p.priceCents < 0 || (p.depositCents ?? 0) <= p.priceCents, {
    message: "The deposit cannot be more than the price.",
    path: ["depositCents"],
  })
  .refine((p) => (p.maxPeople ?? p.peopleIncluded ?? 1) >= (p.peopleIncluded ?? 1), {
    message: "The most people cannot be fewer than the people included.",
    path: ["maxPeople"],
  });

const fields = {
  name: Name,
  classification: Classification,
  durationMinutes: z
    .number()
    .int()
    .min(5, "At least 5 minutes.")
    .max(24 * 60, "At most 24 hours."),
  breakMinutes: z
    .number()
    .int()
    .min(0, "Cannot be negative.")
    .max(24 * 60, "At most 24 hours."),
  description: Text,
  /** Where its sessions usually take place: a new session starts with it. */
  location: z.string().trim().max(500),
  paymentReminder: z.boolean(),
  paymentReminderDays: z.number().int().min(0).max(90),
  active: z.boolean(),
  packages: z.array(PackageInput).min(1, "Add at least one package.").max(20, "At most 20 packages."),
  /** Booking, moving and cancelling rules; on update, the rules sent replace the type's. */
  rules: TypeRulesInput,
  /** What clients are asked before the session, in order; on update, the list replaces the type's. */
  questions: QuestionsInput,
  contract: ContractInput,
};

export const CreateSessionType = z
  .object({
    ...fields,
    breakMinutes: fields.breakMinutes.default(0),
    description: fields.description.default(""),
    location: fields.location.default(""),
    paymentReminder: fields.paymentReminder.default(false),
    paymentReminderDays: fields.paymentReminderDays.default(3),
    active: fields.active.default(true),
    rules: fields.rules.optional(),
    questions: fields.questions.default([]),
    contract: fields.contract.default(""),
  })
  .openapi("CreateSessionType");

export const UpdateSessionType = z.object(fields).partial().openapi("UpdateSessionType");
export type UpdateSessionType = z.infer<typeof UpdateSessionType>;
export type CreateSessionType = z.infer<typeof CreateSessionType>;
export type PackageInput = z.infer<typeof PackageInput>;

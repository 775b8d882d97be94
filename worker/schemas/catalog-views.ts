import { z } from "@hono/zod-openapi";
import { type NoticeKind, noticeKinds, noticesOf } from "../domain/notices.ts";
import type { Studio } from "../env.ts";
import type { ClientRow } from "../queries/clients.ts";
import type { PackageRow, SessionTypeRow, SessionTypeWithPackages } from "../queries/session-types.ts";
import { SessionTypeRulesSchema, typeRulesOf } from "./booking-rules.ts";
import { Classification } from "./fields.ts";
import { ContractSchema, QuestionSchema } from "./questionnaire.ts";

/** How studios, clients, session types and packages look in answers. */

export const AddOnSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    name: z.string(),
    priceCents: z.number().int(),
    maxPerBooking: z.number().int().nullable(),
  })
  .openapi("AddOn");

export const PackageSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    priceCents: z.number().int(),
    depositCents: z.number().int(),
    peopleIncluded: z.number().int(),
    extraPersonCents: z.number().int(),
    maxPeople: z.number().int(),
    addOns: z.array(AddOnSchema),
  })
  .openapi("Package");

export const SessionTypeSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    name: z.string(),
    classification: Classification,
    durationMinutes: z.number().int(),
    breakMinutes: z.number().int(),
    description: z.string(),
    location: z.string(),
    paymentReminder: z.boolean(),
    paymentReminderDays: z.number().int(),
    active: z.boolean(),
    packages: z.array(PackageSchema),
    rules: SessionTypeRulesSchema,
    questions: z.array(QuestionSchema),
  })
  .openapi("SessionType");

/** A session type as its own endpoints answer it: with the contract its clients sign now. */
export const SessionTypeWithContractSchema = /* @__PURE__ */ SessionTypeSchema.extend({
  contract: z.union([ContractSchema, z.null()]).openapi({ description: "null: clients sign nothing" }),
}).openapi("SessionTypeWithContract");

export const toPackage = (p: PackageRow): z.infer<typeof PackageSchema> => ({
  id: p.id,
  name: p.name,
  description: p.description,
  priceCents: p.priceCents,
  depositCents: p.depositCents,
  peopleIncluded: p.peopleIncluded,
  extraPersonCents: p.extraPersonCents,
  maxPeople: Math.max(p.maxPeople, p.peopleIncluded),
  addOns: p.addOns,
});

export const toSessionType = (
  t: SessionTypeRow & { packages: PackageRow[] },
): z.infer<typeof SessionTypeSchema> => ({
  id: t.id,
  name: t.name,
  classification: t.classification,
  durationMinutes: t.durationMinutes,
  breakMinutes: t.breakMinutes,
  description: t.description,
  location: t.location,
  paymentReminder: t.paymentReminder,
  paymentReminderDays: t.paymentReminderDays,
  active: t.active,
  packages: t.packages.map(toPackage),
  rules: typeRulesOf(t.rules),
  questions: t.questions,
});

export const toSessionTypeWithContract = (
  t: SessionTypeWithPackages,
): z.infer<typeof SessionTypeWithContractSchema> => ({
  ...toSessionType(t),
  contract: t.contract && {
    id: t.contract.id,
    version: t.contract.version,
    text: t.contract.text,
    sha256: t.contract.sha256,
  },
});

export const ClientSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    /** Asked for no more announcements (their booking emails still go out). */
    unsubscribed: z.boolean(),
  })
  .openapi("Client");

export const toClient = (c: ClientRow): z.infer<typeof ClientSchema> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  unsubscribed: c.unsubscribedAt !== null,
});

export const StudioSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    timeZone: z.string(),
    currency: z.string(),
    locale: z.string(),
    allowedOrigins: z.array(z.string()),
    bookingPageUrl: z.string().nullable(),
    holdMinutes: z.number().int(),
    maxHoldsPerVisitor: z.number().int(),
    sessionReminderHours: z.number().int(),
    senderName: z.string().nullable(),
    paymentInstructions: z.string(),
    notices: z.object(
      Object.fromEntries(noticeKinds.map((k) => [k, z.boolean()])) as Record<NoticeKind, z.ZodBoolean>,
    ),
    waitlistOfferHours: z.number().int(),
    taxRateBasisPoints: z.number().int(),
    taxInclusive: z.boolean(),
    maxSeatsPerBooking: z.number().int(),
  })
  .openapi("Studio");

export const toStudio = (s: Studio): z.infer<typeof StudioSchema> => ({
  id: s.id,
  slug: s.slug,
  name: s.name,
  email: s.email,
  timeZone: s.timeZone,
  currency: s.currency,
  locale: s.locale,
  allowedOrigins: s.allowedOrigins,
  bookingPageUrl: s.bookingPageUrl,
  holdMinutes: s.holdMinutes,
  maxHoldsPerVisitor: s.maxHoldsPerVisitor,
  sessionReminderHours: s.sessionReminderHours,
  senderName: s.senderName,
  paymentInstructions: s.paymentInstructions,
  notices: noticesOf(s.noticesOff),
  waitlistOfferHours: s.waitlistOfferHours,
  taxRateBasisPoints: s.taxRateBasisPoints,
  taxInclusive: s.taxInclusive,
  maxSeatsPerBooking: s.maxSeatsPerBooking,
});

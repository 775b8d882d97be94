import { z } from "@hono/zod-openapi";
import { bookingStatuses, type CancelMoney, cancelMoneyOutcomes } from "../../db/schema.ts";
import { effectiveRules } from "../domain/booking-rules.ts";
import { acceptedLanguages, negotiate } from "../domain/catalogues/index.ts";
import { bookingSignature, type Contract } from "../domain/contract.ts";
import { balanceDue } from "../domain/money.ts";
import { studioTax } from "../domain/pricing.ts";
import type { SpotLabel } from "../domain/spot-labels.ts";
import { toIso } from "../domain/time.ts";
import type { BookingRow, ClientRow, PackageRow, SessionRow, SessionTypeRow } from "../queries/sessions.ts";
import { BookingRulesSchema, toBookingRules } from "./booking-rules.ts";
import { PackageSchema, toPackage } from "./catalog-views.ts";
import { QuoteSchema } from "./checkout.ts";
import { Classification, Instant } from "./fields.ts";
import {
  AnswerSchema,
  ContractSchema,
  QuestionSchema,
  SignatureSchema,
  toSignature,
} from "./questionnaire.ts";

/** What visitors and clients see: no other client's data, ever. */

export const PublicSessionSchema = /* @__PURE__ */ z
  .object({
    slug: z.string(),
    name: z.string(),
    classification: Classification,
    timeZone: z.string(),
    location: z.string(),
    description: z.string(),
    /** A cancelled session is shown as such, with no spots to book. */
    status: z.enum(["scheduled", "cancelled"]),
    currency: z.string(),
    studioName: z.string(),
    packageId: z.string().nullable(),
    holdMinutes: z.number().int(),
    /** Whether visitors may join the waitlist once every spot is taken. */
    waitlistOpen: z.boolean(),
    maxSeatsPerBooking: z.number().int().openapi({ description: "Seats one booking may take at a time" }),
    tax: z
      .object({ rateBasisPoints: z.number().int(), inclusive: z.boolean() })
      .openapi({ description: "The studio's tax, so a price can show its tax line before booking" }),
  })
  .openapi("PublicSession");

export const PublicSessionTypeSchema = /* @__PURE__ */ z
  .object({
    name: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    breakMinutes: z.number().int(),
  })
  .openapi("PublicSessionType");

export const PublicSpotSchema = /* @__PURE__ */ z
  .object({
    id: z.string().openapi({ description: "A spot of this time: hold seats by it" }),
    startsAt: Instant,
    endsAt: Instant,
    available: z.boolean(),
    seats: z.number().int().openapi({ description: "Seats at this time: its spots that start together" }),
    seatsLeft: z.number().int().openapi({ description: "Seats free now" }),
    label: z
      .object({
        day: z.string(),
        time: z.string(),
        zone: z.string(),
        offsetMinutes: z.number().int(),
      })
      .openapi("SpotLabel", {
        description:
          "The spot in the answer's language on the session's clock, and the zone's name and UTC offset then (minutes east of UTC), so a page can show it without formatting dates",
      }),
  })
  .openapi("PublicSpot", { description: "One time of the session (a workshop's seats share one)" });

/** A time as the session read shows it: `label` spells it in the visitor's locale (spotLabeller). */
export function publicSpot(
  s: { id: string; startsAt: number; endsAt: number; available: boolean; seats: number; seatsLeft: number },
  label: (startsAt: number) => SpotLabel,
): z.output<typeof PublicSpotSchema> {
  const { id, available, seats, seatsLeft } = s;
  return {
    id,
    startsAt: toIso(s.startsAt),
    endsAt: toIso(s.endsAt),
    available,
    seats,
    seatsLeft,
    label: label(s.startsAt),
  };
}

export const ClientBookingSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    status: z.enum(bookingStatuses),
    amountCents: z.number().int(),
    depositCents: z.number().int(),
    paidCents: z.number().int(),
    balanceCents: z.number().int(),
    currency: z.string(),
    packageId: z.string().nullable(),
    seats: z.number().int(),
    expiresAt: Instant.nullable(),
    client: z.object({ name: z.string(), email: z.string() }).nullable(),
    /** How many times the client moved it themselves. */
    rescheduleCount: z.number().int(),
    /** Once cancelled: what became of the money paid. */
    cancelMoney: z.enum(cancelMoneyOutcomes).nullable(),
    quote: z.union([QuoteSchema, z.null()]),
    answers: z
      .array(AnswerSchema)
      .openapi({ description: "What the client answered, each question as asked" }),
    signature: z
      .union([SignatureSchema, z.null()])
      .openapi({ description: "The contract the client signed" }),
  })
  .openapi("ClientBooking");

/** What the client may still change themselves, and until when, under the studio's rules. */
export const SelfServiceSchema = /* @__PURE__ */ z
  .object({
    reschedule: z.object({ allowed: z.boolean(), until: Instant.nullable(), reason: z.string().nullable() }),
    cancel: z.object({
      allowed: z.boolean(),
      until: Instant.nullable(),
      reason: z.string().nullable(),
      money: z.enum(cancelMoneyOutcomes),
    }),
  })
  .openapi("SelfService");

type SelfServiceFacts = {
  reschedule: { allowed: boolean; until: number | null; reason: string | null };
  cancel: { allowed: boolean; until: number | null; reason: string | null; money: CancelMoney };
};

const isoOrNull = (instant: number | null) => (instant === null ? null : toIso(instant));

export const toSelfService = (s: SelfServiceFacts): z.infer<typeof SelfServiceSchema> => ({
  reschedule: { ...s.reschedule, until: isoOrNull(s.reschedule.until) },
  cancel: { ...s.cancel, until: isoOrNull(s.cancel.until) },
});

/** What a visitor's answer says of the studio (the session read selects just these). */
export type StudioFacts = {
  name: string;
  currency: string;
  holdMinutes: number;
  locale: string;
  maxSeatsPerBooking: number;
  taxRateBasisPoints: number;
  taxInclusive: boolean;
};

/** The rules a visitor accepts by booking: the session's, in plain words, with their version. */
export const PublicRulesSchema = BookingRulesSchema;

/** What a booking asks of the visitor besides their details: the questions, and the contract to sign. */
export const PublicForms = {
  questions: /* @__PURE__ */ z
    .array(QuestionSchema)
    .openapi({ description: "Asked before booking (or confirming), in order" }),
  contract: /* @__PURE__ */ z.union([ContractSchema, z.null()]).openapi({
    description: "null: nothing to sign; else booking (or confirming) needs `signature` with this id",
  }),
};

const toContract = (c: Contract | null) =>
  c && { id: c.id, version: c.version, text: c.text, sha256: c.sha256 };

export const publicSessionParts = (
  session: SessionRow,
  sessionType: SessionTypeRow,
  studio: StudioFacts,
  packages: PackageRow[],
  contract: Contract | null,
) => ({
  session: {
    slug: session.slug,
    name: session.name,
    classification: session.classification,
    timeZone: session.timeZone,
    location: session.location,
    description: session.description,
    status: session.status,
    currency: studio.currency,
    studioName: studio.name,
    packageId: session.packageId,
    holdMinutes: studio.holdMinutes,
    waitlistOpen: session.waitlistOpen,
    maxSeatsPerBooking: studio.maxSeatsPerBooking,
    tax: studioTax(studio),
  },
  sessionType: {
    name: sessionType.name,
    description: sessionType.description,
    durationMinutes: sessionType.durationMinutes,
    breakMinutes: sessionType.breakMinutes,
  },
  packages: packages.map(toPackage),
  rules: toBookingRules(effectiveRules(sessionType.rules, session.rules), {
    timeZone: session.timeZone,
    locale: studio.locale,
  }),
  questions: sessionType.questions,
  contract: toContract(contract),
});

export const publicPackages = /* @__PURE__ */ z.array(PackageSchema);

export const toClientBooking = (
  b: BookingRow,
  client: ClientRow | null,
): z.infer<typeof ClientBookingSchema> => ({
  id: b.id,
  status: b.status,
  amountCents: b.amountCents,
  depositCents: b.depositCents,
  paidCents: b.paidCents,
  balanceCents: balanceDue(b),
  currency: b.currency,
  packageId: b.packageId,
  seats: b.seats,
  expiresAt: b.expiresAt === null ? null : toIso(b.expiresAt),
  // A visitor's booking shows the name they typed, never a stored one their email happens to match.
  client: client ? { name: b.visitorName ?? client.name, email: client.email } : null,
  rescheduleCount: b.rescheduleCount,
  cancelMoney: b.cancelMoney,
  quote: b.quote ?? null,
  answers: b.answers ?? [],
  signature: signatureView(b),
});

const signatureView = (b: BookingRow) => {
  const signed = bookingSignature(b);
  return signed && toSignature(signed);
};

/** `?lang=de-AT,de` (the widget's choice, most wanted first); without it, Accept-Language. */
export const LanguageQuery = z.object({
  lang: z
    .string()
    .max(200)
    .optional()
    .openapi(
      DOCUMENTED && { description: "The visitor's languages, most wanted first (BCP 47, comma-separated)" },
    ),
});

export const VisitorWords = {
  locale: /* @__PURE__ */ z
    .string()
    .openapi({ description: "The language the messages are in, for dates and money too" }),
  messages: /* @__PURE__ */ z
    .record(z.string(), z.union([z.string(), z.record(z.string(), z.string())]))
    .openapi("Messages", {
      description:
        "Every word the widget shows, in the visitor's language: {placeholders}, and plurals by Intl.PluralRules category",
    }),
};

/**
 * The visitor's words: the catalogue of the first language they want that Spotbook speaks, else
 * of `fallback` (a hosted page's studio), else English.
 */
export function visitorWords(
  lang: string | undefined,
  acceptLanguage: string | undefined,
  fallback?: string,
) {
  const wanted = lang ? lang.split(",") : acceptedLanguages(acceptLanguage);
  return negotiate(fallback ? [...wanted, fallback] : wanted);
}

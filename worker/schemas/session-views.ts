import { z } from "@hono/zod-openapi";
import { bookingStatuses } from "../../db/schema.ts";
import { bookingSignature } from "../domain/contract.ts";
import { publicSessionUrl } from "../domain/links.ts";
import { balanceDue } from "../domain/money.ts";
import { toIso } from "../domain/time.ts";
import type { SessionDetails, SessionSummary, SpotWithBooking } from "../queries/sessions.ts";
import {
  ClientSchema,
  PackageSchema,
  SessionTypeSchema,
  toClient,
  toPackage,
  toSessionType,
} from "./catalog-views.ts";
import { QuoteSchema } from "./checkout.ts";
import { Classification } from "./fields.ts";
import { AnswerSchema, SignatureSchema, toSignature } from "./questionnaire.ts";

/** How sessions, spots and bookings look to the photographer: in the admin API and on its pages. */

/**
 * A named schema or null. `.nullable()` on a named schema documents `allOf [ref, object|null]`,
 * which no value null can satisfy; a union documents `anyOf [ref, null]`, which validators accept.
 */
const orNull = <T extends z.ZodType>(schema: T) => z.union([schema, z.null()]);

export const AdminBookingSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    status: z.enum(bookingStatuses),
    client: orNull(ClientSchema),
    packageId: z.string().nullable(),
    amountCents: z.number().int(),
    depositCents: z.number().int(),
    paidCents: z.number().int(),
    balanceCents: z.number().int(),
    seats: z.number().int().openapi({ description: "Seats it takes at its time (a workshop)" }),
    expiresAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    quote: orNull(QuoteSchema),
    answers: z
      .array(AnswerSchema)
      .openapi({ description: "The client's answers, with each question as asked" }),
    signature: orNull(SignatureSchema),
  })
  .openapi("AdminBooking");

export const AdminSpotSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    available: z.boolean(),
    booking: orNull(AdminBookingSchema),
  })
  .openapi("AdminSpot");

const sessionFields = {
  id: z.string(),
  slug: z.string(),
  url: z.string(),
  name: z.string(),
  classification: Classification,
  sessionTypeId: z.string(),
  packageId: z.string().nullable(),
  clientId: z.string().nullable(),
  timeZone: z.string(),
  location: z.string(),
  description: z.string(),
  status: z.enum(["scheduled", "cancelled"]),
  cancelledAt: z.string().nullable(),
};

/** A cancelled booking still holding what its client paid: the studio owes it back. */
export const RefundDueSchema = /* @__PURE__ */ z
  .object({
    bookingId: z.string(),
    client: orNull(ClientSchema),
    paidCents: z.number().int(),
    currency: z.string(),
    cancelledAt: z.string().nullable(),
  })
  .openapi("RefundDue");

export const SessionDetailsSchema = /* @__PURE__ */ z
  .object({
    ...sessionFields,
    sessionType: SessionTypeSchema,
    package: orNull(PackageSchema),
    client: orNull(ClientSchema),
    confirmed: z.boolean(),
    spots: z.array(AdminSpotSchema),
    totals: z.object({
      currency: z.string(),
      amountCents: z.number().int(),
      paidCents: z.number().int(),
      balanceCents: z.number().int(),
    }),
    refundsDue: z.array(RefundDueSchema),
  })
  .openapi("SessionDetails");

export const SessionSummarySchema = /* @__PURE__ */ z
  .object({
    ...sessionFields,
    sessionTypeName: z.string(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    spotCount: z.number().int(),
    takenCount: z.number().int(),
  })
  .openapi("SessionSummary");

function toAdminBooking(b: NonNullable<SpotWithBooking["booking"]>): z.infer<typeof AdminBookingSchema> {
  return {
    id: b.id,
    status: b.status,
    client: b.client ? toClient(b.client) : null,
    packageId: b.packageId,
    amountCents: b.amountCents,
    depositCents: b.depositCents,
    paidCents: b.paidCents,
    balanceCents: balanceDue(b),
    seats: b.seats,
    expiresAt: b.expiresAt === null ? null : toIso(b.expiresAt),
    confirmedAt: b.confirmedAt === null ? null : toIso(b.confirmedAt),
    quote: b.quote ?? null,
    answers: b.answers ?? [],
    signature: signatureOrNull(b),
  };
}

const signatureOrNull = (b: Parameters<typeof bookingSignature>[0]) => {
  const signed = bookingSignature(b);
  return signed && toSignature(signed);
};

const baseFields = (s: SessionDetails["session"], publicUrl: string) => ({
  id: s.id,
  slug: s.slug,
  url: publicSessionUrl(publicUrl, s.slug),
  name: s.name,
  classification: s.classification,
  sessionTypeId: s.sessionTypeId,
  packageId: s.packageId,
  clientId: s.clientId,
  timeZone: s.timeZone,
  location: s.location,
  description: s.description,
  status: s.status,
  cancelledAt: s.cancelledAt === null ? null : toIso(s.cancelledAt),
});

/**
 * The spots still free: at each time, as many of its spots without a booking as it has seats left
 * (a booking of several seats sits on one spot and takes the others' seats too).
 */
function freeSpots(spots: SessionDetails["spots"]): Set<string> {
  const byTime = Map.groupBy(spots, (spot) => spot.startsAt);
  return new Set(
    [...byTime.values()].flatMap((time) => {
      const left = time.length - time.reduce((sum, s) => sum + (s.booking?.seats ?? 0), 0);
      return time
        .filter((s) => s.booking === null)
        .slice(0, Math.max(0, left))
        .map((s) => s.id);
    }),
  );
}

export function toSessionDetails(
  d: SessionDetails,
  currency: string,
  publicUrl: string,
): z.infer<typeof SessionDetailsSchema> {
  const booked = d.spots.flatMap((s) => (s.booking ? [s.booking] : []));
  const amountCents = booked.reduce((sum, b) => sum + b.amountCents, 0);
  const paidCents = booked.reduce((sum, b) => sum + b.paidCents, 0);
  const pkg = d.packages.find((p) => p.id === d.session.packageId);
  const free = freeSpots(d.spots);
  return {
    ...baseFields(d.session, publicUrl),
    sessionType: toSessionType({ ...d.sessionType, packages: d.packages }),
    package: pkg ? toPackage(pkg) : null,
    client: d.client ? toClient(d.client) : null,
    confirmed: d.session.classification === "single" && booked.some((b) => b.status === "confirmed"),
    spots: d.spots.map((spot) => ({
      id: spot.id,
      startsAt: toIso(spot.startsAt),
      endsAt: toIso(spot.endsAt),
      available: free.has(spot.id),
      booking: spot.booking ? toAdminBooking(spot.booking) : null,
    })),
    totals: {
      currency,
      amountCents,
      paidCents,
      balanceCents: booked.reduce((sum, b) => sum + balanceDue(b), 0),
    },
    refundsDue: d.refundsDue.map((b) => ({
      bookingId: b.id,
      client: b.client ? toClient(b.client) : null,
      paidCents: b.paidCents,
      currency: b.currency,
      cancelledAt: b.cancelledAt === null ? null : toIso(b.cancelledAt),
    })),
  };
}

export const toSessionSummary = (
  s: SessionSummary,
  publicUrl: string,
): z.infer<typeof SessionSummarySchema> => ({
  ...baseFields(s.session, publicUrl),
  sessionTypeName: s.sessionTypeName,
  startsAt: s.firstStartsAt === null ? null : toIso(s.firstStartsAt),
  endsAt: s.lastEndsAt === null ? null : toIso(s.lastEndsAt),
  spotCount: s.spotCount,
  takenCount: s.takenCount,
});

export type SessionDetailsView = z.infer<typeof SessionDetailsSchema>;
export type SpotView = SessionDetailsView["spots"][number];
export type AdminBookingView = NonNullable<SpotView["booking"]>;

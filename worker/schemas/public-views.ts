import { z } from "@hono/zod-openapi";
import { bookingStatuses } from "../../db/schema.ts";
import { balanceDue } from "../domain/money.ts";
import { toIso } from "../domain/time.ts";
import type { BookingRow, ClientRow, PackageRow, SessionRow, SessionTypeRow } from "../queries/sessions.ts";
import { PackageSchema, toPackage } from "./catalog-views.ts";
import { QuoteSchema } from "./checkout.ts";
import { Classification, Instant } from "./fields.ts";

/** What visitors and clients see: no other client's data, ever. */

export const PublicSessionSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    classification: Classification,
    timeZone: z.string(),
    location: z.string(),
    currency: z.string(),
    studioName: z.string(),
    packageId: z.string().nullable(),
    holdMinutes: z.number().int(),
  })
  .openapi("PublicSession");

export const PublicSessionTypeSchema = z
  .object({
    name: z.string(),
    description: z.string(),
    durationMinutes: z.number().int(),
    breakMinutes: z.number().int(),
  })
  .openapi("PublicSessionType");

export const PublicSpotSchema = z
  .object({ id: z.string(), startsAt: Instant, endsAt: Instant, available: z.boolean() })
  .openapi("PublicSpot");

export const ClientBookingSchema = z
  .object({
    id: z.string(),
    status: z.enum(bookingStatuses),
    amountCents: z.number().int(),
    depositCents: z.number().int(),
    paidCents: z.number().int(),
    balanceCents: z.number().int(),
    currency: z.string(),
    packageId: z.string().nullable(),
    expiresAt: Instant.nullable(),
    client: z.object({ name: z.string(), email: z.string() }).nullable(),
    quote: z.union([QuoteSchema, z.null()]),
  })
  .openapi("ClientBooking");

type StudioFacts = { name: string; currency: string; holdMinutes: number };

export const publicSessionParts = (
  session: SessionRow,
  sessionType: SessionTypeRow,
  studio: StudioFacts,
  packages: PackageRow[],
) => ({
  session: {
    slug: session.slug,
    name: session.name,
    classification: session.classification,
    timeZone: session.timeZone,
    location: session.location,
    currency: studio.currency,
    studioName: studio.name,
    packageId: session.packageId,
    holdMinutes: studio.holdMinutes,
  },
  sessionType: {
    name: sessionType.name,
    description: sessionType.description,
    durationMinutes: sessionType.durationMinutes,
    breakMinutes: sessionType.breakMinutes,
  },
  packages: packages.map(toPackage),
});

export const publicPackages = z.array(PackageSchema);

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
  expiresAt: b.expiresAt === null ? null : toIso(b.expiresAt),
  // A visitor's booking shows the name they typed, never a stored one their email happens to match.
  client: client ? { name: b.visitorName ?? client.name, email: client.email } : null,
  quote: b.quote ?? null,
});

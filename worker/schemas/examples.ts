/**
 * One made-up studio's rows, as the API shows them: the examples of the OpenAPI document (every
 * request body and every answer has one, typed against its schema where it is used, and checked
 * against the served schema by test/worker/openapi.test.ts). One set, so the examples of related
 * operations tell one story: Juniper & Pine's fall minis, a spot held, booked and paid.
 */
import type { z } from "@hono/zod-openapi";
import type { ClientSchema, PackageSchema, SessionTypeSchema, StudioSchema } from "./catalog-views.ts";
import { exampleAddOn } from "./checkout-examples.ts";
import type { ClientInput } from "./fields.ts";
import type {
  ClientBookingSchema,
  PublicSessionSchema,
  PublicSessionTypeSchema,
  PublicSpotSchema,
} from "./public-views.ts";
import type { CreateSessionType } from "./session-types.ts";
import type { AdminBookingSchema, SessionDetailsSchema, SessionSummarySchema } from "./session-views.ts";
import type { AddSpots, CreateSession } from "./sessions.ts";
import type { CreateStudio } from "./studios.ts";

const ids = {
  studio: "3d1f6c2e-8a4b-4f0e-9c7d-2b5a1e6f8c90",
  sessionType: "a6c0e5d2-1b7f-4e3a-8d9c-5f2e0b4a7c61",
  package: "0b9e4d71-6c2a-4f8e-b3d5-7a1c9e2f4b08",
  session: "c4e8a1f0-2d6b-4c9e-a7f3-1b5d8e0c6a29",
  spot: "e2b7d4c9-0f1a-4e6c-9b8d-3a5f7c1e0d46",
  client: "5f3a9c1e-7b2d-4e8f-a0c6-9d4b1e7f2a53",
  booking: "8c1d5e9a-3f7b-4a2c-b6e0-4d8f2a9c1e75",
  hold: "1a7e3c9f-5b0d-4f2e-8c6a-7e9b3d1f5a04",
} as const;

const session = { name: "Fall Minis", timeZone: "America/New_York", location: "Juniper Park, north meadow" };
const spotTimes = { startsAt: "2027-10-16T13:30:00.000Z", endsAt: "2027-10-16T13:50:00.000Z" };

export const examplePackage = {
  id: ids.package,
  name: "Mini",
  description: "20 minutes, 10 edited images",
  priceCents: 15_000,
  depositCents: 5_000,
  peopleIncluded: 2,
  extraPersonCents: 2_000,
  maxPeople: 5,
  addOns: [exampleAddOn],
} satisfies z.output<typeof PackageSchema>;

export const exampleSessionType = {
  id: ids.sessionType,
  name: "Fall Minis",
  classification: "multi",
  durationMinutes: 20,
  breakMinutes: 10,
  description: "Short outdoor portraits among the fall colours.",
  paymentReminder: true,
  paymentReminderDays: 3,
  active: true,
  packages: [examplePackage],
} satisfies z.output<typeof SessionTypeSchema>;

export const exampleClient = {
  id: ids.client,
  name: "Maya Okafor",
  email: "maya@example.com",
  phone: "+1 555 0142",
} satisfies z.output<typeof ClientSchema>;

export const exampleNewClient: z.input<typeof ClientInput> = {
  name: "Maya Okafor",
  email: "maya@example.com",
  phone: "+1 555 0142",
};

export const exampleStudio = {
  id: ids.studio,
  slug: "juniper-pine",
  name: "Juniper & Pine",
  email: "hello@juniper-pine.example",
  timeZone: "America/New_York",
  currency: "USD",
  locale: "en-US",
  allowedOrigins: ["https://www.juniper-pine.example"],
  bookingPageUrl: "https://www.juniper-pine.example/book",
  holdMinutes: 10,
  maxHoldsPerVisitor: 1,
  taxRateBasisPoints: 0,
  taxInclusive: false,
} satisfies z.output<typeof StudioSchema>;

export const exampleAdminBooking = {
  id: ids.booking,
  status: "confirmed",
  client: exampleClient,
  packageId: ids.package,
  amountCents: 15_000,
  depositCents: 5_000,
  paidCents: 5_000,
  balanceCents: 10_000,
  expiresAt: null,
  confirmedAt: "2027-10-02T18:04:00.000Z",
  quote: null,
} satisfies z.output<typeof AdminBookingSchema>;

const sessionHead = {
  id: ids.session,
  slug: "fall-minis",
  url: "https://spotbook.example/s/fall-minis",
  name: session.name,
  classification: "multi",
  sessionTypeId: ids.sessionType,
  packageId: null,
  clientId: null,
  timeZone: session.timeZone,
  location: session.location,
  status: "scheduled",
} as const;

export const exampleSessionDetails = {
  ...sessionHead,
  sessionType: exampleSessionType,
  package: null,
  client: null,
  confirmed: false,
  spots: [
    { id: ids.spot, ...spotTimes, available: false, booking: exampleAdminBooking },
    {
      id: "f9a2c6e1-4d8b-4b3f-a5e7-0c2d6f9b1a38",
      startsAt: "2027-10-16T14:00:00.000Z",
      endsAt: "2027-10-16T14:20:00.000Z",
      available: true,
      booking: null,
    },
  ],
  totals: { currency: "USD", amountCents: 15_000, paidCents: 5_000, balanceCents: 10_000 },
} satisfies z.output<typeof SessionDetailsSchema>;

export const exampleSessionSummary = {
  ...sessionHead,
  sessionTypeName: exampleSessionType.name,
  startsAt: spotTimes.startsAt,
  endsAt: "2027-10-16T14:20:00.000Z",
  spotCount: 2,
  takenCount: 1,
} satisfies z.output<typeof SessionSummarySchema>;

const publicSession = {
  slug: "fall-minis",
  name: session.name,
  classification: "multi",
  timeZone: session.timeZone,
  location: session.location,
  currency: "USD",
  studioName: exampleStudio.name,
  packageId: null,
  holdMinutes: 10,
} satisfies z.output<typeof PublicSessionSchema>;

const publicSessionType = {
  name: exampleSessionType.name,
  description: exampleSessionType.description,
  durationMinutes: 20,
  breakMinutes: 10,
} satisfies z.output<typeof PublicSessionTypeSchema>;

/** The widget's one read: the session, its type, packages and spots. */
export const examplePublicSession = {
  session: publicSession,
  sessionType: publicSessionType,
  packages: [examplePackage],
  spots: exampleSessionDetails.spots.map(({ id, startsAt, endsAt, available }) => ({
    id,
    startsAt,
    endsAt,
    available,
  })) satisfies z.output<typeof PublicSpotSchema>[],
};

export const exampleClientBooking = {
  id: ids.booking,
  status: "confirmed",
  amountCents: 15_000,
  depositCents: 5_000,
  paidCents: 5_000,
  balanceCents: 10_000,
  currency: "USD",
  packageId: ids.package,
  expiresAt: null,
  client: { name: exampleClient.name, email: exampleClient.email },
  quote: null,
} satisfies z.output<typeof ClientBookingSchema>;

/** What the client's confirmation link shows. */
export const exampleClientView = {
  booking: exampleClientBooking,
  session: publicSession,
  sessionType: publicSessionType,
  packages: [examplePackage],
  spot: { id: ids.spot, ...spotTimes },
};

export const exampleHold = {
  id: ids.hold,
  token: "sbk_hold_Wq3v9cXn2LkPz8TfRb4mYe6uHs0aJd1G",
  expiresAt: "2027-10-02T18:10:00.000Z",
};

export const exampleIds = ids;
export const exampleCheckoutUrl = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8";
export const exampleConfirmationUrl =
  "https://www.juniper-pine.example/book?spotbook=sbk_book_4TqZ8mN1vC7xR2kW";
export const exampleBookingToken = "sbk_book_4TqZ8mN1vC7xR2kW";

/** Request bodies: what a photographer or an integrator sends to make the rows above. */
export const exampleNewStudio: z.input<typeof CreateStudio> = {
  name: "Juniper & Pine",
  timeZone: "America/New_York",
  currency: "USD",
  allowedOrigins: ["https://www.juniper-pine.example"],
  email: "hello@juniper-pine.example",
  bookingPageUrl: "https://www.juniper-pine.example/book",
};

export const exampleNewSessionType = {
  name: "Fall Minis",
  classification: "multi",
  durationMinutes: 20,
  breakMinutes: 10,
  description: "Short outdoor portraits among the fall colours.",
  packages: [
    { name: "Mini", description: "20 minutes, 10 edited images", priceCents: 15_000, depositCents: 5_000 },
  ],
} satisfies z.input<typeof CreateSessionType>;

export const exampleNewSession = {
  classification: "multi",
  name: session.name,
  sessionTypeId: ids.sessionType,
  date: "2027-10-16",
  time: "09:30",
  location: session.location,
  spots: 6,
} satisfies z.input<typeof CreateSession>;

export const exampleMoreSpots = { date: "2027-10-16", time: "11:30", spots: 3 } satisfies z.input<
  typeof AddSpots
>;

/** The appointment as the calendar file a client adds (RFC 5545, lines end in CRLF). */
export const exampleCalendar = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Spotbook//EN",
  "BEGIN:VEVENT",
  `UID:${ids.booking}@spotbook`,
  "DTSTAMP:20271002T180600Z",
  "DTSTART:20271016T133000Z",
  "DTEND:20271016T135000Z",
  "SUMMARY:Fall Minis · Juniper & Pine",
  `LOCATION:${session.location.replace(",", "\\,")}`,
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

/**
 * One made-up studio's rows, as the API shows them: the examples of the OpenAPI document (every
 * request body and every answer has one, typed against its schema where it is used, and checked
 * against the served schema by test/worker/openapi.test.ts). One set, so the examples of related
 * operations tell one story: Juniper & Pine's fall minis, a spot held, booked and paid.
 */
import type { z } from "@hono/zod-openapi";
import { en } from "../../domain/catalogues/en.ts";
import { spotLabeller } from "../../domain/spot-labels.ts";
import type { BookingRulesSchema, SessionTypeRulesSchema, TypeRulesInput } from "../booking-rules.ts";
import type {
  ClientSchema,
  PackageSchema,
  SessionTypeSchema,
  SessionTypeWithContractSchema,
  StudioSchema,
} from "../catalog-views.ts";
import type { ClientInput } from "../fields.ts";
import type { LineSummarySchema, PlaceInLineSchema } from "../launch.ts";
import type {
  ClientBookingSchema,
  PublicSessionSchema,
  PublicSessionTypeSchema,
  PublicSpotSchema,
  SelfServiceSchema,
} from "../public-views.ts";
import type { CreateSessionType } from "../session-types.ts";
import type { AdminBookingSchema, SessionDetailsSchema, SessionSummarySchema } from "../session-views.ts";
import type { AddSpots, CreateSession, ShiftSession } from "../sessions.ts";
import type { CreateStudio } from "../studios.ts";
import type {
  AdminWaitlistSchema,
  HeldOfferSchema,
  JoinWaitlistSchema,
  WaitlistEntryCreatedSchema,
  WaitlistEntryViewSchema,
} from "../waitlist.ts";
import { exampleAddOn } from "./checkout.ts";
import { exampleAnswers, exampleContract, exampleQuestions, exampleSignature } from "./questionnaire.ts";

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

/** The studio's rules for its fall minis: a day's notice, one move, credit on cancelling. */
const typeRules = {
  noticeHours: 24,
  rescheduleAllowed: true,
  rescheduleHours: 24,
  rescheduleMax: 1,
  cancelAllowed: true,
  cancelHours: 48,
  cancelMoney: "credit",
} satisfies z.output<typeof SessionTypeRulesSchema>;

export const exampleRules = {
  ...typeRules,
  opensAt: "2027-09-01T23:00:00.000Z",
  closesAt: null,
  text: [
    "Booking opens Wednesday, September 1, 2027 at 7:00 PM.",
    "Book at least 1 day ahead.",
    "You can move your booking to another free time of the session once, up to 1 day before it.",
    "You can cancel up to 2 days before; what you paid is kept as credit toward a later session with the studio.",
  ],
  version: "r1-5b1e03c2",
} satisfies z.output<typeof BookingRulesSchema>;

export const exampleNewRules = {
  rescheduleMax: 2,
  cancelHours: 72,
  cancelMoney: "refund",
} satisfies z.input<typeof TypeRulesInput>;

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
  location: session.location,
  paymentReminder: true,
  paymentReminderDays: 3,
  active: true,
  packages: [examplePackage],
  rules: typeRules,
  questions: exampleQuestions,
} satisfies z.output<typeof SessionTypeSchema>;

export const exampleSessionTypeWithContract = {
  ...exampleSessionType,
  contract: exampleContract,
} satisfies z.output<typeof SessionTypeWithContractSchema>;

export const exampleClient = {
  id: ids.client,
  name: "Maya Okafor",
  email: "maya@example.com",
  phone: "+1 555 0142",
  unsubscribed: false,
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
  sessionReminderHours: 24,
  senderName: "Juniper & Pine Photography",
  paymentInstructions: "Pay by Venmo @juniper-pine or cash on the day",
  notices: { booked: true, confirmed: true, changed: true, paid: true, refund_needed: true },
  waitlistOfferHours: 12,
  taxRateBasisPoints: 0,
  taxInclusive: false,
  maxSeatsPerBooking: 1,
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
  seats: 1,
  expiresAt: null,
  confirmedAt: "2027-10-02T18:04:00.000Z",
  quote: null,
  answers: exampleAnswers,
  signature: exampleSignature,
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
  description: "Bring a layer: the meadow is cool in the morning.",
  status: "scheduled",
  cancelledAt: null,
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
  refundsDue: [],
} satisfies z.output<typeof SessionDetailsSchema>;

/** The same session cancelled: its client emailed, the deposit they paid listed for refund. */
export const exampleCancelledSession = {
  ...exampleSessionDetails,
  status: "cancelled",
  cancelledAt: "2027-10-10T15:00:00.000Z",
  spots: exampleSessionDetails.spots.map((spot) => ({ ...spot, available: true, booking: null })),
  totals: { currency: "USD", amountCents: 0, paidCents: 0, balanceCents: 0 },
  refundsDue: [
    {
      bookingId: ids.booking,
      client: exampleClient,
      paidCents: 5_000,
      currency: "USD",
      cancelledAt: "2027-10-10T15:00:00.000Z",
    },
  ],
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
  description: "Bring a layer: the meadow is cool in the morning.",
  status: "scheduled",
  currency: "USD",
  studioName: exampleStudio.name,
  packageId: null,
  holdMinutes: 10,
  waitlistOpen: true,
  maxSeatsPerBooking: 1,
  tax: { rateBasisPoints: 825, inclusive: false },
} satisfies z.output<typeof PublicSessionSchema>;

/** The visitor's words (an excerpt: the answer carries every message of the catalogue). */
const visitorWords = {
  locale: "en-US",
  messages: {
    chooseTime: en.chooseTime,
    seatsLeft: en.seatsLeft,
  },
};

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
    seats: 1,
    seatsLeft: available ? 1 : 0,
    label: spotLabeller("en", publicSession.timeZone)(Date.parse(startsAt)),
  })) satisfies z.output<typeof PublicSpotSchema>[],
  ...visitorWords,
  rules: exampleRules,
  questions: exampleQuestions,
  contract: exampleContract,
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
  seats: 1,
  expiresAt: null,
  client: { name: exampleClient.name, email: exampleClient.email },
  rescheduleCount: 0,
  cancelMoney: null,
  quote: null,
  answers: exampleAnswers,
  signature: exampleSignature,
} satisfies z.output<typeof ClientBookingSchema>;

/** What the client's confirmation link shows. */
export const exampleClientView = {
  booking: exampleClientBooking,
  session: publicSession,
  sessionType: publicSessionType,
  packages: [examplePackage],
  spot: { id: ids.spot, ...spotTimes },
  ...visitorWords,
  rules: exampleRules,
  questions: exampleQuestions,
  contract: exampleContract,
  selfService: {
    reschedule: { allowed: true, until: "2027-10-15T13:30:00.000Z", reason: null },
    cancel: { allowed: true, until: "2027-10-14T13:30:00.000Z", reason: null, money: "credit" },
  } satisfies z.output<typeof SelfServiceSchema>,
};

/** A client's cancellation: the booking, and the money kept as their credit. */
export const exampleCancelled = {
  booking: { ...exampleClientBooking, status: "cancelled" as const, cancelMoney: "credit" as const },
  money: { outcome: "credit" as const, amountCents: 5_000, currency: "USD" },
};

export const exampleHold = {
  id: ids.hold,
  token: "sbk_hold_Wq3v9cXn2LkPz8TfRb4mYe6uHs0aJd1G",
  expiresAt: "2027-10-02T18:10:00.000Z",
  seats: 1,
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
  rules: exampleNewRules,
  questions: exampleQuestions,
  contract: exampleContract.text,
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

export const exampleShift = { minutes: 20 } satisfies z.input<typeof ShiftSession>;

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

const entryId = "9e4c2a7b-1d5f-4b8e-a3c6-0f7d2e9b4a18";

/** Maya joins the full session's waitlist, asking for its Saturday. */
export const exampleJoinWaitlist = {
  client: { name: exampleNewClient.name, email: exampleNewClient.email },
  times: [{ date: "2027-10-16", from: "09:00", to: "12:00" }],
  locale: "en-US",
} satisfies z.input<typeof JoinWaitlistSchema>;

export const exampleWaitlistJoined = {
  entry: { id: entryId, position: 3, token: "sbk_wait_Hc7Lq2Vn9XkRt4Pz8BmWe1Ys" },
} satisfies { entry: z.output<typeof WaitlistEntryCreatedSchema> };

export const exampleWaitlistEntry = {
  entry: {
    id: entryId,
    status: "waiting",
    position: 2,
    name: exampleNewClient.name,
    offerExpiresAt: null,
    session: { slug: publicSession.slug, name: session.name, timeZone: session.timeZone },
  },
  ...visitorWords,
} satisfies { entry: z.output<typeof WaitlistEntryViewSchema> };

export const exampleHeldOffer = {
  offer: {
    session: publicSession.slug,
    hold: { id: ids.hold, expiresAt: "2027-10-03T06:00:00.000Z" },
    spot: { id: ids.spot, ...spotTimes },
    client: { name: exampleNewClient.name, email: exampleNewClient.email },
  },
} satisfies { offer: z.output<typeof HeldOfferSchema> };

export const exampleAdminWaitlist = {
  waitlist: {
    open: true,
    entries: [
      {
        id: entryId,
        name: exampleNewClient.name,
        email: exampleNewClient.email,
        times: exampleJoinWaitlist.times,
        status: "waiting",
        createdAt: "2027-10-01T15:00:00.000Z",
      },
    ],
    offers: [
      {
        id: "6b2d9f4e-8a1c-4e7b-b5d0-3c9a7e1f2b64",
        entryId,
        name: exampleNewClient.name,
        spotId: ids.spot,
        startsAt: spotTimes.startsAt,
        status: "offered",
        expiresAt: "2027-10-03T06:00:00.000Z",
        createdAt: "2027-10-02T18:00:00.000Z",
        endedAt: null,
      },
    ],
  },
} satisfies { waitlist: z.output<typeof AdminWaitlistSchema> };

/** A studio's calendar feed as the admin API answers it: the URL only once, when it is made. */
export const exampleCalendarFeedToken = "cal_Xq3v9LmT2pR7sK1wN8bZ4yHc6dF0gJ5a";
export const exampleCalendarFeed = {
  url: `https://spotbook.example.workers.dev/v1/calendar/${exampleCalendarFeedToken}/bookings.ics`,
  createdAt: "2027-10-02T18:06:00.000Z",
};

export const exampleCalendarFeedFile = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//Spotbook//Booking Sessions//EN",
  "CALSCALE:GREGORIAN",
  "METHOD:PUBLISH",
  "X-WR-CALNAME:Juniper & Pine — bookings",
  "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
  "X-PUBLISHED-TTL:PT1H",
  "BEGIN:VEVENT",
  `UID:${ids.booking}@spotbook`,
  "SEQUENCE:0",
  "DTSTAMP:20271002T180600Z",
  "DTSTART:20271016T133000Z",
  "DTEND:20271016T135000Z",
  "SUMMARY:Mary Shelley — Fall Minis",
  `LOCATION:${session.location.replace(",", "\\,")}`,
  "DESCRIPTION:Client: Mary Shelley <mary@example.com>\\nPackage: Mini\\nBalance d",
  " ue: $100.00 of $150.00\\nSession: https://spotbook.example.workers.dev/admin/",
  ` sessions/${ids.session}`,
  `URL:https://spotbook.example.workers.dev/admin/sessions/${ids.session}`,
  "STATUS:CONFIRMED",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

export { exampleContract, exampleQuestions };
/** A visitor's place in a launch line: their turn has come, with the admission to hold with. */
export const examplePlaceInLine = {
  ticket: "sbk_line_Hk2mW9qZ4xV7nB1cR5tY8uJ3pL6sD0aF",
  status: "admitted",
  position: null,
  opensAt: "2027-09-01T23:00:00.000Z",
  admission: {
    token: "7f0c2a4e-5b1d-4c3e-9a8f-2d6b1e0c9f47.1820185380000.q8ZJ1vN3bX5mK7pR9tW2yC4eG6iL8oQ0sU2wA4cE6gI",
    expiresAt: "2027-09-01T23:03:00.000Z",
  },
  retryAfterMs: 1_000,
  seatsLeft: 10,
} satisfies z.output<typeof PlaceInLineSchema>;

export const exampleLineSummary = {
  opensAt: "2027-09-01T23:00:00.000Z",
  opened: true,
  arrived: 512,
  waiting: 490,
  admitted: 22,
} satisfies z.output<typeof LineSummarySchema>;

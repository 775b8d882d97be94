/**
 * The one source of Spotbook's tables. `npm run db:generate` turns changes here into a migration
 * under db/migrations, which wrangler applies (locally on `npm start`, remotely on deploy).
 *
 * Instants are integers: milliseconds since the epoch, UTC. Money is an integer in minor units,
 * always next to its currency. Every row but a studio carries `studio_id`, and every query is
 * scoped by it.
 */
import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { BookingRules } from "../worker/domain/booking-rules.ts";
import type { AddOn, Quote } from "../worker/domain/pricing.ts";

export const classifications = ["single", "multi"] as const;
export type Classification = (typeof classifications)[number];

export const bookingStatuses = [
  "held",
  "pending_payment",
  "reserved",
  "awaiting_confirmation",
  "confirmed",
  "cancelled",
  "expired",
] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** What a cancellation does with money paid: refunded, kept by the studio, or kept as the client's credit. */
export const cancelMoneyOutcomes = ["refund", "keep", "credit"] as const;
export type CancelMoney = (typeof cancelMoneyOutcomes)[number];

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at")
    .notNull()
    .$defaultFn(() => Date.now());
const emailTemplateChoices = () =>
  text("email_templates", { mode: "json" }).$type<Record<string, string>>().notNull().default(sql`'{}'`);
const studioId = () =>
  text("studio_id")
    .notNull()
    .references(() => studios.id);

export const studios = sqliteTable("studios", {
  id: id(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** The sign-in email: unique across the deployment, since sign-in finds the studio by it. */
  email: text("email").unique(),
  timeZone: text("time_zone").notNull(),
  currency: text("currency").notNull(),
  locale: text("locale").notNull().default("en-US"),
  /** JSON array of origins (scheme://host[:port]) allowed to embed the widget. */
  allowedOrigins: text("allowed_origins", { mode: "json" }).$type<string[]>().notNull(),
  bookingPageUrl: text("booking_page_url"),
  holdMinutes: integer("hold_minutes").notNull().default(15),
  /** Live holds one visitor may have in one session: 1, or 2 for a workshop's seats. */
  maxHoldsPerVisitor: integer("max_holds_per_visitor").notNull().default(1),
  sessionReminderHours: integer("session_reminder_hours").notNull().default(24),
  passwordHash: text("password_hash"),
  failedLogins: integer("failed_logins").notNull().default(0),
  lockedUntil: integer("locked_until"),
  createdAt: createdAt(),
  /** The display name mail is sent from (MAIL_FROM's address); null: MAIL_FROM's own name. */
  senderName: text("sender_name"),
  /** How clients pay when online payment is off ("Pay by Venmo @studio or cash on the day"). */
  paymentInstructions: text("payment_instructions").notNull().default(""),
  /** The photographer's notices turned off (see domain/notices.ts); every other one is sent. */
  noticesOff: text("notices_off", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
  /** How long a spot offered to the next person on a waitlist is held for them. */
  waitlistOfferHours: integer("waitlist_offer_hours").notNull().default(12),
  /** Tax in basis points (8.25 % = 825); 0 charges none. */
  taxRateBasisPoints: integer("tax_rate_basis_points").notNull().default(0),
  /** Whether prices already include the tax (else it is added on top). */
  taxInclusive: integer("tax_inclusive", { mode: "boolean" }).notNull().default(false),
  /** Seats one visitor may take in one booking at a time shared by several spots (a workshop). */
  maxSeatsPerBooking: integer("max_seats_per_booking").notNull().default(1),
});

/** Bearer tokens for the admin JSON API; only the SHA-256 of a token is kept. */
export const adminTokens = sqliteTable("admin_tokens", {
  id: id(),
  studioId: studioId(),
  tokenHash: text("token_hash").notNull().unique(),
  label: text("label").notNull().default("admin"),
  createdAt: createdAt(),
});

/** Signed-in browser sessions of the admin pages (the cookie holds the token). */
export const adminLogins = sqliteTable(
  "admin_logins",
  {
    id: id(),
    studioId: studioId(),
    tokenHash: text("token_hash").notNull().unique(),
    csrfToken: text("csrf_token").notNull(),
    expiresAt: integer("expires_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("admin_logins_studio").on(t.studioId)],
);

export const clients = sqliteTable(
  "clients",
  {
    id: id(),
    studioId: studioId(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    phone: text("phone"),
    createdAt: createdAt(),
    /** When the client asked for no more announcements; their booking emails still go out. */
    unsubscribedAt: integer("unsubscribed_at"),
  },
  (t) => [uniqueIndex("clients_studio_email").on(t.studioId, t.email)],
);

export const sessionTypes = sqliteTable(
  "session_types",
  {
    id: id(),
    studioId: studioId(),
    name: text("name").notNull(),
    classification: text("classification", { enum: classifications }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    breakMinutes: integer("break_minutes").notNull().default(0),
    description: text("description").notNull().default(""),
    paymentReminder: integer("payment_reminder", { mode: "boolean" }).notNull().default(false),
    paymentReminderDays: integer("payment_reminder_days").notNull().default(3),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    /** Where sessions of this type usually take place; a new session starts with it. */
    location: text("location").notNull().default(""),
    /** The studio's booking rules for this type (domain/booking-rules.ts); null: the defaults. */
    rules: text("rules", { mode: "json" }).$type<Partial<BookingRules>>(),
    /** Message kind → the studio's email template its sessions send; a kind left out: the default. */
    emailTemplates: emailTemplateChoices(),
  },
  (t) => [index("session_types_studio").on(t.studioId)],
);

export const packages = sqliteTable(
  "packages",
  {
    id: id(),
    studioId: studioId(),
    sessionTypeId: text("session_type_id")
      .notNull()
      .references(() => sessionTypes.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    priceCents: integer("price_cents").notNull(),
    depositCents: integer("deposit_cents").notNull().default(0),
    position: integer("position").notNull().default(0),
    /** People the price covers; each additional one costs `extra_person_cents`, up to `max_people`. */
    peopleIncluded: integer("people_included").notNull().default(1),
    extraPersonCents: integer("extra_person_cents").notNull().default(0),
    maxPeople: integer("max_people").notNull().default(1),
    /** What a visitor may add to the package (extra images, a print), each with a price and a limit. */
    addOns: text("add_ons", { mode: "json" }).$type<AddOn[]>().notNull().default(sql`'[]'`),
  },
  (t) => [index("packages_session_type").on(t.sessionTypeId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: id(),
    studioId: studioId(),
    /** Public, URL-safe and stable: renaming a session keeps its links working. */
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    classification: text("classification", { enum: classifications }).notNull(),
    sessionTypeId: text("session_type_id")
      .notNull()
      .references(() => sessionTypes.id),
    /** Null: the client chooses a package when booking or confirming. */
    packageId: text("package_id").references(() => packages.id),
    /** Single sessions only; null until the photographer assigns a client. */
    clientId: text("client_id").references(() => clients.id),
    timeZone: text("time_zone").notNull(),
    location: text("location").notNull().default(""),
    status: text("status", { enum: ["scheduled", "cancelled"] })
      .notNull()
      .default("scheduled"),
    createdAt: createdAt(),
    /** Shown to visitors beside the session type's description. */
    description: text("description").notNull().default(""),
    cancelledAt: integer("cancelled_at"),
    /** This session's overrides of its type's booking rules, rule by rule; null: none. */
    rules: text("rules", { mode: "json" }).$type<Partial<BookingRules>>(),
    /** Message kind → template, overriding the session type's choice for this session only. */
    emailTemplates: emailTemplateChoices(),
    /** Whether visitors may join the waitlist of a full session, and freed spots are offered on it. */
    waitlistOpen: integer("waitlist_open", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [index("sessions_studio").on(t.studioId), index("sessions_session_type").on(t.sessionTypeId)],
);

export const spots = sqliteTable(
  "spots",
  {
    id: id(),
    studioId: studioId(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id),
    startsAt: integer("starts_at").notNull(),
    endsAt: integer("ends_at").notNull(),
    /** A spot the photographer removed: gone from the session, kept for the bookings it had. */
    removedAt: integer("removed_at"),
  },
  (t) => [index("spots_session_starts").on(t.sessionId, t.startsAt), index("spots_starts").on(t.startsAt)],
);

/** The statuses in which a booking occupies its spot (held and pending_payment only until expiresAt). */
export const liveStatuses = [
  "held",
  "pending_payment",
  "reserved",
  "awaiting_confirmation",
  "confirmed",
] as const satisfies readonly BookingStatus[];

export const bookings = sqliteTable(
  "bookings",
  {
    id: id(),
    studioId: studioId(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id),
    spotId: text("spot_id")
      .notNull()
      .references(() => spots.id),
    /** Null while a visitor only holds the spot. */
    clientId: text("client_id").references(() => clients.id),
    packageId: text("package_id").references(() => packages.id),
    status: text("status", { enum: bookingStatuses }).notNull(),
    amountCents: integer("amount_cents").notNull().default(0),
    depositCents: integer("deposit_cents").notNull().default(0),
    paidCents: integer("paid_cents").notNull().default(0),
    currency: text("currency").notNull(),
    /** SHA-256 of the hold's bearer token (visitor side, short-lived). */
    holdTokenHash: text("hold_token_hash").unique(),
    /** Who placed a hold (a hash of their network address), to cap the holds one visitor keeps. */
    visitorKey: text("visitor_key"),
    /**
     * The name a visitor typed when booking. Their email may name a client the studio knows: the
     * booking joins that client, but shows back only what the visitor typed.
     */
    visitorName: text("visitor_name"),
    expiresAt: integer("expires_at"),
    confirmedAt: integer("confirmed_at"),
    cancelledAt: integer("cancelled_at"),
    createdAt: createdAt(),
    /** The calendar event's SEQUENCE: bumped on every move and on cancellation. */
    sequence: integer("sequence").notNull().default(0),
    /** How many times the client moved this booking themselves (the rules may cap it). */
    rescheduleCount: integer("reschedule_count").notNull().default(0),
    /** The rules shown when it was booked, in plain words, and their version. */
    rulesText: text("rules_text"),
    rulesVersion: text("rules_version"),
    /** When the visitor ticked "I accept these terms" (null: booked without saying so). */
    rulesAcceptedAt: integer("rules_accepted_at"),
    /** On cancellation: what became of the money paid (refund, keep or credit). */
    cancelMoney: text("cancel_money", { enum: cancelMoneyOutcomes }),
    /** How the amount came about (people, add-ons, code, tax); null for a booking priced before them. */
    quote: text("quote", { mode: "json" }).$type<Quote>(),
    /**
     * Seats this booking takes at its time (a workshop's spots that share a start). It sits on one
     * of that time's spots; the others stay without a row, and the free seats of a time are its
     * spots less the seats its live bookings take.
     */
    seats: integer("seats").notNull().default(1),
    /** The visitor's language when they booked (BCP 47), for messages in that language later. */
    locale: text("locale"),
  },
  (t) => [
    // Whatever the code does, the database refuses a second live booking of one spot.
    uniqueIndex("bookings_live_spot")
      .on(t.spotId)
      .where(sql.raw(`status IN (${liveStatuses.map((s) => `'${s}'`).join(", ")})`)),
    index("bookings_spot_status").on(t.spotId, t.status),
    index("bookings_session").on(t.sessionId),
    index("bookings_client").on(t.clientId),
    index("bookings_status_expires").on(t.status, t.expiresAt),
    index("bookings_session_visitor").on(t.sessionId, t.visitorKey),
  ],
);

/**
 * The client's links to a booking (confirm, pay, calendar): one per email, so a reminder does not
 * break the link in an earlier message. Only the SHA-256 of each token is kept.
 */
export const clientLinks = sqliteTable(
  "client_links",
  {
    id: id(),
    studioId: studioId(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("client_links_booking").on(t.bookingId)],
);

export const paymentStatuses = ["pending", "succeeded", "expired", "refund_needed", "refunded"] as const;
/** How money taken (or given back) outside Stripe changed hands. */
export const paymentMethods = ["cash", "transfer", "card", "check", "other"] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

export const payments = sqliteTable(
  "payments",
  {
    id: id(),
    studioId: studioId(),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id),
    provider: text("provider", { enum: ["stripe", "manual"] }).notNull(),
    /** Stripe Checkout session id, or a generated id for a payment marked by hand. */
    providerRef: text("provider_ref").notNull().unique(),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    /**
     * A Checkout is `pending` from the moment it is opened, then `succeeded`, `expired` (abandoned)
     * or `refund_needed` (paid, but no booking could take the money).
     */
    status: text("status", { enum: paymentStatuses }).notNull(),
    createdAt: createdAt(),
    /** A refund gives `amount_cents` back to the client: it lowers the booking's paid amount. */
    kind: text("kind", { enum: ["payment", "refund"] })
      .notNull()
      .default("payment"),
    /** For money recorded by hand: how it changed hands (Stripe's own payments leave it null). */
    method: text("method", { enum: paymentMethods }),
    note: text("note").notNull().default(""),
  },
  (t) => [index("payments_booking").on(t.bookingId)],
);

/** Stripe event ids already handled, so a replayed webhook changes nothing. */
export const stripeEvents = sqliteTable("stripe_events", {
  id: text("id").primaryKey(),
  type: text("type").notNull(),
  receivedAt: integer("received_at").notNull(),
});

export const emails = sqliteTable(
  "emails",
  {
    id: id(),
    studioId: studioId(),
    bookingId: text("booking_id").references(() => bookings.id),
    kind: text("kind").notNull(),
    /** Makes a message that must go out once (a reminder) impossible to queue twice. */
    dedupeKey: text("dedupe_key").unique(),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    html: text("html").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: ["queued", "sent", "failed"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    sendAfter: integer("send_after").notNull(),
    lastError: text("last_error"),
    sentAt: integer("sent_at"),
    createdAt: createdAt(),
    /** Where a marketing message is unsubscribed from in one click (its List-Unsubscribe header). */
    unsubscribeUrl: text("unsubscribe_url"),
  },
  (t) => [
    index("emails_status_send_after").on(t.status, t.sendAfter),
    index("emails_studio").on(t.studioId),
    // Foreign-key checks on a booking's writes look emails up by booking: no scan of the outbox.
    index("emails_booking").on(t.bookingId),
  ],
);

/** Fixed-window counters, e.g. hold creation per visitor. */
export const rateLimits = sqliteTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: integer("reset_at").notNull(),
});

/**
 * Money a client keeps with the studio (a cancellation's "kept as credit"): a ledger, a row per
 * credit (positive) and per use on a later booking (negative); the balance is the sum.
 */
export const clientCredits = sqliteTable(
  "client_credits",
  {
    id: id(),
    studioId: studioId(),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id),
    /** The booking the credit came from, or the booking it was spent on. */
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id),
    amountCents: integer("amount_cents").notNull(),
    currency: text("currency").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("client_credits_client").on(t.clientId), index("client_credits_booking").on(t.bookingId)],
);

/**
 * The photographer's own email templates. The default text of every message kind lives in code
 * (domain/templates.ts), so only what the photographer wrote is stored here.
 */
export const emailTemplates = sqliteTable(
  "email_templates",
  {
    id: id(),
    studioId: studioId(),
    /** The message kind it is for (domain/templates.ts templateKinds). */
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("email_templates_studio_kind").on(t.studioId, t.kind)],
);

/**
 * Which times suit someone on a waitlist, in the session's zone: a day, optionally narrowed to
 * starts from `from` (inclusive) to `to` (exclusive). Null or empty: any time.
 */
export type WaitlistTime = { date: string; from?: string; to?: string };

/** `waiting` in line (or holding an offer); then `booked`, `missed` (an offer lapsed) or `left`. */
export const waitlistEntryStatuses = ["waiting", "booked", "missed", "left"] as const;

export const waitlistEntries = sqliteTable(
  "waitlist_entries",
  {
    id: id(),
    studioId: studioId(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id),
    name: text("name").notNull(),
    email: text("email").notNull(),
    times: text("times", { mode: "json" }).$type<WaitlistTime[]>(),
    /** SHA-256 of the entry's own link token (see the position, leave). */
    tokenHash: text("token_hash").notNull().unique(),
    /** Place in line: lower first. Real, so the photographer can move someone between two others. */
    rank: real("rank").notNull(),
    status: text("status", { enum: waitlistEntryStatuses }).notNull().default("waiting"),
    createdAt: createdAt(),
  },
  (t) => [
    index("waitlist_entries_session_rank").on(t.sessionId, t.status, t.rank),
    // One place in line per email and session.
    uniqueIndex("waitlist_entries_waiting_email")
      .on(t.sessionId, t.email)
      .where(sql.raw(`status = 'waiting'`)),
  ],
);

/** `offered` while the hold is theirs; then `booked`, `lapsed` (not booked in time, or let go). */
export const waitlistOfferStatuses = ["offered", "booked", "lapsed"] as const;

/** A freed spot held for one person on the waitlist: the hold is a booking row of its own. */
export const waitlistOffers = sqliteTable(
  "waitlist_offers",
  {
    id: id(),
    studioId: studioId(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id),
    entryId: text("entry_id")
      .notNull()
      .references(() => waitlistEntries.id),
    spotId: text("spot_id")
      .notNull()
      .references(() => spots.id),
    bookingId: text("booking_id")
      .notNull()
      .references(() => bookings.id),
    status: text("status", { enum: waitlistOfferStatuses }).notNull().default("offered"),
    expiresAt: integer("expires_at").notNull(),
    endedAt: integer("ended_at"),
    createdAt: createdAt(),
  },
  (t) => [
    // Never two live offers of one spot, nor two at once to one person, whatever the timing.
    uniqueIndex("waitlist_offers_live_spot").on(t.spotId).where(sql.raw(`status = 'offered'`)),
    uniqueIndex("waitlist_offers_live_entry").on(t.entryId).where(sql.raw(`status = 'offered'`)),
    index("waitlist_offers_session_status").on(t.sessionId, t.status),
    index("waitlist_offers_booking").on(t.bookingId),
  ],
);

/**
 * Codes a studio hands out: a percentage or a fixed amount off, for some session types (null: all),
 * between two instants, with a total and a per-client limit of uses.
 */
export const coupons = sqliteTable(
  "coupons",
  {
    id: id(),
    studioId: studioId(),
    /** Stored upper-case; a visitor's code is matched upper-cased. */
    code: text("code").notNull(),
    kind: text("kind", { enum: ["percent", "amount"] }).notNull(),
    /** Percent (1 to 100) or minor units off. */
    value: integer("value").notNull(),
    sessionTypeIds: text("session_type_ids", { mode: "json" }).$type<string[] | null>(),
    startsAt: integer("starts_at"),
    endsAt: integer("ends_at"),
    maxUses: integer("max_uses"),
    maxUsesPerClient: integer("max_uses_per_client"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("coupons_studio_code").on(t.studioId, t.code)],
);

/** One row per booking that took a code; its uses are counted from here, in the booking's batch. */
export const couponRedemptions = sqliteTable(
  "coupon_redemptions",
  {
    id: id(),
    studioId: studioId(),
    couponId: text("coupon_id")
      .notNull()
      .references(() => coupons.id),
    bookingId: text("booking_id")
      .notNull()
      .unique()
      .references(() => bookings.id),
    clientEmail: text("client_email").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("coupon_redemptions_coupon").on(t.couponId, t.clientEmail)],
);

/**
 * Each client a session was announced to: the pair is unique, so a double click or a retry of
 * "Announce this session" emails nobody twice (the email is queued only if its row was new).
 */
export const announcements = sqliteTable(
  "announcements",
  {
    id: id(),
    studioId: studioId(),
    sessionId: text("session_id")
      .notNull()
      .references(() => sessions.id),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("announcements_session_client").on(t.sessionId, t.clientId),
    index("announcements_client").on(t.clientId),
  ],
);

/** The unsubscribe links of announcement emails, one per email; only the SHA-256 of each token is kept. */
export const unsubscribeLinks = sqliteTable(
  "unsubscribe_links",
  {
    id: id(),
    studioId: studioId(),
    clientId: text("client_id")
      .notNull()
      .references(() => clients.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index("unsubscribe_links_client").on(t.clientId)],
);

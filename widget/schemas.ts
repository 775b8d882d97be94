import * as v from "valibot";
import { type Messages, t } from "./i18n.ts";

/*
 * The public API's answers, checked on arrival so a server change shows as one clear error
 * instead of `undefined` deep in a template. Only the fields the widget reads are listed (the
 * rest pass unread), so the API can grow without breaking pages that embed an older widget.
 * Free text a photographer may leave empty is nullish; ids, instants, money and states are strict.
 */

const Text = v.nullish(v.string(), "");
// One of a few words: the check `custom` already does elsewhere, without picklist's code.
const oneOf = <T extends string>(...words: T[]) => v.custom<T>((value) => words.includes(value as T));

export const Session = v.object({
  slug: v.string(),
  name: v.string(),
  timeZone: v.string(),
  location: Text,
  currency: v.string(),
  studioName: v.string(),
  packageId: v.nullish(v.string()),
  holdMinutes: v.number(),
  maxSeatsPerBooking: v.nullish(v.number(), 1),
  waitlistOpen: v.nullish(v.boolean()),
  // Optional, so a server from before the studio's tax still reads (as no tax).
  tax: v.nullish(v.object({ rateBasisPoints: v.number(), inclusive: v.boolean() }), {
    rateBasisPoints: 0,
    inclusive: false,
  }),
});

/**
 * A booking's amounts line by line, as the server priced them (worker/domain/pricing.ts Quote);
 * what an older server leaves out reads as nothing added.
 */
const Quote = v.object({
  lines: v.nullish(
    v.array(
      v.object({
        kind: oneOf("package", "people", "add_on"),
        label: v.string(),
        quantity: v.number(),
        totalCents: v.number(),
      }),
    ),
    [],
  ),
  couponCode: v.nullish(v.string(), null),
  discountCents: v.nullish(v.number(), 0),
  taxCents: v.nullish(v.number(), 0),
  taxInclusive: v.nullish(v.boolean(), false),
  amountCents: v.number(),
  depositCents: v.number(),
});

export const SessionType = v.object({
  name: v.string(),
  description: Text,
  durationMinutes: v.number(),
});

export const AddOn = v.object({
  id: v.string(),
  name: v.string(),
  priceCents: v.number(),
  maxPerBooking: v.nullish(v.number(), null),
});

const Count = v.nullish(v.number(), 1);

export const Package = v.object({
  id: v.string(),
  name: v.string(),
  description: Text,
  priceCents: v.number(),
  depositCents: v.number(),
  // Optional, so a server from before party sizes and add-ons still reads.
  peopleIncluded: Count,
  extraPersonCents: v.nullish(v.number(), 0),
  maxPeople: Count,
  addOns: v.nullish(v.array(AddOn), []),
});

const Interval = { startsAt: v.string(), endsAt: v.string() };

export const Spot = v.object({
  id: v.string(),
  ...Interval,
  available: v.boolean(),
  seats: v.nullish(v.number(), 1),
  seatsLeft: v.nullish(v.number(), 1),
  /** The server's spelling of it (worker/domain/spot-labels.ts), which format.ts shows as it is. */
  label: v.nullish(
    v.object({ day: v.string(), time: v.string(), zone: v.string(), offsetMinutes: v.number() }),
  ),
});

/** The visitor's words, in the language the answer chose (see i18n.ts). */
const Words = {
  locale: v.nullish(v.string(), "en"),
  // Read key by key with English in reserve (i18n.ts), so any object will do.
  messages: v.nullish(
    v.custom<Messages>((value) => typeof value === "object" && value !== null),
    {},
  ),
};

/** The studio's rules in plain words; nullish, so an older server still reads. */
const Rules = v.nullish(
  v.object({
    text: v.array(v.string()),
    /** When booking opens: the session takes visitors through its launch line. */
    opensAt: v.nullish(v.string()),
  }),
);

export const Question = v.object({
  id: v.string(),
  kind: v.string(),
  label: v.string(),
  required: v.boolean(),
  choices: v.array(v.string()),
  maxLength: v.nullish(v.number(), null),
});

export const Contract = v.object({ id: v.string(), version: v.number(), text: v.string() });

/** The questions to answer and the contract to sign; optional, so an older server still reads. */
const Forms = {
  questions: v.nullish(v.array(Question), []),
  contract: v.nullish(Contract, null),
};

/** `GET /v1/sessions/:slug` */
export const SessionData = v.object({
  session: Session,
  sessionType: SessionType,
  packages: v.array(Package),
  spots: v.array(Spot),
  ...Words,
  rules: Rules,
  ...Forms,
});

/** `POST /v1/sessions/:slug/queue` */
export const PlaceInLineAnswer = v.object({
  place: v.object({
    ticket: v.string(),
    status: oneOf("waiting", "admitted", "held", "over", "left"),
    position: v.nullish(v.number()),
    opensAt: v.string(),
    admission: v.nullish(v.object({ token: v.string(), expiresAt: v.string() })),
    retryAfterMs: v.number(),
    seatsLeft: v.number(),
  }),
});

/** `POST /v1/sessions/:slug/holds` */
export const HoldCreated = v.object({
  hold: v.object({
    id: v.string(),
    token: v.string(),
    expiresAt: v.string(),
    seats: v.nullish(v.number(), 1),
  }),
});

/** `POST /v1/holds/:id/extend` */
export const HoldExtended = v.object({ hold: v.object({ expiresAt: v.string() }) });

// The page is sent there: never let a `javascript:` address through.
const CheckoutUrl = v.nullish(v.pipe(v.string(), v.regex(/^https?:\/\//)));

/** `POST /v1/holds/:id/booking` */
export const BookingCreated = v.object({
  booking: v.object({ id: v.string(), status: v.string(), token: v.string() }),
  /** What the booking costs, with the code's discount and tax, as the server priced it. */
  quote: v.nullish(Quote),
  checkoutUrl: CheckoutUrl,
});

export const BookingRecord = v.object({
  id: v.string(),
  // held, pending_payment, reserved, awaiting_confirmation, confirmed, cancelled or expired; any
  // string, so a state added later reads as "no longer open" instead of breaking the page.
  status: v.string(),
  amountCents: v.number(),
  depositCents: v.number(),
  paidCents: v.number(),
  balanceCents: v.number(),
  currency: v.string(),
  packageId: v.nullish(v.string()),
  seats: v.nullish(v.number(), 1),
  client: v.nullish(v.object({ email: v.string() })),
  quote: v.nullish(Quote),
});

/** `GET /v1/bookings/:token` */
export const BookingDetail = v.object({
  booking: BookingRecord,
  session: Session,
  sessionType: SessionType,
  packages: v.array(Package),
  spot: v.object({ id: v.nullish(v.string(), ""), ...Interval }),
  ...Words,
  rules: Rules,
  ...Forms,
  /** What the client may still change themselves under the studio's rules. */
  selfService: v.nullish(
    v.object({
      reschedule: v.object({ allowed: v.boolean() }),
      cancel: v.object({ allowed: v.boolean() }),
    }),
  ),
});

/** `POST /v1/bookings/:token/payments` */
export const CheckoutOpened = v.object({ checkoutUrl: v.pipe(v.string(), v.regex(/^https?:\/\//)) });

/** `POST /v1/bookings/:token/confirm` */
export const BookingConfirmed = v.object({ booking: BookingRecord, checkoutUrl: CheckoutUrl });

/** `POST /v1/sessions/:slug/waitlist` */
export const WaitlistJoined = v.object({
  entry: v.object({ position: v.number(), token: v.string() }),
});

/** `GET /v1/waitlist/:token` */
export const WaitlistEntry = v.object({
  entry: v.object({
    status: v.string(),
    position: v.nullish(v.number()),
    offerExpiresAt: v.nullish(v.string()),
    session: v.object({ name: v.string(), timeZone: v.string() }),
  }),
  ...Words,
});

/** `GET /v1/offers/:token` */
export const HeldOffer = v.object({
  offer: v.object({
    session: v.string(),
    hold: v.object({ id: v.string(), expiresAt: v.string() }),
    spot: v.object({ id: v.string(), ...Interval }),
    client: v.object({ name: v.string(), email: v.string() }),
  }),
});

/** An `application/problem+json` body; every field optional so a bare proxy error still reads. */
export const Problem = v.object({
  code: v.nullish(v.string()),
  detail: v.nullish(v.string(), ""),
  errors: v.nullish(v.array(v.object({ path: v.string(), message: v.string() })), []),
});

/* What the visitor types, with the messages shown next to each field. */

// A radio group with nothing chosen is missing from the form data altogether.
// Messages as functions: valibot asks for them when a field fails, in the visitor's language then.
const tooLong = () => t("tooLong");
const required = (message: () => string) => v.pipe(v.nullish(v.string(), ""), v.trim(), v.nonEmpty(message));

export const ClientInput = v.object({
  name: v.pipe(
    required(() => t("nameRequired")),
    v.maxLength(200, tooLong),
  ),
  email: v.pipe(
    required(() => t("emailRequired")),
    v.email(() => t("emailInvalid")),
    v.maxLength(254, tooLong),
  ),
  phone: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(40, tooLong),
    v.regex(/^[+\d\s().-]*$/, () => t("phoneInvalid")),
  ),
  packageId: v.nullish(v.string(), ""),
});

export const PackageChoice = required(() => t("packageRequired"));

/** The details form when the visitor has to choose a package. */
export const ClientWithPackage = v.object({ ...ClientInput.entries, packageId: PackageChoice });

/** The waitlist form: name and email (the days that suit are read apart, as checkboxes). */
export const WaitlistInput = v.object({ name: ClientInput.entries.name, email: ClientInput.entries.email });

export type WaitlistEntry = v.InferOutput<typeof WaitlistEntry>["entry"];
export type SessionData = v.InferOutput<typeof SessionData>;
export type Session = v.InferOutput<typeof Session>;
export type SessionType = v.InferOutput<typeof SessionType>;
export type Package = v.InferOutput<typeof Package>;
export type AddOn = v.InferOutput<typeof AddOn>;
export type Spot = v.InferOutput<typeof Spot>;
export type Question = v.InferOutput<typeof Question>;
export type Contract = v.InferOutput<typeof Contract>;
export type Hold = v.InferOutput<typeof HoldCreated>["hold"];
export type PlaceInLine = v.InferOutput<typeof PlaceInLineAnswer>["place"];
export type BookingRecord = v.InferOutput<typeof BookingRecord>;
export type BookingDetail = v.InferOutput<typeof BookingDetail>;
export type ClientInput = v.InferOutput<typeof ClientInput>;

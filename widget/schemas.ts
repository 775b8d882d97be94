import * as v from "valibot";
import type { Messages } from "./i18n.ts";

/*
 * The public API's answers, checked on arrival so a server change shows as one clear error
 * instead of `undefined` deep in a template. Only the fields the widget reads are listed (the
 * rest pass unread), so the API can grow without breaking pages that embed an older widget.
 * Free text a photographer may leave empty is nullish; ids, instants, money and states are strict.
 */

export const Text = v.nullish(v.string(), "");
// One of a few words: the check `custom` already does elsewhere, without picklist's code.
export const oneOf = <T extends string>(...words: T[]) => v.custom<T>((value) => words.includes(value as T));

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

export const Interval = { startsAt: v.string(), endsAt: v.string() };

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
export const Words = {
  locale: v.nullish(v.string(), "en"),
  // Read key by key with English in reserve (i18n.ts), so any object will do.
  messages: v.nullish(
    v.custom<Messages>((value) => typeof value === "object" && value !== null),
    {},
  ),
};

/** The studio's rules in plain words; nullish, so an older server still reads. */
export const Rules = v.nullish(
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
export const Forms = {
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

/** `POST /v1/sessions/:slug/holds` */
export const HoldCreated = v.object({
  hold: v.object({
    id: v.string(),
    token: v.string(),
    expiresAt: v.string(),
    seats: v.nullish(v.number(), 1),
  }),
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

export type SessionData = v.InferOutput<typeof SessionData>;
export type Session = v.InferOutput<typeof Session>;
export type SessionType = v.InferOutput<typeof SessionType>;
export type Package = v.InferOutput<typeof Package>;
export type AddOn = v.InferOutput<typeof AddOn>;
export type Spot = v.InferOutput<typeof Spot>;
export type Question = v.InferOutput<typeof Question>;
export type Contract = v.InferOutput<typeof Contract>;
export type Hold = v.InferOutput<typeof HoldCreated>["hold"];

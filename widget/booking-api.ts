import * as v from "valibot";
import { type Api, post } from "./api.ts";
import { Forms, Interval, oneOf, Package, Rules, Session, SessionType, Words } from "./schemas.ts";
import type { FormsBody } from "./views/contract.ts";

/*
 * The calls made once a spot is held or a link is opened (book, extend, a client's booking, a
 * waitlist), or by a session's launch line, with their answers' schemas (as schemas.ts has the
 * list's): loaded on demand (flows/on-demand.ts) with what makes them, on the element's own client.
 */

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

export type BookingBody = {
  client: { name: string; email: string; phone?: string };
  packageId?: string;
  locale?: string;
  /** The visitor booked with the studio's rules shown above the button. */
  acceptRules?: boolean;
  people?: number;
  addOns?: { id: string; quantity: number }[];
  couponCode?: string;
} & FormsBody;

type Bearer = { id: string; token: string };

export function bookingApi({ send, json, base }: Api) {
  const id = encodeURIComponent;
  return {
    extend: (hold: Bearer) =>
      json(HoldExtended, post(undefined, hold.token), `v1/holds/${id(hold.id)}/extend`),
    book: (hold: Bearer, body: BookingBody) =>
      json(BookingCreated, post(body, hold.token), `v1/holds/${id(hold.id)}/booking`),
    booking: (token: string, lang: string, signal?: AbortSignal) =>
      json(BookingDetail, { signal }, `v1/bookings/${id(token)}?lang=${id(lang)}`),
    confirm: (token: string, body: { packageId?: string } & FormsBody) =>
      json(BookingConfirmed, post(body), `v1/bookings/${id(token)}/confirm`),
    reschedule: (token: string, spotId: string) =>
      send(post({ spotId }), `v1/bookings/${id(token)}/reschedule`),
    cancel: (token: string) => send(post(undefined), `v1/bookings/${id(token)}/cancel`),
    payBalance: (token: string) => json(CheckoutOpened, post(undefined), `v1/bookings/${id(token)}/payments`),
    joinWaitlist: (
      slug: string,
      body: { client: { name: string; email: string }; times?: { date: string }[]; locale?: string },
    ) => json(WaitlistJoined, post(body), `v1/sessions/${id(slug)}/waitlist`),
    waitlistEntry: (token: string, lang: string, signal?: AbortSignal) =>
      json(WaitlistEntry, { signal }, `v1/waitlist/${id(token)}?lang=${id(lang)}`),
    leaveWaitlist: (token: string) => send({ method: "DELETE" }, `v1/waitlist/${id(token)}`),
    queue: (slug: string, ticket: string | undefined) =>
      json(PlaceInLineAnswer, post(ticket ? { ticket } : {}), `v1/sessions/${id(slug)}/queue`),
    calendarUrl: (token: string) => new URL(`v1/bookings/${id(token)}/calendar.ics`, base).href,
  };
}

export type WaitlistEntry = v.InferOutput<typeof WaitlistEntry>["entry"];
export type BookingRecord = v.InferOutput<typeof BookingRecord>;
export type BookingDetail = v.InferOutput<typeof BookingDetail>;
export type PlaceInLine = v.InferOutput<typeof PlaceInLineAnswer>["place"];

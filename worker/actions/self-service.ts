import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { bookings, spots } from "../../db/schema.ts";
import {
  type BookingRules,
  cutOff,
  effectiveRules,
  moneyOnCancel,
  requireCancellable,
  requireReschedulable,
} from "../domain/booking-rules.ts";
import { can, refusalFor } from "../domain/bookings.ts";
import { DomainError, invalid, refusal } from "../domain/errors.ts";
import { appointmentLinks } from "../domain/links.ts";
import {
  appointmentFacts,
  bookingCancelled,
  bookingMoved,
  clientChangedBooking,
  type Message,
} from "../domain/messages.ts";
import { noticeOn } from "../domain/notices.ts";
import type { Db } from "../env.ts";
import { type BookingRow, type BookingView, endBookings, lapsed } from "../queries/bookings.ts";
import { newClientLinkIfLastChanged } from "../queries/client-links.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import { creditEntryIfLastChanged } from "../queries/credits.ts";
import { markRefunded, refundsNeededOnCancel } from "../queries/payments.ts";
import { freeSpotAtTimeOf, seatsLeftAt, spotsAtTimeOf } from "../queries/seats.ts";
import { queueEmailIfLastChanged } from "../services/outbox.ts";
import { refundCheckout } from "../services/stripe.ts";
import { clientBooking } from "./bookings.ts";
import type { VisitorContext } from "./context.ts";
import { clientLocale } from "./email-templates.ts";
import { offerFreeSpots } from "./waitlist.ts";

type Batch = Parameters<Db["batch"]>[0];

/** What a client may still do with their booking themselves, under the studio's rules. */
export type SelfService = {
  reschedule: { allowed: boolean; until: number | null; reason: string | null };
  cancel: {
    allowed: boolean;
    until: number | null;
    reason: string | null;
    money: BookingRules["cancelMoney"];
  };
};

const rulesOf = (v: BookingView) => effectiveRules(v.sessionType.rules, v.session.rules);

/** Whether `check` passes, and if not the refusal's words. */
function attempt(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (err) {
    if (err instanceof DomainError) return err.detail;
    throw err;
  }
}

/** The refusal of a move or cancellation of a booking in a status the client cannot change. */
function requireChangeable(booking: BookingRow, transition: "move" | "clientCancel", asked: string) {
  if (!can(transition, booking.status)) throw refusalFor(booking.status, asked);
}

export function selfServiceOf(v: BookingView, now: number): SelfService {
  const rules = rulesOf(v);
  const at = {
    startsAt: v.spot.startsAt,
    zone: v.session.timeZone,
    rescheduleCount: v.booking.rescheduleCount,
  };
  const live = (t: "move" | "clientCancel") =>
    can(t, v.booking.status) ? null : "This booking cannot change now.";
  const moveRefusal = live("move") ?? attempt(() => requireReschedulable(rules, at, now));
  const cancelRefusal = live("clientCancel") ?? attempt(() => requireCancellable(rules, at, now));
  return {
    reschedule: {
      allowed: moveRefusal === null,
      until: rules.rescheduleAllowed ? cutOff(at.startsAt, rules.rescheduleHours, at.zone) : null,
      reason: moveRefusal,
    },
    cancel: {
      allowed: cancelRefusal === null,
      until: rules.cancelAllowed ? cutOff(at.startsAt, rules.cancelHours, at.zone) : null,
      reason: cancelRefusal,
      money: rules.cancelMoney,
    },
  };
}

/** The client's email and the studio's, for a change the client made: statements for the batch. */
async function changeMails(
  db: Db,
  v: BookingView,
  messages: { client: (links: ReturnType<typeof appointmentLinks>) => Message; studio: Message },
  ctx: VisitorContext,
): Promise<BatchItem<"sqlite">[]> {
  const client = v.client;
  if (!client) return [];
  const link = await newClientLinkIfLastChanged(db, v.studio.id, v.booking.id, ctx.now);
  const links = appointmentLinks(ctx.publicUrl, v.studio.bookingPageUrl, link.token);
  const base = { studioId: v.studio.id, bookingId: v.booking.id };
  return [
    link.insert,
    queueEmailIfLastChanged(
      db,
      { ...messages.client(links), ...base, kind: "booking_moved_or_cancelled", recipient: client.email },
      ctx.now,
    ),
    ...(v.studio.email && noticeOn(v.studio, "changed")
      ? [
          queueEmailIfLastChanged(
            db,
            { ...messages.studio, ...base, kind: "client_changed_booking", recipient: v.studio.email },
            ctx.now,
          ),
        ]
      : []),
  ];
}

/** The booking's facts at `spot`, in the client's language. */
const factsAt = async (db: Db, v: BookingView, spot: { startsAt: number; endsAt: number }) =>
  appointmentFacts(
    v.studio,
    v.session,
    spot,
    { name: v.booking.visitorName ?? v.client?.name ?? "" },
    await clientLocale(db, v.studio.id, v.booking, v.client?.email),
  );

/**
 * The client moves their booking to another free time of the same session, within the studio's
 * rules: the old spot freed and a free spot of the new time taken in one batch, only while that
 * time has seats free for all of the booking's (a workshop's), the unique index on live bookings
 * settling a race for the spot. Both sides are emailed.
 */
export async function rescheduleBooking(ctx: VisitorContext, token: string, spotId: string) {
  const { db, now } = ctx;
  const v = await clientBooking(ctx, token);
  requireChangeable(v.booking, "move", "be moved");
  const rules = rulesOf(v);
  const zone = v.session.timeZone;
  requireReschedulable(
    rules,
    { startsAt: v.spot.startsAt, zone, rescheduleCount: v.booking.rescheduleCount },
    now,
  );
  if (spotId === v.spot.id) throw invalid("spotId", "This is already your time; pick another.");
  const [target] = await db
    .select()
    .from(spots)
    .where(and(eq(spots.id, spotId), eq(spots.sessionId, v.session.id), isNull(spots.removedAt)));
  if (!target) throw invalid("spotId", "This session has no such spot.");
  if (target.startsAt === v.spot.startsAt)
    throw invalid("spotId", "This is already your time; pick another.");
  if (now >= cutOff(target.startsAt, rules.noticeHours, zone)) {
    throw new DomainError("too_late", "That time is too soon to book; pick a later one.");
  }
  const client = v.client?.email ?? "";
  const facts = await factsAt(db, v, target);
  const mails = await changeMails(
    db,
    v,
    {
      client: (links) => bookingMoved(facts, links, v.spot),
      studio: clientChangedBooking(facts, { kind: "moved", was: v.spot, clientEmail: client }),
    },
    ctx,
  );
  // Guarded on the moves counted so far: two moves at once from one link cannot both pass the cap.
  const which = and(
    eq(bookings.id, v.booking.id),
    eq(bookings.rescheduleCount, v.booking.rescheduleCount),
    sql`${seatsLeftAt(spotId, now)} >= ${v.booking.seats}`,
  ) as SQL;
  let moved: D1Result;
  try {
    const results = await db.batch(<Batch>[
      // Lapsed holds at the new time are no holds: mark them expired so the index lets the move in.
      endBookings(
        db,
        and(sql`${bookings.spotId} in ${spotsAtTimeOf(spotId)}`, lapsed(now)) as SQL,
        "expire",
        now,
      ),
      endBookings(db, which, "move", now, { spotId: freeSpotAtTimeOf(spotId) }),
      ...mails,
    ]);
    moved = results[1] as unknown as D1Result;
  } catch (err) {
    if (isUniqueViolation(err))
      throw new DomainError("spot_taken", "Someone just took that time. Please pick another.");
    throw err;
  }
  if (moved.meta.changes !== 1) await whyNotMoved(db, spotId, v.booking.seats, now);
  // The time they left is free: the waitlist gets it first.
  await offerFreeSpots(ctx, v.session.id);
  return freshBooking(db, v);
}

/** Why a move wrote nothing: the new time lacks the seats, or the booking changed meanwhile. */
async function whyNotMoved(db: Db, spotId: string, seats: number, now: number): Promise<never> {
  const [time] = await db
    .select({ seatsLeft: sql<number>`${seatsLeftAt(spotId, now)}` })
    .from(spots)
    .where(eq(spots.id, spotId));
  const left = time?.seatsLeft ?? 0;
  if (left < 1) throw new DomainError("spot_taken", "Someone just took that time. Please pick another.");
  if (left < seats) {
    throw refusal("not_enough_seats", `Only ${left} seats are left at that time.`, "spotId");
  }
  throw new DomainError("booking_changed", "This booking changed meanwhile. Please reload.");
}

/**
 * The client cancels within the studio's rules: the spot is free again, and what they paid is
 * refunded (Stripe payments through Stripe's Refunds API, others marked for the studio to
 * refund), kept, or kept as their credit for a later session of the studio.
 */
export async function cancelOwnBooking(ctx: VisitorContext, token: string) {
  const { db, now } = ctx;
  const v = await clientBooking(ctx, token);
  requireChangeable(v.booking, "clientCancel", "be cancelled");
  const rules = rulesOf(v);
  requireCancellable(rules, { startsAt: v.spot.startsAt, zone: v.session.timeZone }, now);
  const money = moneyOnCancel(rules, v.booking.paidCents);
  const outcome = { ...money, currency: v.booking.currency };
  const facts = await factsAt(db, v, v.spot);
  const mails = await changeMails(
    db,
    v,
    {
      client: (links) => bookingCancelled(facts, links, outcome),
      studio: clientChangedBooking(facts, {
        kind: "cancelled",
        money: outcome,
        clientEmail: v.client?.email ?? "",
      }),
    },
    ctx,
  );
  const kept =
    money.outcome === "credit" && money.amountCents > 0 && v.client
      ? [
          creditEntryIfLastChanged(db, {
            studioId: v.studio.id,
            clientId: v.client.id,
            bookingId: v.booking.id,
            amountCents: money.amountCents,
            currency: v.booking.currency,
            now,
          }),
        ]
      : [];
  const results = await db.batch(<Batch>[
    endBookings(db, eq(bookings.id, v.booking.id), "clientCancel", now),
    ...kept,
    ...mails,
    db
      .update(bookings)
      .set({ cancelMoney: money.outcome })
      .where(and(eq(bookings.id, v.booking.id), eq(bookings.cancelledAt, now))),
    ...(money.outcome === "refund" ? [refundsNeededOnCancel(db, v.booking.id, now)] : []),
  ]);
  if ((results[0] as unknown as D1Result).meta.changes !== 1) {
    throw new DomainError("booking_changed", "This booking changed meanwhile. Please reload.");
  }
  if (money.outcome === "refund")
    await refundOnline(ctx, results.at(-1) as { id: string; provider: string; providerRef: string }[]);
  await offerFreeSpots(ctx, v.session.id);
  return { ...(await freshBooking(db, v)), money: { ...money, currency: v.booking.currency } };
}

/** Stripe payments go back through Stripe; one Stripe cannot refund now stays `refund_needed`. */
async function refundOnline(
  ctx: VisitorContext,
  owed: { id: string; provider: string; providerRef: string }[],
) {
  const stripe = ctx.stripe();
  for (const payment of owed) {
    if (payment.provider !== "stripe" || !stripe) continue;
    try {
      await refundCheckout(stripe, payment.providerRef, payment.id);
      await markRefunded(ctx.db, payment.id);
    } catch (err) {
      console.warn("refund left for the studio", payment.id, err instanceof Error ? err.message : err);
    }
  }
}

async function freshBooking(db: Db, v: BookingView) {
  const [booking] = await db.select().from(bookings).where(eq(bookings.id, v.booking.id));
  return { booking: booking ?? v.booking, client: v.client };
}

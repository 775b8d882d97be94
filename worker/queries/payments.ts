import { and, desc, eq, exists, gt, inArray, lte, ne, notExists, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { bookings, liveStatuses, type PaymentMethod, payments, stripeEvents } from "../../db/schema.ts";
import type { Db } from "../env.ts";
import { endBookings, statusAllows } from "./bookings.ts";
import { insertSelect } from "./insert-select.ts";

export type PaymentRow = typeof payments.$inferSelect;

/**
 * A Checkout's payment whose money is not accounted for yet: open, or lapsed on our side (Stripe
 * may still take a payment begun just before). Once `succeeded`, `refund_needed` or `refunded`
 * it is settled, and a Checkout event about it changes nothing any more.
 */
const unsettled = ["pending", "expired"] as const;

export type CheckoutClaim = {
  id: string;
  studioId: string;
  bookingId: string;
  amountCents: number;
  currency: string;
  now: number;
  /** Checkouts opened after this instant may still be open. */
  openSince: number;
};

const claimPrefix = "claim:";

/** A claim still waiting for Stripe to answer with its Checkout (or whose request died). */
export const isClaim = (p: PaymentRow): boolean => p.providerRef.startsWith(claimPrefix);

const openCheckoutOf = (bookingId: string, openSince: number): SQL =>
  and(
    eq(payments.bookingId, bookingId),
    eq(payments.provider, "stripe"),
    eq(payments.status, "pending"),
    gt(payments.createdAt, openSince),
  ) as SQL;

/**
 * Claims the right to open a Checkout for a booking: a pending payment, written only if no other
 * Checkout of the booking may still be open. With one open Checkout per booking, two tabs or a
 * double click cannot make a client pay twice. Its reference is a placeholder until Stripe
 * answers with the Checkout's id.
 */
export async function claimCheckout(db: Db, c: CheckoutClaim): Promise<boolean> {
  const rows = await insertSelect(
    db,
    payments,
    {
      id: c.id,
      studioId: c.studioId,
      bookingId: c.bookingId,
      provider: "stripe",
      providerRef: `${claimPrefix}${c.id}`,
      amountCents: c.amountCents,
      currency: c.currency,
      status: "pending",
      createdAt: c.now,
    },
    sql`where not exists (select 1 from ${payments} where ${openCheckoutOf(c.bookingId, c.openSince)})`,
  ).returning({ id: payments.id });
  return rows.length === 1;
}

/** The booking's Checkout that may still be open, if any. */
export async function openCheckoutPayment(db: Db, bookingId: string, openSince: number) {
  const [row] = await db
    .select()
    .from(payments)
    .where(openCheckoutOf(bookingId, openSince))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  return row ?? null;
}

/** A claim whose Checkout exists: from now on Stripe's events name it. */
export const recordCheckout = (db: Db, paymentId: string, checkoutId: string) =>
  db.update(payments).set({ providerRef: checkoutId }).where(eq(payments.id, paymentId));

/** A Checkout nobody will pay: abandoned, closed by us, or never created. */
export const abandonPayment = (db: Db, where: SQL) =>
  db
    .update(payments)
    .set({ status: "expired" })
    .where(and(where, eq(payments.status, "pending")));

export const paymentById = (id: string): SQL => eq(payments.id, id);
export const paymentByRef = (ref: string): SQL => eq(payments.providerRef, ref);

/** Pending Checkouts past their lifetime, for when Stripe's `expired` event never came. */
export const abandonStaleCheckouts = (db: Db, openedBefore: number) =>
  abandonPayment(db, and(eq(payments.provider, "stripe"), lte(payments.createdAt, openedBefore)) as SQL);

export type PaidCheckout = {
  reference: string;
  studioId: string;
  bookingId: string;
  spotId: string;
  /** What Stripe's event says was paid, in minor units; null when it states no amount. */
  amountCents: number | null;
  currency: string;
  now: number;
};

/** The payment recorded for a Checkout id, whatever its status: what that Checkout asked for. */
export async function paymentOfCheckout(db: Db, reference: string): Promise<PaymentRow | null> {
  const [row] = await db.select().from(payments).where(paymentByRef(reference));
  return row ?? null;
}

/**
 * Applies a paid Checkout in one batch, deciding in SQL so that no read-then-write race can
 * double-book or double-count:
 * 1. lapsed holds on the spot are expired, so a late payment may take a spot nobody holds now;
 * 2. the booking is confirmed and credited only if the payment is exactly what we asked for: a
 *    Checkout we opened for this booking (its payment still pending, or lapsed on our side
 *    meanwhile), paid the very amount it asked, in its currency, which is the booking's; and
 *    unless the booking was cancelled, its spot is someone else's, or it would be overpaid. A
 *    Checkout already applied is settled, no longer pending: its replay credits nothing;
 * 3. `onBooked` (the client's link and receipt) follows only if 2 happened;
 * 4. the payment is recorded `succeeded` if 2 happened, else `refund_needed` with what was paid
 *    (a Checkout we never opened gets its row then), unless it was already settled (a replay, or
 *    the other of `completed` and `async_payment_succeeded`);
 * 5. `onRefund` (the studio's alert) follows only if 4 recorded a refund.
 * The partial unique index on live bookings stays the last word: a double booking fails the batch.
 */
export function applyPaidCheckout(
  db: Db,
  p: PaidCheckout,
  onBooked: BatchItem<"sqlite">[],
  onRefund: (condition: SQL) => BatchItem<"sqlite">[],
): BatchItem<"sqlite">[] {
  const others = db
    .select({ one: sql`1` })
    .from(bookings)
    .where(
      and(
        eq(bookings.spotId, p.spotId),
        ne(bookings.id, p.bookingId),
        inArray(bookings.status, liveStatuses),
      ),
    );
  // The SQL twin of domain/money.ts paysAsAsked, against the payment recorded when we opened it.
  const askedFor =
    p.amountCents === null
      ? sql`0`
      : exists(
          db
            .select({ one: sql`1` })
            .from(payments)
            .where(
              and(
                paymentByRef(p.reference),
                eq(payments.provider, "stripe"),
                eq(payments.studioId, p.studioId),
                eq(payments.bookingId, p.bookingId),
                inArray(payments.status, unsettled),
                eq(payments.amountCents, p.amountCents),
                eq(payments.currency, p.currency),
              ),
            ),
        );
  const paid = p.amountCents ?? 0;
  return [
    endBookings(db, eq(bookings.spotId, p.spotId), "expire", p.now),
    db
      .update(bookings)
      .set({
        status: "confirmed",
        paidCents: sql`${bookings.paidCents} + ${paid}`,
        confirmedAt: sql`coalesce(${bookings.confirmedAt}, ${p.now})`,
        expiresAt: null,
      })
      .where(
        and(
          eq(bookings.id, p.bookingId),
          eq(bookings.studioId, p.studioId),
          statusAllows("payOnline"),
          eq(bookings.currency, p.currency),
          sql`${bookings.paidCents} + ${paid} <= ${bookings.amountCents}`,
          notExists(others),
          askedFor,
        ),
      ),
    ...onBooked,
    insertSelect(
      db,
      payments,
      {
        studioId: p.studioId,
        bookingId: p.bookingId,
        provider: "stripe",
        providerRef: p.reference,
        amountCents: paid,
        currency: p.currency,
        status: sql`case when changes() = 1 then 'succeeded' else 'refund_needed' end`,
        createdAt: p.now,
      },
      // `where true` keeps SQLite from reading ON CONFLICT as part of the SELECT.
      sql`where true`,
    ).onConflictDoUpdate({
      target: payments.providerRef,
      // A refund records what was paid, not what was asked.
      set: {
        status: sql`excluded.status`,
        amountCents: sql`excluded.amount_cents`,
        currency: sql`excluded.currency`,
      },
      setWhere: inArray(payments.status, unsettled),
    }),
    ...onRefund(
      sql`changes() = 1 and exists (select 1 from ${payments} where ${paymentByRef(p.reference)} and ${payments.status} = 'refund_needed')`,
    ),
  ];
}

export type ManualMoney = {
  id: string;
  studioId: string;
  bookingId: string;
  amountCents: number;
  currency: string;
  method: PaymentMethod | null;
  note: string;
  now: number;
};

const manualRow = (m: ManualMoney, kind: "payment" | "refund") => ({
  id: m.id,
  studioId: m.studioId,
  bookingId: m.bookingId,
  provider: "manual" as const,
  providerRef: `manual_${m.id}`,
  amountCents: m.amountCents,
  currency: m.currency,
  status: "succeeded" as const,
  kind,
  method: m.method,
  note: m.note,
  createdAt: m.now,
});

/**
 * Money given back by hand (cash, a transfer, or in Stripe's dashboard): it lowers what the
 * booking counts as paid, never below zero, whatever the booking's status (a cancelled one is
 * where refunds are owed). The refund is recorded only if the booking took it.
 */
export function giveManualRefund(db: Db, m: ManualMoney) {
  return [
    db
      .update(bookings)
      .set({ paidCents: sql`${bookings.paidCents} - ${m.amountCents}` })
      .where(
        and(
          eq(bookings.studioId, m.studioId),
          eq(bookings.id, m.bookingId),
          sql`${bookings.paidCents} - ${m.amountCents} >= 0`,
        ),
      ),
    insertSelect(db, payments, manualRow(m, "refund"), sql`where changes() = 1`),
  ] as const;
}

/** A payment taken by hand (at the session): credited only within the balance, on a live booking. */
export function takeManualPayment(db: Db, m: ManualMoney) {
  return [
    db
      .update(bookings)
      .set({ paidCents: sql`${bookings.paidCents} + ${m.amountCents}` })
      .where(
        and(
          eq(bookings.studioId, m.studioId),
          eq(bookings.id, m.bookingId),
          statusAllows("takePayment"),
          sql`${bookings.paidCents} + ${m.amountCents} <= ${bookings.amountCents}`,
        ),
      ),
    insertSelect(db, payments, manualRow(m, "payment"), sql`where changes() = 1`),
  ] as const;
}

/** The booking a Checkout names in its metadata, within the studio it names. */
export async function checkoutBooking(db: Db, metadata: Record<string, string> | null) {
  if (!metadata?.bookingId || !metadata.studioId) return null;
  const [row] = await db
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, metadata.bookingId), eq(bookings.studioId, metadata.studioId)));
  return row ?? null;
}

export const bookingPayments = (db: Db, studioId: string, bookingId: string) =>
  db
    .select()
    .from(payments)
    .where(and(eq(payments.studioId, studioId), eq(payments.bookingId, bookingId)))
    .orderBy(payments.createdAt);

export async function stripeEventSeen(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(eq(stripeEvents.id, id));
  return row !== undefined;
}

export const recordStripeEvent = (db: Db, event: { id: string; type: string }, now: number) =>
  db.insert(stripeEvents).values({ id: event.id, type: event.type, receivedAt: now }).onConflictDoNothing();

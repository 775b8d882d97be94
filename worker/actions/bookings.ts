import { and, eq, gt, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { bookings, clients } from "../../db/schema.ts";
import { describeRules, effectiveRules, rulesVersion } from "../domain/booking-rules.ts";
import { can, isHoldAlive, occupiesSpot, refusalFor } from "../domain/bookings.ts";
import { contractChanged } from "../domain/contract.ts";
import { couponRefusal, discountFor, normalCode, unknownCoupon, usedUp } from "../domain/coupons.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { clientLinkUrl } from "../domain/links.ts";
import { type Amounts, dueAtBooking } from "../domain/money.ts";
import { requireAllowedSite } from "../domain/origins.ts";
import { requirePackage } from "../domain/packages.ts";
import { type Quote, quote, quotedAmounts, studioTax } from "../domain/pricing.ts";
import type { Db } from "../env.ts";
import {
  type BookingRow,
  type BookingView,
  bookingOf,
  endBookings,
  getBookingView,
  statusAllows,
} from "../queries/bookings.ts";
import { bookingByClientToken, newClientLinkIfLastChanged } from "../queries/client-links.ts";
import type { ClientRow } from "../queries/clients.ts";
import { contractInForce } from "../queries/contracts.ts";
import { couponByCode, redeemCoupon, redeemed } from "../queries/coupons.ts";
import { creditBalanceSql, creditEntryIfLastChanged, creditOf } from "../queries/credits.ts";
import { insertSelect } from "../queries/insert-select.ts";
import type { BookHoldInput } from "../schemas/checkout.ts";
import { contractCopies, type FormsInput, signedForms } from "./booking-forms.ts";
import { openCheckout, recorded, withdrawCheckout } from "./checkout.ts";
import type { StudioContext, VisitorContext } from "./context.ts";
import { type HoldProof, provenHold } from "./holds.ts";
import { receiptAfter } from "./receipts.ts";
import { offerFreeSpots } from "./waitlist.ts";

type Batch = BatchItem<"sqlite">[];

/** A booking about to be written: who, on which package, for how much, from which states. */
type Booking = {
  view: BookingView;
  client: { name: string; email: string };
  /** SQL for the booking's client_id (a subquery when the client row is written in the same batch). */
  clientId: SQL | string;
  packageId: string;
  amounts: Amounts;
  /** How the amounts came about: people, add-ons, a code, tax. */
  quote: Quote;
  /** A visitor's booking: the name they typed, and the language they booked in. */
  visitorName?: string;
  locale?: string | undefined;
  /** The booking's states this write may start from; anything else means someone got there first. */
  from: SQL;
  publicUrl: string;
  now: number;
  /** A visitor's booking: the rules they were shown (and whether they accepted them). */
  accepted?: Partial<typeof bookings.$inferInsert>;
  /** Statements spending the client's credit, chained right after the booking's update. */
  spendCredit?: Batch;
  /** The client's answers and signature (see booking-forms.ts), written with the booking. */
  signed?: ReturnType<typeof signedForms>;
};

/**
 * Writes a booking's client, package, amounts and new state in one batch: `before`, the guarded
 * update, then `after`, whose statements are chained to the update (see insert-select.ts).
 * Answers whether the update happened.
 */
async function writeBooking(
  db: Db,
  b: Booking,
  state: Partial<typeof bookings.$inferInsert>,
  after: Batch,
  before: Batch = [],
): Promise<boolean> {
  const results = await db.batch([
    ...before,
    db
      .update(bookings)
      .set({
        clientId: b.clientId,
        packageId: b.packageId,
        amountCents: b.amounts.amountCents,
        depositCents: b.amounts.depositCents,
        quote: b.quote,
        ...(b.visitorName !== undefined && { visitorName: b.visitorName }),
        ...(b.locale !== undefined && { locale: b.locale }),
        ...(b.spendCredit?.length && { paidCents: b.amounts.paidCents }),
        ...b.accepted,
        ...b.signed?.columns,
        ...state,
      })
      .where(and(eq(bookings.id, b.view.booking.id), b.from)),
    ...(b.signed ? await contractCopies(db, b.view, b.client, b.signed.signature, b.now, b.locale) : []),
    ...(b.spendCredit ?? []),
    ...after,
  ] as unknown as Parameters<Db["batch"]>[0]);
  return (results[before.length] as unknown as D1Result).meta.changes === 1;
}

/** Confirms a booking with nothing (more) to pay online, and queues its receipt in the same batch. */
async function confirmNow(db: Db, b: Booking, notice: "booked" | "confirmed", before: Batch = []) {
  const receipt = await receiptAfter(db, { ...b, kind: "booking_confirmed", notice });
  const confirmed = await writeBooking(
    db,
    b,
    { status: "confirmed", confirmedAt: b.now, expiresAt: null },
    receipt.statements,
    before,
  );
  return { confirmed, token: receipt.token };
}

export type BookedHold = {
  booking: { id: string; status: "confirmed" | "pending_payment"; token: string };
  quote: Quote;
  checkoutUrl?: string;
};

/**
 * A visitor turns their hold into a booking with their details. With something to pay online it
 * waits in pending_payment while Stripe's page is open; otherwise it is confirmed now.
 */
export async function bookHold(
  ctx: VisitorContext,
  proof: HoldProof,
  input: BookHoldInput,
): Promise<BookedHold> {
  const { db, now } = ctx;
  const { hold } = await provenHold(ctx, proof);
  const expired = () =>
    new DomainError("hold_expired", "Your hold on this time ran out. Please pick a time again.");
  if (!isHoldAlive(hold, now)) throw expired();
  const view = await getBookingView(db, hold);
  if (!view) throw notFound("hold");
  const pkg = requirePackage(
    view.packages,
    view.booking.packageId ?? view.session.packageId ?? input.packageId,
  );
  const studioId = view.studio.id;
  const signed = signedForms(view, input, { now, ip: ctx.ip ?? null });
  const { email, name, phone } = input.client;
  const clientId = sql`(select ${clients.id} from ${clients} where ${clients.studioId} = ${studioId} and ${clients.email} = ${email})`;
  const coupon = input.couponCode ? await couponFor(ctx, view, input.couponCode, email) : null;
  const priced = quote(
    pkg,
    { ...input, seats: hold.seats },
    { discount: coupon && discountFor(coupon), tax: studioTax(view.studio) },
  );
  // Credit the client kept from a cancellation pays toward this booking first; the batch spends
  // it only if it is still there, so two bookings at once cannot spend it twice.
  const currency = view.booking.currency;
  const credit = Math.min(await creditOf(db, studioId, email, currency), priced.amountCents);
  const held = and(
    statusAllows("book"),
    gt(bookings.expiresAt, now),
    credit > 0 ? sql`${creditBalanceSql(studioId, email, currency)} >= ${credit}` : undefined,
    signed.guard,
  ) as SQL;
  const booking: Booking = {
    view,
    client: input.client,
    clientId,
    packageId: pkg.id,
    amounts: quotedAmounts(priced, credit),
    quote: priced,
    visitorName: name,
    locale: input.locale,
    // A discounted booking is written only with its use of the code, counted in the same batch.
    from: coupon ? (and(held, redeemed(hold.id)) as SQL) : held,
    publicUrl: ctx.publicUrl,
    now,
    accepted: acceptedRules(view, input.acceptRules === true, now),
    signed,
    spendCredit:
      credit > 0
        ? [
            creditEntryIfLastChanged(db, {
              studioId,
              clientId,
              bookingId: hold.id,
              amountCents: -credit,
              currency,
              now,
            }),
          ]
        : [],
  };
  // A visitor who books becomes the studio's client, but only while the hold is still theirs: a
  // lost race adds nobody. An email the studio knows keeps its record as it is, and the booking
  // keeps the name typed here: a visitor is never shown, nor changes, someone else's details.
  const before = [
    ...(coupon
      ? [
          redeemCoupon(db, {
            studioId,
            coupon,
            bookingId: hold.id,
            email,
            bookingGuard: held,
          }).onConflictDoNothing(),
        ]
      : []),
    insertSelect(
      db,
      clients,
      { studioId, name, email, phone: phone || null },
      sql`where exists (select 1 from ${bookings} where ${bookings.id} = ${hold.id} and ${booking.from})`,
    ).onConflictDoNothing(),
  ];
  // The write did not happen: the hold ran out, or (still held) the contract was edited meanwhile
  // or the code's last use went to another.
  const lost = async () => {
    const [row] = await db.select().from(bookings).where(eq(bookings.id, hold.id));
    if (!row || !isHoldAlive(row, now)) return expired();
    if ((await contractInForce(db, studioId, view.sessionType.id))?.id !== view.contract?.id)
      return contractChanged();
    if (coupon) return (await couponFor(ctx, view, coupon.code, email)) && usedUp();
    return expired();
  };
  const due = dueAtBooking(booking.amounts);
  const stripe = due > 0 ? ctx.stripe() : null;
  if (!stripe) {
    // Nothing to pay online (free, or no Stripe: payment at the session), so it is confirmed now.
    const result = await confirmNow(db, booking, "booked", before);
    if (!result.confirmed) throw await lost();
    return { booking: { id: hold.id, status: "confirmed", token: result.token }, quote: priced };
  }
  const link = await newClientLinkIfLastChanged(db, studioId, hold.id, now);
  const opened = await openCheckout(db, stripe, {
    ...booking,
    packageName: pkg.name,
    dueCents: due,
    returnUrl: clientLinkUrl(ctx.publicUrl, view.studio.bookingPageUrl, link.token),
  });
  // The spot stays the visitor's while Stripe's page is open, and is free again once it expires.
  const pending = await writeBooking(
    db,
    booking,
    { status: "pending_payment", expiresAt: opened.checkout.expiresAt },
    [link.insert, ...recorded(db, opened)],
    before,
  );
  if (!pending) {
    await withdrawCheckout(db, stripe, opened);
    throw await lost();
  }
  return {
    booking: { id: hold.id, status: "pending_payment", token: link.token },
    quote: priced,
    checkoutUrl: opened.checkout.url,
  };
}

/** The rules a visitor was shown when booking, in plain words, with their version and the acceptance. */
function acceptedRules(view: BookingView, accepted: boolean, now: number) {
  const rules = effectiveRules(view.sessionType.rules, view.session.rules);
  return {
    rulesText: describeRules(rules, { timeZone: view.session.timeZone, locale: view.studio.locale }).join(
      "\n",
    ),
    rulesVersion: rulesVersion(rules),
    rulesAcceptedAt: accepted ? now : null,
  };
}

/** The studio's code for this booking, refused with its reason when it cannot be taken. */
async function couponFor(ctx: VisitorContext, view: BookingView, code: string, email: string) {
  const found = await couponByCode(ctx.db, view.studio.id, normalCode(code), email);
  if (!found) throw unknownCoupon();
  const refusal = couponRefusal(found.coupon, {
    sessionTypeId: view.session.sessionTypeId,
    now: ctx.now,
    uses: found.uses,
    clientUses: found.clientUses,
  });
  if (refusal) throw refusal;
  return found.coupon;
}

/** What a client's link opens: their booking with its session, spot and packages. */
export async function clientBooking(ctx: VisitorContext, token: string): Promise<BookingView> {
  const booking = await bookingByClientToken(ctx.db, token);
  const view = booking && (await getBookingView(ctx.db, booking));
  if (!view) {
    throw new DomainError("not_found", "This link does not open a booking. Ask the studio for a new one.");
  }
  requireAllowedSite(view.studio.allowedOrigins, ctx.origin);
  return view;
}

export type ConfirmedBooking = { booking: BookingRow; client: ClientRow; checkoutUrl?: string };

/**
 * The client confirms a Single or a reserved spot, choosing a package if none was set. What is due
 * online sends them to Stripe; the booking then waits for the payment, still theirs.
 */
export async function confirmBooking(
  ctx: VisitorContext,
  token: string,
  input: { packageId?: string | undefined } & FormsInput,
): Promise<ConfirmedBooking> {
  const { db } = ctx;
  const view = await clientBooking(ctx, token);
  const { booking, client } = view;
  if (!can("confirm", booking.status)) {
    throw booking.status === "confirmed"
      ? new DomainError("already_confirmed", "You have already confirmed this booking.")
      : refusalFor(booking.status, "be confirmed");
  }
  if (!client)
    throw new DomainError("client_required", "This booking has no client yet. Please contact the studio.");
  const pkg = requirePackage(view.packages, booking.packageId ?? view.session.packageId ?? input.packageId);
  const priced = quote(pkg, { seats: booking.seats }, { tax: studioTax(view.studio) });
  const signed = signedForms(view, input, { now: ctx.now, ip: ctx.ip ?? null });
  const b: Booking = {
    view,
    client,
    clientId: client.id,
    packageId: pkg.id,
    amounts: quotedAmounts(priced, booking.paidCents),
    quote: priced,
    from: and(statusAllows("confirm"), signed.guard) as SQL,
    publicUrl: ctx.publicUrl,
    now: ctx.now,
    signed,
  };
  const changed = () => new DomainError("booking_changed", "This booking changed meanwhile. Please reload.");
  const due = dueAtBooking(b.amounts);
  const stripe = due > 0 ? ctx.stripe() : null;
  let checkoutUrl: string | undefined;
  if (!stripe) {
    if (!(await confirmNow(db, b, "confirmed")).confirmed) throw changed();
  } else {
    const opened = await openCheckout(db, stripe, {
      ...b,
      packageName: pkg.name,
      dueCents: due,
      returnUrl: clientLinkUrl(b.publicUrl, view.studio.bookingPageUrl, token),
    });
    // The photographer gave this client the spot: an abandoned Checkout must not free it, so the
    // booking waits, package and amounts set, until Stripe's webhook confirms the payment.
    const kept = await writeBooking(db, b, { status: "awaiting_confirmation" }, recorded(db, opened));
    if (!kept) {
      await withdrawCheckout(db, stripe, opened);
      throw changed();
    }
    checkoutUrl = opened.checkout.url;
  }
  const [fresh] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
  return { booking: fresh ?? booking, client, ...(checkoutUrl && { checkoutUrl }) };
}

/** The photographer cancels a booking: its spot is free again. */
export async function cancelBooking(ctx: StudioContext, id: string): Promise<void> {
  const booking = await bookingOf(ctx.db, ctx.studio.id, id);
  if (!booking) throw notFound("booking");
  if (!occupiesSpot(booking, ctx.now)) {
    throw refusalFor(can("expire", booking.status) ? "expired" : booking.status, "be cancelled");
  }
  await endBookings(
    ctx.db,
    and(eq(bookings.studioId, ctx.studio.id), eq(bookings.id, id)) as SQL,
    "cancel",
    ctx.now,
  );
  await offerFreeSpots(ctx, booking.sessionId);
}

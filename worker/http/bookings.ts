import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { bookings, clients } from "../../db/schema.ts";
import { canConfirm, isHoldAlive } from "../domain/bookings.ts";
import { appointmentLinks, clientLinkUrl } from "../domain/links.ts";
import { appointmentFacts, bookingConfirmed, moneyFacts, paymentReceived } from "../domain/messages.ts";
import { type Amounts, balanceDue, dueAtBooking } from "../domain/money.ts";
import { choosePackage } from "../domain/packages.ts";
import { toIso } from "../domain/time.ts";
import type { Db } from "../env.ts";
import { type BookingView, getBookingView } from "../queries/bookings.ts";
import { bookingByClientToken, newClientLinkIfLastChanged } from "../queries/client-links.ts";
import { insertSelect } from "../queries/insert-select.ts";
import { recordCheckout } from "../queries/payments.ts";
import { queueEmailIfLastChanged } from "../services/outbox.ts";
import { stripeFor } from "../services/stripe.ts";
import { createRouter } from "./app.ts";
import { type OpenedCheckout, openCheckout, withdrawCheckout } from "./checkout.ts";
import { allowOrigin } from "./cors.ts";
import { heldBy, holdSecurity } from "./holds.ts";
import { ApiError, invalid, notFound } from "./problem.ts";
import {
  ClientBookingSchema,
  PublicSessionSchema,
  PublicSessionTypeSchema,
  PublicSpotSchema,
  publicPackages,
  publicSessionParts,
  toClientBooking,
} from "./public-views.ts";
import { ClientInput, Id, IdParam, json, jsonBody, problems } from "./schemas.ts";
import { publicUrl } from "./urls.ts";

/** The package a booking gets: the photographer's choice wins, then the client's, then the only one. */
function packageFor(view: BookingView, asked: string | undefined) {
  const pkg = choosePackage(view.packages, view.booking.packageId ?? view.session.packageId ?? asked);
  if (pkg === "unknown") throw invalid("packageId", "That package is not offered for this session.");
  if (!pkg) {
    throw new ApiError(422, "package_required", "Choose a package.", [
      { path: "packageId", message: "Choose a package." },
    ]);
  }
  return pkg;
}

type Booking = {
  view: BookingView;
  client: { name: string; email: string };
  /** SQL for the booking's client_id (a subquery when the client row is written in the same batch). */
  clientId: SQL | string;
  packageId: string;
  amounts: Amounts;
  /** The booking's states this write may start from; anything else means someone got there first. */
  from: SQL;
  publicUrl: string;
  now: number;
};

type Batch = BatchItem<"sqlite">[];

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
        ...state,
      })
      .where(and(eq(bookings.id, b.view.booking.id), b.from)),
    ...after,
  ] as unknown as Parameters<Db["batch"]>[0]);
  return (results[before.length] as unknown as D1Result).meta.changes === 1;
}

/**
 * The client's receipt for a booking confirmed now (or paid further), with a fresh link to it:
 * statements for a batch, written only if the statement before them changed its row.
 */
export async function receiptAfter(
  db: Db,
  r: {
    view: BookingView;
    client: { name: string; email: string };
    amounts: Amounts;
    kind: "booking_confirmed" | "payment_received";
    publicUrl: string;
    now: number;
  },
) {
  const { view, now } = r;
  const link = await newClientLinkIfLastChanged(db, view.studio.id, view.booking.id, now);
  const message = (r.kind === "booking_confirmed" ? bookingConfirmed : paymentReceived)(
    appointmentFacts(view.studio, view.session, view.spot, r.client),
    moneyFacts({ currency: view.booking.currency, ...r.amounts }),
    appointmentLinks(r.publicUrl, view.studio.bookingPageUrl, link.token),
  );
  const email = {
    ...message,
    studioId: view.studio.id,
    bookingId: view.booking.id,
    kind: r.kind,
    recipient: r.client.email,
  };
  return { token: link.token, statements: [link.insert, queueEmailIfLastChanged(db, email, now)] };
}

/** Confirms a booking with nothing (more) to pay online, and queues its receipt in the same batch. */
async function confirm(db: Db, b: Booking, before: Batch = []) {
  const receipt = await receiptAfter(db, { ...b, kind: "booking_confirmed" });
  const confirmed = await writeBooking(
    db,
    b,
    { status: "confirmed", confirmedAt: b.now, expiresAt: null },
    receipt.statements,
    before,
  );
  return { confirmed, token: receipt.token };
}

const recorded = (db: Db, opened: OpenedCheckout): Batch =>
  opened.isNew ? [recordCheckout(db, opened.paymentId, opened.checkout.id)] : [];

const BookingWithLink = z
  .object({
    booking: z.object({ id: z.string(), status: z.string(), token: z.string() }),
    checkoutUrl: z.string().optional(),
  })
  .openapi("BookingCreated");

export const holdBookings = createRouter();

holdBookings.openapi(
  createRoute({
    method: "post",
    path: "/{id}/booking",
    tags: ["Public"],
    summary: "Turn a hold into a booking with the visitor's details",
    // The hold token, or nothing: the hold id itself is unguessable.
    security: [...holdSecurity, {}],
    request: {
      params: IdParam,
      ...jsonBody(z.object({ client: ClientInput, packageId: Id.optional() }).openapi("BookHold")),
    },
    responses: {
      201: { description: "Booked, or pending payment at checkoutUrl", ...json(BookingWithLink) },
      ...problems(401, 404, 409, 410, 415, 422, 503),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const db = c.var.db;
    const { hold } = await heldBy(c, id, true);
    const now = Date.now();
    const expired = () =>
      new ApiError(410, "hold_expired", "Your hold on this time ran out. Please pick a time again.");
    if (!isHoldAlive(hold, now)) throw expired();
    const view = await getBookingView(db, hold);
    if (!view) throw notFound("hold");
    const pkg = packageFor(view, input.packageId);
    const studioId = view.studio.id;
    const { email, name, phone } = input.client;
    const booking: Booking = {
      view,
      client: input.client,
      clientId: sql`(select ${clients.id} from ${clients} where ${clients.studioId} = ${studioId} and ${clients.email} = ${email})`,
      packageId: pkg.id,
      amounts: { amountCents: pkg.priceCents, depositCents: pkg.depositCents, paidCents: 0 },
      from: and(eq(bookings.status, "held"), gt(bookings.expiresAt, now)) as SQL,
      publicUrl: publicUrl(c),
      now,
    };
    // A visitor who books becomes the studio's client (an email the studio knows keeps its
    // record), but only while the hold is still theirs: a lost race adds nobody.
    const addClient = [
      insertSelect(
        db,
        clients,
        { studioId, name, email, phone: phone || null },
        sql`where exists (select 1 from ${bookings} where ${bookings.id} = ${id} and ${booking.from})`,
      ).onConflictDoNothing(),
    ];
    const due = dueAtBooking(booking.amounts);
    const stripe = due > 0 ? stripeFor(c.env) : null;
    if (!stripe) {
      // Nothing to pay online (free, or no Stripe: payment at the session), so it is confirmed now.
      const result = await confirm(db, booking, addClient);
      if (!result.confirmed) throw expired();
      return c.json({ booking: { id, status: "confirmed" as const, token: result.token } }, 201);
    }
    const link = await newClientLinkIfLastChanged(db, studioId, id, now);
    const opened = await openCheckout(db, stripe, {
      ...booking,
      packageName: pkg.name,
      dueCents: due,
      returnUrl: clientLinkUrl(booking.publicUrl, view.studio.bookingPageUrl, link.token),
    });
    // The spot stays the visitor's while Stripe's page is open, and is free again once it expires.
    const pending = await writeBooking(
      db,
      booking,
      { status: "pending_payment", expiresAt: opened.checkout.expiresAt },
      [link.insert, ...recorded(db, opened)],
      addClient,
    );
    if (!pending) {
      await withdrawCheckout(db, stripe, opened);
      throw expired();
    }
    return c.json(
      {
        booking: { id, status: "pending_payment" as const, token: link.token },
        checkoutUrl: opened.checkout.url,
      },
      201,
    );
  },
);

export const TokenParam = z.object({
  token: z
    .string()
    .max(100)
    .openapi({ param: { name: "token", in: "path" } }),
});

const ClientView = z
  .object({
    booking: ClientBookingSchema,
    session: PublicSessionSchema,
    sessionType: PublicSessionTypeSchema,
    packages: publicPackages,
    spot: PublicSpotSchema.omit({ available: true }),
  })
  .openapi("ClientView");

export async function viewByToken(c: Parameters<typeof publicUrl>[0], token: string): Promise<BookingView> {
  const booking = await bookingByClientToken(c.var.db, token);
  const view = booking && (await getBookingView(c.var.db, booking));
  if (!view)
    throw new ApiError(404, "not_found", "This link does not open a booking. Ask the studio for a new one.");
  allowOrigin(c, view.studio.allowedOrigins);
  return view;
}

const toClientView = (v: BookingView): z.infer<typeof ClientView> => ({
  booking: toClientBooking(v.booking, v.client),
  ...publicSessionParts(v.session, v.sessionType, v.studio, v.packages),
  spot: { id: v.spot.id, startsAt: toIso(v.spot.startsAt), endsAt: toIso(v.spot.endsAt) },
});

export const clientBookings = createRouter();

clientBookings.openapi(
  createRoute({
    method: "get",
    path: "/{token}",
    tags: ["Public"],
    summary: "What the client sees of their booking: session, spot, package, amounts, status",
    request: { params: TokenParam },
    responses: { 200: { description: "OK", ...json(ClientView) }, ...problems(403, 404) },
  }),
  async (c) => {
    const view = await viewByToken(c, c.req.valid("param").token);
    c.header("cache-control", "no-store");
    return c.json(toClientView(view), 200);
  },
);

clientBookings.openapi(
  createRoute({
    method: "post",
    path: "/{token}/confirm",
    tags: ["Public"],
    summary: "The client confirms a Single session or a reserved spot (choosing a package if none was set)",
    request: {
      params: TokenParam,
      ...jsonBody(z.object({ packageId: Id.optional() }).openapi("ConfirmBooking")),
    },
    responses: {
      200: {
        description: "Confirmed",
        ...json(z.object({ booking: ClientBookingSchema, checkoutUrl: z.string().optional() })),
      },
      ...problems(403, 404, 409, 415, 422, 503),
    },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const input = c.req.valid("json");
    const db = c.var.db;
    const view = await viewByToken(c, token);
    const { booking, client } = view;
    if (booking.status === "confirmed") {
      throw new ApiError(409, "already_confirmed", "You have already confirmed this booking.");
    }
    if (!canConfirm(booking.status) || !client) {
      throw new ApiError(409, "conflict", "This booking was cancelled. Please contact the studio.");
    }
    const pkg = packageFor(view, input.packageId);
    const b: Booking = {
      view,
      client,
      clientId: client.id,
      packageId: pkg.id,
      amounts: { amountCents: pkg.priceCents, depositCents: pkg.depositCents, paidCents: booking.paidCents },
      from: inArray(bookings.status, ["reserved", "awaiting_confirmation"]),
      publicUrl: publicUrl(c),
      now: Date.now(),
    };
    const changed = () => new ApiError(409, "conflict", "This booking changed meanwhile. Please reload.");
    const due = dueAtBooking(b.amounts);
    const stripe = due > 0 ? stripeFor(c.env) : null;
    let checkoutUrl: string | undefined;
    if (!stripe) {
      if (!(await confirm(db, b)).confirmed) throw changed();
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
    return c.json(
      { booking: toClientBooking(fresh ?? booking, client), ...(checkoutUrl && { checkoutUrl }) },
      200,
    );
  },
);

clientBookings.openapi(
  createRoute({
    method: "post",
    path: "/{token}/payments",
    tags: ["Public"],
    summary: "Pay the balance due online: answers a Stripe Checkout to send the client to",
    request: { params: TokenParam },
    responses: {
      200: {
        description: "Checkout opened",
        ...json(z.object({ checkoutUrl: z.string() }).openapi("Checkout")),
      },
      ...problems(403, 404, 409, 503),
    },
  }),
  async (c) => {
    const { token } = c.req.valid("param");
    const db = c.var.db;
    const view = await viewByToken(c, token);
    const { booking, client } = view;
    if (booking.status !== "confirmed" || !client) {
      throw new ApiError(
        409,
        "conflict",
        canConfirm(booking.status)
          ? "Confirm the booking first: confirming asks for what is due."
          : `This booking is ${booking.status.replace("_", " ")}.`,
      );
    }
    const due = balanceDue(booking);
    if (due === 0) throw new ApiError(409, "no_balance_due", "Nothing is owed on this booking.");
    const stripe = stripeFor(c.env);
    if (!stripe) {
      throw new ApiError(
        409,
        "payments_unavailable",
        "This studio takes payment at the session, not online.",
      );
    }
    const opened = await openCheckout(db, stripe, {
      view,
      client,
      packageName: view.packages.find((p) => p.id === booking.packageId)?.name ?? view.sessionType.name,
      amounts: booking,
      dueCents: due,
      returnUrl: clientLinkUrl(publicUrl(c), view.studio.bookingPageUrl, token),
      now: Date.now(),
    });
    if (opened.isNew) await recordCheckout(db, opened.paymentId, opened.checkout.id);
    return c.json({ checkoutUrl: opened.checkout.url }, 200);
  },
);

import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import { bookings, clientLinks, clients } from "../../db/schema.ts";
import { canConfirm, isHoldAlive } from "../domain/bookings.ts";
import { clientLinkUrl } from "../domain/links.ts";
import { appointmentFacts, bookingConfirmed } from "../domain/messages.ts";
import { type Amounts, balanceDue } from "../domain/money.ts";
import { choosePackage } from "../domain/packages.ts";
import { toIso } from "../domain/time.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import type { Db } from "../env.ts";
import { type BookingView, getBookingView } from "../queries/bookings.ts";
import { bookingByClientToken } from "../queries/client-links.ts";
import { insertIfLastChanged } from "../queries/insert-select.ts";
import { queueEmailIfLastChanged } from "../services/outbox.ts";
import { createRouter } from "./app.ts";
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

type Confirmation = {
  view: BookingView;
  client: { name: string; email: string };
  /** SQL for the booking's client_id (a subquery when the client row is written in the same batch). */
  clientId: SQL | string;
  packageId: string;
  amounts: Amounts;
  /** The booking's states this confirmation may start from; anything else means someone got there first. */
  from: SQL;
  publicUrl: string;
  now: number;
};

/**
 * Confirms a booking in one batch: the guarded update, then a fresh client link and the receipt,
 * each written only if the step before it was (see insert-select.ts). Answers whether it happened
 * and the link token for the client.
 */
async function confirm(db: Db, c: Confirmation, before: Parameters<Db["batch"]>[0] | [] = []) {
  const token = randomToken("sbk_book");
  const { view, amounts, now } = c;
  const receipt = bookingConfirmed(
    appointmentFacts(view.studio, view.session, view.spot, c.client),
    { currency: view.booking.currency, ...amounts, balanceCents: balanceDue(amounts) },
    clientLinkUrl(c.publicUrl, view.studio.bookingPageUrl, token),
  );
  const results = await db.batch([
    ...before,
    db
      .update(bookings)
      .set({
        clientId: c.clientId,
        packageId: c.packageId,
        amountCents: amounts.amountCents,
        depositCents: amounts.depositCents,
        status: "confirmed",
        confirmedAt: now,
        expiresAt: null,
      })
      .where(and(eq(bookings.id, view.booking.id), c.from)),
    insertIfLastChanged(db, clientLinks, {
      id: crypto.randomUUID(),
      studioId: view.studio.id,
      bookingId: view.booking.id,
      tokenHash: await sha256(token),
      createdAt: now,
    }),
    queueEmailIfLastChanged(
      db,
      {
        ...receipt,
        studioId: view.studio.id,
        bookingId: view.booking.id,
        kind: "booking_confirmed",
        recipient: c.client.email,
      },
      now,
    ),
  ] as unknown as Parameters<Db["batch"]>[0]);
  const update = results[before.length] as unknown as D1Result;
  return { confirmed: update.meta.changes === 1, token };
}

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
    security: holdSecurity,
    request: {
      params: IdParam,
      ...jsonBody(z.object({ client: ClientInput, packageId: Id.optional() }).openapi("BookHold")),
    },
    responses: {
      201: { description: "Booked", ...json(BookingWithLink) },
      ...problems(401, 404, 410, 415, 422),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const db = c.var.db;
    const { hold } = await heldBy(c, id);
    const now = Date.now();
    const expired = () =>
      new ApiError(410, "hold_expired", "Your hold on this time ran out. Please pick a time again.");
    if (!isHoldAlive(hold, now)) throw expired();
    const view = await getBookingView(db, hold);
    if (!view) throw notFound("hold");
    const pkg = packageFor(view, input.packageId);
    const studioId = view.studio.id;
    const { email, name, phone } = input.client;
    // Without online payments the client pays at the session, so the booking is confirmed now.
    const result = await confirm(
      db,
      {
        view,
        client: input.client,
        clientId: sql`(select ${clients.id} from ${clients} where ${clients.studioId} = ${studioId} and ${clients.email} = ${email})`,
        packageId: pkg.id,
        amounts: { amountCents: pkg.priceCents, depositCents: pkg.depositCents, paidCents: 0 },
        from: and(eq(bookings.status, "held"), gt(bookings.expiresAt, now)) as SQL,
        publicUrl: publicUrl(c),
        now,
      },
      // A visitor who books becomes the studio's client; an email the studio knows keeps its record.
      [
        db
          .insert(clients)
          .values({ studioId, name, email, phone: phone || null })
          .onConflictDoNothing(),
      ],
    );
    if (!result.confirmed) throw expired();
    return c.json({ booking: { id, status: "confirmed", token: result.token } }, 201);
  },
);

const TokenParam = z.object({
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

async function viewByToken(c: Parameters<typeof publicUrl>[0], token: string): Promise<BookingView> {
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
      ...problems(403, 404, 409, 415, 422),
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
    const result = await confirm(db, {
      view,
      client,
      clientId: client.id,
      packageId: pkg.id,
      amounts: { amountCents: pkg.priceCents, depositCents: pkg.depositCents, paidCents: booking.paidCents },
      from: inArray(bookings.status, ["reserved", "awaiting_confirmation"]),
      publicUrl: publicUrl(c),
      now: Date.now(),
    });
    if (!result.confirmed)
      throw new ApiError(409, "conflict", "This booking changed meanwhile. Please reload.");
    const [fresh] = await db.select().from(bookings).where(eq(bookings.id, booking.id));
    return c.json({ booking: toClientBooking(fresh ?? booking, client) }, 200);
  },
);

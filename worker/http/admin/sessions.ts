import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Context } from "hono";
import { bookings, clientLinks, sessions, spots } from "../../../db/schema.ts";
import { canConfirm } from "../../domain/bookings.ts";
import { appointmentLinks } from "../../domain/links.ts";
import { appointmentFacts, confirmationRequest, paymentReminder } from "../../domain/messages.ts";
import { balanceDue } from "../../domain/money.ts";
import { choosePackage } from "../../domain/packages.ts";
import { slugify, withRandomTail } from "../../domain/slugs.ts";
import { overlapsAny, type PlannedSpot, planSpots } from "../../domain/spots.ts";
import { localToUtc, NonexistentLocalTime, utcToLocal } from "../../domain/time.ts";
import type { Db, HonoEnv, Studio } from "../../env.ts";
import { writeAll } from "../../queries/batch.ts";
import { newClientLink } from "../../queries/client-links.ts";
import { getClient } from "../../queries/clients.ts";
import { getSessionType, type SessionTypeWithPackages } from "../../queries/session-types.ts";
import { getSessionDetails, listSessions, type SessionDetails } from "../../queries/sessions.ts";
import { queueEmail } from "../../services/outbox.ts";
import { createRouter } from "../app.ts";
import { ApiError, invalid, notFound } from "../problem.ts";
import {
  adminSecurity,
  DateString,
  Id,
  IdParam,
  json,
  jsonBody,
  Name,
  problems,
  SpotCount,
  TimeString,
  TimeZone,
} from "../schemas.ts";
import { publicUrl } from "../urls.ts";
import { ClientChoice, resolveClient } from "./client-choice.ts";
import {
  SessionDetailsSchema,
  SessionSummarySchema,
  toSessionDetails,
  toSessionSummary,
} from "./session-views.ts";

const common = {
  name: Name,
  sessionTypeId: Id,
  date: DateString,
  time: TimeString,
  timeZone: TimeZone.optional(),
  location: z.string().trim().max(500).optional(),
};

const CreateSingle = z.object({
  ...common,
  classification: z.literal("single"),
  packageId: Id.nullable().optional(),
  clientId: Id.nullable().optional(),
});

const CreateMulti = z.object({
  ...common,
  classification: z.literal("multi"),
  spots: SpotCount,
  sameTime: z.boolean().optional(),
});

const CreateSession = z
  .discriminatedUnion("classification", [CreateSingle, CreateMulti])
  .openapi("CreateSession");

const UpdateSession = z
  .object({
    name: Name,
    location: z.string().trim().max(500),
    packageId: Id.nullable(),
    date: DateString,
    time: TimeString,
  })
  .partial()
  .openapi("UpdateSession");

const AddSpots = z
  .object({ date: DateString, time: TimeString, spots: SpotCount, sameTime: z.boolean().optional() })
  .openapi("AddSpots");

const Wrapped = json(z.object({ session: SessionDetailsSchema }));

/** The instant of a local date and time, or a field error naming the time the clocks skip. */
function instantOf(date: string, time: string, timeZone: string): number {
  try {
    return localToUtc({ date, time }, timeZone);
  } catch (err) {
    if (err instanceof NonexistentLocalTime) throw invalid("time", err.message);
    throw err;
  }
}

function planOrRefuse(...args: Parameters<typeof planSpots>): PlannedSpot[] {
  try {
    return planSpots(...args);
  } catch (err) {
    if (err instanceof NonexistentLocalTime) throw invalid("time", err.message);
    throw err;
  }
}

/** The session type for a new session: this studio's, active, and of the session's classification. */
async function sessionTypeFor(
  db: Db,
  studio: Studio,
  id: string,
  classification: "single" | "multi",
): Promise<SessionTypeWithPackages> {
  const type = await getSessionType(db, studio.id, id);
  if (!type) throw invalid("sessionTypeId", "No session type with that id. Create a session type first.");
  if (!type.active) throw invalid("sessionTypeId", "That session type is inactive.");
  if (type.classification !== classification) {
    throw new ApiError(
      422,
      "wrong_classification",
      `"${type.name}" is a ${type.classification} session type; choose a ${classification} one.`,
      [{ path: "sessionTypeId", message: `Choose a session type classified as ${classification}.` }],
    );
  }
  return type;
}

/** Spots go in chunks: D1 binds at most 100 parameters per statement. */
function insertSpots(
  db: Db,
  studioId: string,
  sessionId: string,
  planned: PlannedSpot[],
): BatchItem<"sqlite">[] {
  const rows = planned.map((p) => ({ studioId, sessionId, startsAt: p.startsAt, endsAt: p.endsAt }));
  const chunks: BatchItem<"sqlite">[] = [];
  for (let i = 0; i < rows.length; i += 15) chunks.push(db.insert(spots).values(rows.slice(i, i + 15)));
  return chunks;
}

async function detailsOrNotFound(db: Db, studioId: string, id: string): Promise<SessionDetails> {
  const details = await getSessionDetails(db, studioId, id, Date.now());
  if (!details) throw notFound("session");
  return details;
}

/** The session as the details page shows it, read fresh after a change. */
async function sessionView(c: Context<HonoEnv>, id: string) {
  const details = await detailsOrNotFound(c.var.db, c.var.studio.id, id);
  return toSessionDetails(details, c.var.studio.currency, publicUrl(c));
}

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["Sessions"],
    summary: "Booking Sessions, latest first, with spots taken",
    security: adminSecurity,
    responses: {
      200: { description: "OK", ...json(z.object({ sessions: z.array(SessionSummarySchema) })) },
      ...problems(401),
    },
  }),
  async (c) => {
    const rows = await listSessions(c.var.db, c.var.studio.id, Date.now());
    const base = publicUrl(c);
    return c.json({ sessions: rows.map((r) => toSessionSummary(r, base)) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["Sessions"],
    summary: "Schedule a New Session (Single: one spot for one client; Multi: generated spots)",
    security: adminSecurity,
    request: jsonBody(CreateSession),
    responses: { 201: { description: "Created", ...Wrapped }, ...problems(401, 415, 422) },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const studio = c.var.studio;
    const db = c.var.db;
    const type = await sessionTypeFor(db, studio, input.sessionTypeId, input.classification);
    const timeZone = input.timeZone ?? studio.timeZone;
    const id = crypto.randomUUID();
    const base = {
      id,
      studioId: studio.id,
      slug: withRandomTail(slugify(input.name)),
      name: input.name,
      sessionTypeId: type.id,
      timeZone,
      location: input.location ?? "",
    };
    const writes: BatchItem<"sqlite">[] = [];
    if (input.classification === "single") {
      const pkg = choosePackage(type.packages, input.packageId);
      if (pkg === "unknown") throw invalid("packageId", "That package is not one of this session type's.");
      const client = input.clientId ? await getClient(db, studio.id, input.clientId) : null;
      if (input.clientId && !client) throw invalid("clientId", "No client with that id.");
      const startsAt = instantOf(input.date, input.time, timeZone);
      const spotId = crypto.randomUUID();
      writes.push(
        db.insert(sessions).values({
          ...base,
          classification: "single",
          packageId: input.packageId ? (pkg?.id ?? null) : null,
          clientId: client?.id ?? null,
        }),
        db.insert(spots).values({
          id: spotId,
          studioId: studio.id,
          sessionId: id,
          startsAt,
          endsAt: startsAt + type.durationMinutes * 60_000,
        }),
      );
      if (client) {
        writes.push(
          db.insert(bookings).values({
            studioId: studio.id,
            sessionId: id,
            spotId,
            clientId: client.id,
            packageId: pkg?.id ?? null,
            status: "reserved",
            amountCents: pkg?.priceCents ?? 0,
            depositCents: pkg?.depositCents ?? 0,
            currency: studio.currency,
          }),
        );
      }
    } else {
      const planned = planOrRefuse({
        date: input.date,
        time: input.time,
        timeZone,
        spots: input.spots,
        durationMinutes: type.durationMinutes,
        breakMinutes: type.breakMinutes,
        sameTime: input.sameTime,
      });
      writes.push(
        db.insert(sessions).values({ ...base, classification: "multi" }),
        ...insertSpots(db, studio.id, id, planned),
      );
    }
    await writeAll(db, writes);
    return c.json({ session: await sessionView(c, id) }, 201);
  },
);

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}",
    tags: ["Sessions"],
    summary: "Session details: spots with bookings, clients and balances",
    security: adminSecurity,
    request: { params: IdParam },
    responses: { 200: { description: "OK", ...Wrapped }, ...problems(401, 404) },
  }),
  async (c) => c.json({ session: await sessionView(c, c.req.valid("param").id) }, 200),
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/{id}",
    tags: ["Sessions"],
    summary: "Edit a session; a Single's date, time and package until the client confirms",
    security: adminSecurity,
    request: { params: IdParam, ...jsonBody(UpdateSession) },
    responses: { 200: { description: "OK", ...Wrapped }, ...problems(401, 404, 409, 415, 422) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const studio = c.var.studio;
    const db = c.var.db;
    const current = await detailsOrNotFound(db, studio.id, id);
    const { session } = current;
    const spot = current.spots[0];
    const booking = spot?.booking ?? null;
    const movesTime = input.date !== undefined || input.time !== undefined;
    const changesPackage = input.packageId !== undefined && input.packageId !== session.packageId;
    if (movesTime && session.classification === "multi") {
      throw invalid(
        "date",
        "A Multi session's times live on its spots: add spots or cancel bookings instead.",
      );
    }
    if (
      (movesTime || changesPackage) &&
      session.classification === "single" &&
      booking?.status === "confirmed"
    ) {
      throw new ApiError(
        409,
        "already_confirmed",
        "The client has confirmed this session, so it can no longer change.",
      );
    }
    const pkg = input.packageId === undefined ? undefined : choosePackage(current.packages, input.packageId);
    if (pkg === "unknown") throw invalid("packageId", "That package is not one of this session type's.");

    const writes: BatchItem<"sqlite">[] = [];
    const sessionChanges = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.location !== undefined && { location: input.location }),
      ...(input.packageId !== undefined && { packageId: input.packageId }),
    };
    if (Object.keys(sessionChanges).length > 0) {
      writes.push(
        db
          .update(sessions)
          .set(sessionChanges)
          .where(and(eq(sessions.studioId, studio.id), eq(sessions.id, id))),
      );
    }
    if (movesTime && spot) {
      const local = utcToLocal(spot.startsAt, session.timeZone);
      const startsAt = instantOf(input.date ?? local.date, input.time ?? local.time, session.timeZone);
      writes.push(
        db
          .update(spots)
          .set({ startsAt, endsAt: startsAt + current.sessionType.durationMinutes * 60_000 })
          .where(eq(spots.id, spot.id)),
      );
    }
    if (changesPackage && booking && session.classification === "single") {
      writes.push(
        db
          .update(bookings)
          .set({
            packageId: pkg?.id ?? null,
            amountCents: pkg?.priceCents ?? 0,
            depositCents: pkg?.depositCents ?? 0,
          })
          .where(eq(bookings.id, booking.id)),
      );
    }
    await writeAll(db, writes);
    return c.json({ session: await sessionView(c, id) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/client",
    tags: ["Sessions"],
    summary: "Assign to Client: a Single's client, by id or added in the same call",
    security: adminSecurity,
    request: { params: IdParam, ...jsonBody(ClientChoice) },
    responses: { 200: { description: "OK", ...Wrapped }, ...problems(401, 404, 409, 415, 422) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const studio = c.var.studio;
    const db = c.var.db;
    const current = await detailsOrNotFound(db, studio.id, id);
    const { session } = current;
    if (session.classification !== "single") {
      throw new ApiError(
        422,
        "wrong_classification",
        "Multi sessions take clients per spot: reserve a spot for the client instead.",
      );
    }
    const spot = current.spots[0];
    if (!spot) throw notFound("spot");
    const booking = spot.booking;
    if (booking?.status === "confirmed") {
      throw new ApiError(
        409,
        "already_confirmed",
        "The client has confirmed this session; cancel it to change the client.",
      );
    }
    const { client, writes } = await resolveClient(db, studio.id, c.req.valid("json"));
    const pkg = choosePackage(current.packages, session.packageId);
    const known = pkg === "unknown" ? null : pkg;
    const now = Date.now();
    // The new client (if any) first: the session and booking rows refer to it.
    await writeAll(db, [
      ...writes,
      db
        .update(sessions)
        .set({ clientId: client.id })
        .where(and(eq(sessions.studioId, studio.id), eq(sessions.id, id))),
      booking
        ? // A new client starts over: earlier links stop opening this booking.
          db
            .update(bookings)
            .set({ clientId: client.id, status: "reserved" })
            .where(eq(bookings.id, booking.id))
        : db.insert(bookings).values({
            studioId: studio.id,
            sessionId: id,
            spotId: spot.id,
            clientId: client.id,
            packageId: known?.id ?? null,
            status: "reserved",
            amountCents: known?.priceCents ?? 0,
            depositCents: known?.depositCents ?? 0,
            currency: studio.currency,
            createdAt: now,
          }),
      ...(booking && booking.clientId !== client.id ? [revokeLinks(db, booking.id)] : []),
    ]);
    return c.json({ session: await sessionView(c, id) }, 200);
  },
);

const revokeLinks = (db: Db, bookingId: string) =>
  db.delete(clientLinks).where(eq(clientLinks.bookingId, bookingId));

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/confirmation-request",
    tags: ["Sessions"],
    summary: "Send Confirmation Request to Client: email the confirm-and-pay link",
    security: adminSecurity,
    request: { params: IdParam },
    responses: {
      200: {
        description: "Queued",
        ...json(z.object({ session: SessionDetailsSchema, confirmationUrl: z.string() })),
      },
      ...problems(401, 404, 409, 422),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const studio = c.var.studio;
    const db = c.var.db;
    const current = await detailsOrNotFound(db, studio.id, id);
    const spot = current.spots[0];
    const booking = spot?.booking;
    if (current.session.classification !== "single") {
      throw new ApiError(422, "wrong_classification", "Confirmation requests are for Single sessions.");
    }
    if (!spot || !booking?.client) {
      throw new ApiError(409, "conflict", "Assign a client to this session first.");
    }
    if (!canConfirm(booking.status)) {
      throw new ApiError(409, "already_confirmed", "The client has already confirmed this session.");
    }
    const link = await newClientLink(db, studio.id, booking.id);
    const links = appointmentLinks(publicUrl(c), studio.bookingPageUrl, link.token);
    const message = confirmationRequest(
      appointmentFacts(studio, current.session, spot, booking.client),
      links,
    );
    await db.batch([
      link.insert,
      db.update(bookings).set({ status: "awaiting_confirmation" }).where(eq(bookings.id, booking.id)),
      queueEmail(db, {
        ...message,
        studioId: studio.id,
        bookingId: booking.id,
        kind: "confirmation_request",
        recipient: booking.client.email,
      }),
    ]);
    return c.json({ session: await sessionView(c, id), confirmationUrl: links.page }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/spots",
    tags: ["Sessions"],
    summary: "Add Additional Spots to a Multi session, on the same or another day",
    security: adminSecurity,
    request: { params: IdParam, ...jsonBody(AddSpots) },
    responses: { 201: { description: "Added", ...Wrapped }, ...problems(401, 404, 409, 415, 422) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const studio = c.var.studio;
    const db = c.var.db;
    const current = await detailsOrNotFound(db, studio.id, id);
    if (current.session.classification !== "multi") {
      throw new ApiError(
        422,
        "wrong_classification",
        "A Single session has exactly one spot; change its date and time instead.",
      );
    }
    const planned = planOrRefuse({
      ...input,
      timeZone: current.session.timeZone,
      durationMinutes: current.sessionType.durationMinutes,
      breakMinutes: current.sessionType.breakMinutes,
    });
    if (!input.sameTime && overlapsAny(planned, current.spots)) {
      throw new ApiError(409, "conflict", "These spots would overlap spots the session already has.", [
        { path: "time", message: "Choose a time after the existing spots, or another day." },
      ]);
    }
    await writeAll(db, insertSpots(db, studio.id, id, planned));
    return c.json({ session: await sessionView(c, id) }, 201);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/payment-reminders",
    tags: ["Sessions"],
    summary: "Send Reminder: email each client with a balance due",
    security: adminSecurity,
    request: { params: IdParam },
    responses: {
      200: { description: "Queued", ...json(z.object({ sent: z.number().int() })) },
      ...problems(401, 404, 409),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const studio = c.var.studio;
    const db = c.var.db;
    const current = await detailsOrNotFound(db, studio.id, id);
    const owing = current.spots.flatMap((spot) =>
      spot.booking?.client && spot.booking.status !== "held" && balanceDue(spot.booking) > 0
        ? [{ spot, booking: spot.booking, client: spot.booking.client }]
        : [],
    );
    if (owing.length === 0)
      throw new ApiError(409, "no_balance_due", "No client in this session owes a balance.");
    const writes: BatchItem<"sqlite">[] = [];
    for (const { spot, booking, client } of owing) {
      const link = await newClientLink(db, studio.id, booking.id);
      const message = paymentReminder(
        appointmentFacts(studio, current.session, spot, client),
        {
          currency: booking.currency,
          amountCents: booking.amountCents,
          paidCents: booking.paidCents,
          balanceCents: balanceDue(booking),
        },
        appointmentLinks(publicUrl(c), studio.bookingPageUrl, link.token),
      );
      writes.push(
        link.insert,
        queueEmail(db, {
          ...message,
          studioId: studio.id,
          bookingId: booking.id,
          kind: "payment_reminder",
          recipient: client.email,
        }),
      );
    }
    await writeAll(db, writes);
    return c.json({ sent: owing.length }, 200);
  },
);

export default router;

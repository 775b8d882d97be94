import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { bookings, clientLinks, sessions, spots } from "../../db/schema.ts";
import { can } from "../domain/bookings.ts";
import { DomainError, invalid, notFound, refusal } from "../domain/errors.ts";
import { appointmentLinks } from "../domain/links.ts";
import { appointmentFacts, confirmationRequest, moneyFacts, paymentReminder } from "../domain/messages.ts";
import { balanceDue, packageAmounts } from "../domain/money.ts";
import { offeredPackage } from "../domain/packages.ts";
import { slugify, withRandomTail } from "../domain/slugs.ts";
import { firstOverlap, type PlannedSpot, planSpots } from "../domain/spots.ts";
import { templateValues } from "../domain/templates.ts";
import { localToUtc, utcToLocal } from "../domain/time.ts";
import type { Db } from "../env.ts";
import { writeAll } from "../queries/batch.ts";
import { newClientLink } from "../queries/client-links.ts";
import { getClient } from "../queries/clients.ts";
import { getSessionType, type SessionTypeWithPackages } from "../queries/session-types.ts";
import {
  getSessionDetails,
  listSessions,
  type SessionDetails,
  type SessionSummary,
} from "../queries/sessions.ts";
import { storedRules } from "../schemas/booking-rules.ts";
import { type SessionDetailsView, toSessionDetails } from "../schemas/session-views.ts";
import type { AddSpots, ClientChoice, CreateSession, UpdateSession } from "../schemas/sessions.ts";
import { queueEmail } from "../services/outbox.ts";
import { chosenClient } from "./clients.ts";
import type { StudioContext } from "./context.ts";
import { clientLocale, howToPay, sessionMessage } from "./email-templates.ts";
import { overlapRefusal, refusingPastStart, refusingSkippedTimes, requireScheduled } from "./scheduling.ts";
import { offerFreeSpots } from "./waitlist.ts";

/** The session type for a new session: this studio's, active, and of the session's classification. */
async function sessionTypeFor(
  ctx: StudioContext,
  id: string,
  classification: "single" | "multi",
): Promise<SessionTypeWithPackages> {
  const type = await getSessionType(ctx.db, ctx.studio.id, id);
  if (!type) throw invalid("sessionTypeId", "No session type with that id. Create a session type first.");
  if (!type.active) throw invalid("sessionTypeId", "That session type is inactive.");
  if (type.classification !== classification) {
    throw refusal(
      "wrong_classification",
      `"${type.name}" is a ${type.classification} session type; choose a ${classification} one.`,
      "sessionTypeId",
      `Choose a session type classified as ${classification}.`,
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

async function detailsOf(ctx: StudioContext, id: string): Promise<SessionDetails> {
  const details = await getSessionDetails(ctx.db, ctx.studio.id, id, ctx.now);
  if (!details) throw notFound("session");
  return details;
}

/** A session as the photographer sees it: spots with bookings, clients and balances. */
export async function sessionDetails(ctx: StudioContext, id: string): Promise<SessionDetailsView> {
  return toSessionDetails(await detailsOf(ctx, id), ctx.studio.currency, ctx.publicUrl);
}

/** The Booking Sessions, latest first, with how many spots are taken. */
export const sessionsOf = (ctx: StudioContext): Promise<SessionSummary[]> =>
  listSessions(ctx.db, ctx.studio.id, ctx.now);

/** A booking the photographer puts a client down for: reserved until they are asked to confirm. */
function reservation(
  ctx: StudioContext,
  at: { sessionId: string; spotId: string; clientId: string },
  pkg: { id: string; priceCents: number; depositCents: number } | null,
) {
  const { amountCents, depositCents } = packageAmounts(pkg);
  return ctx.db.insert(bookings).values({
    studioId: ctx.studio.id,
    ...at,
    packageId: pkg?.id ?? null,
    status: "reserved",
    amountCents,
    depositCents,
    currency: ctx.studio.currency,
    createdAt: ctx.now,
  });
}

/** Schedule a New Session: a Single's one spot (and its client), or a Multi's generated spots. */
export async function scheduleSession(ctx: StudioContext, input: CreateSession): Promise<SessionDetailsView> {
  const { db, studio } = ctx;
  const type = await sessionTypeFor(ctx, input.sessionTypeId, input.classification);
  const timeZone = input.timeZone ?? studio.timeZone;
  const id = crypto.randomUUID();
  const base = {
    id,
    studioId: studio.id,
    slug: withRandomTail(slugify(input.name)),
    name: input.name,
    sessionTypeId: type.id,
    timeZone,
    location: input.location ?? type.location,
    description: input.description ?? "",
    rules: input.rules ? storedRules(input.rules) : null,
  };
  const writes: BatchItem<"sqlite">[] = [];
  if (input.classification === "single") {
    const pkg = offeredPackage(type.packages, input.packageId);
    const client = input.clientId ? await getClient(db, studio.id, input.clientId) : null;
    if (input.clientId && !client) throw invalid("clientId", "No client with that id.");
    const startsAt = refusingSkippedTimes(() => localToUtc({ date: input.date, time: input.time }, timeZone));
    refusingPastStart(ctx, startsAt, input, timeZone);
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
    if (client) writes.push(reservation(ctx, { sessionId: id, spotId, clientId: client.id }, pkg));
  } else {
    const planned = refusingSkippedTimes(() =>
      planSpots({
        date: input.date,
        time: input.time,
        timeZone,
        spots: input.spots,
        durationMinutes: type.durationMinutes,
        breakMinutes: type.breakMinutes,
        sameTime: input.sameTime,
      }),
    );
    refusingPastStart(ctx, planned[0]?.startsAt ?? ctx.now, input, timeZone);
    writes.push(
      db.insert(sessions).values({ ...base, classification: "multi" }),
      ...insertSpots(db, studio.id, id, planned),
    );
  }
  await writeAll(db, writes);
  return sessionDetails(ctx, id);
}

const confirmedAlready = (what: string) =>
  new DomainError("already_confirmed", `The client has confirmed this session, so ${what}.`);

/** Edits a session; a Single's date, time and package only until its client confirms. */
export async function updateSession(
  ctx: StudioContext,
  id: string,
  input: UpdateSession,
): Promise<SessionDetailsView> {
  const { db, studio } = ctx;
  const current = await detailsOf(ctx, id);
  const { session } = current;
  const spot = current.spots[0];
  const booking = spot?.booking ?? null;
  requireScheduled(session);
  const movesTime = input.date !== undefined || input.time !== undefined;
  const changesPackage = input.packageId !== undefined && input.packageId !== session.packageId;
  if (movesTime && session.classification === "multi") {
    throw invalid("date", "A Multi session's times live on its spots: add spots or cancel bookings instead.");
  }
  if (
    (movesTime || changesPackage) &&
    session.classification === "single" &&
    booking?.status === "confirmed"
  ) {
    throw confirmedAlready("it can no longer change");
  }
  const pkg = input.packageId === undefined ? undefined : offeredPackage(current.packages, input.packageId);
  const writes: BatchItem<"sqlite">[] = [];
  const sessionChanges = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.location !== undefined && { location: input.location }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.packageId !== undefined && { packageId: input.packageId }),
    ...(input.rules !== undefined && { rules: storedRules(input.rules) }),
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
    const was = utcToLocal(spot.startsAt, session.timeZone);
    const moved = { date: input.date ?? was.date, time: input.time ?? was.time };
    const startsAt = refusingSkippedTimes(() => localToUtc(moved, session.timeZone));
    refusingPastStart(ctx, startsAt, moved, session.timeZone);
    writes.push(
      db
        .update(spots)
        .set({ startsAt, endsAt: startsAt + current.sessionType.durationMinutes * 60_000 })
        .where(eq(spots.id, spot.id)),
    );
  }
  if (changesPackage && booking && session.classification === "single") {
    const { amountCents, depositCents } = packageAmounts(pkg ?? null);
    writes.push(
      db
        .update(bookings)
        .set({ packageId: pkg?.id ?? null, amountCents, depositCents })
        .where(eq(bookings.id, booking.id)),
    );
  }
  await writeAll(db, writes);
  return sessionDetails(ctx, id);
}

/** Assign to Client: a Single's client, chosen or added in the same batch; a new client starts over. */
export async function assignClient(
  ctx: StudioContext,
  id: string,
  choice: ClientChoice,
): Promise<SessionDetailsView> {
  const { db, studio } = ctx;
  const current = await detailsOf(ctx, id);
  const { session } = current;
  requireScheduled(session);
  if (session.classification !== "single") {
    throw new DomainError(
      "wrong_classification",
      "Multi sessions take clients per spot: reserve a spot for the client instead.",
    );
  }
  const spot = current.spots[0];
  if (!spot) throw notFound("spot");
  const booking = spot.booking;
  if (booking?.status === "confirmed") throw confirmedAlready("cancel it to change the client");
  const { client, writes } = await chosenClient(ctx, choice);
  const pkg = offeredPackage(current.packages, session.packageId);
  // The new client (if any) first: the session and booking rows refer to it.
  await writeAll(db, [
    ...writes,
    db
      .update(sessions)
      .set({ clientId: client.id })
      .where(and(eq(sessions.studioId, studio.id), eq(sessions.id, id))),
    booking
      ? db
          .update(bookings)
          .set({ clientId: client.id, status: "reserved" })
          .where(eq(bookings.id, booking.id))
      : reservation(ctx, { sessionId: id, spotId: spot.id, clientId: client.id }, pkg),
    // Earlier links stop opening this booking once it is someone else's.
    ...(booking && booking.clientId !== client.id
      ? [db.delete(clientLinks).where(eq(clientLinks.bookingId, booking.id))]
      : []),
  ]);
  return sessionDetails(ctx, id);
}

/** Send Confirmation Request to Client: the confirm-and-pay link, emailed. */
export async function requestConfirmation(
  ctx: StudioContext,
  id: string,
): Promise<{ session: SessionDetailsView; confirmationUrl: string }> {
  const { db, studio } = ctx;
  const current = await detailsOf(ctx, id);
  const spot = current.spots[0];
  const booking = spot?.booking;
  if (current.session.classification !== "single") {
    throw new DomainError("wrong_classification", "Confirmation requests are for Single sessions.");
  }
  if (!spot || !booking?.client)
    throw new DomainError("client_required", "Assign a client to this session first.");
  if (!can("confirm", booking.status)) {
    throw new DomainError("already_confirmed", "The client has already confirmed this session.");
  }
  const link = await newClientLink(db, studio.id, booking.id);
  const links = appointmentLinks(ctx.publicUrl, studio.bookingPageUrl, link.token);
  const locale = await clientLocale(db, studio.id, booking, booking.client.email);
  const facts = appointmentFacts(studio, current.session, spot, booking.client, locale);
  const message = await sessionMessage(
    db,
    studio.id,
    id,
    "confirmation_request",
    templateValues(facts, moneyFacts(booking), links, howToPay(ctx, studio)),
    () => confirmationRequest(facts, links, moneyFacts(booking)),
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
  return { session: await sessionDetails(ctx, id), confirmationUrl: links.page };
}

/** Add Additional Spots to a Multi session, on the same or another day. */
export async function addSpots(ctx: StudioContext, id: string, input: AddSpots): Promise<SessionDetailsView> {
  const current = await detailsOf(ctx, id);
  requireScheduled(current.session);
  if (current.session.classification !== "multi") {
    throw new DomainError(
      "wrong_classification",
      "A Single session has exactly one spot; change its date and time instead.",
    );
  }
  const planned = refusingSkippedTimes(() =>
    planSpots({
      ...input,
      timeZone: current.session.timeZone,
      durationMinutes: current.sessionType.durationMinutes,
      breakMinutes: current.sessionType.breakMinutes,
    }),
  );
  refusingPastStart(ctx, planned[0]?.startsAt ?? ctx.now, input, current.session.timeZone);
  const clash = input.sameTime ? null : firstOverlap(planned, current.spots);
  if (clash) throw overlapRefusal(clash, { timeZone: current.session.timeZone, locale: ctx.studio.locale });
  await writeAll(ctx.db, insertSpots(ctx.db, ctx.studio.id, id, planned));
  await offerFreeSpots(ctx, id);
  return sessionDetails(ctx, id);
}

/** Send Reminder: a payment reminder to each client of the session with a balance due. */
export async function remindBalancesDue(ctx: StudioContext, id: string): Promise<{ sent: number }> {
  const { db, studio } = ctx;
  const current = await detailsOf(ctx, id);
  // Only confirmed bookings: a reservation still awaiting its client is asked to confirm, not to pay.
  const owing = current.spots.flatMap((spot) =>
    spot.booking?.client && spot.booking.status === "confirmed" && balanceDue(spot.booking) > 0
      ? [{ spot, booking: spot.booking, client: spot.booking.client }]
      : [],
  );
  if (owing.length === 0)
    throw new DomainError("no_balance_due", "No confirmed booking in this session has a balance due.");
  const writes: BatchItem<"sqlite">[] = [];
  const pay = howToPay(ctx, studio);
  const offline = ctx.stripe() ? undefined : studio.paymentInstructions;
  for (const { spot, booking, client } of owing) {
    const link = await newClientLink(db, studio.id, booking.id);
    const locale = await clientLocale(db, studio.id, booking, client.email);
    const facts = appointmentFacts(studio, current.session, spot, client, locale);
    const links = appointmentLinks(ctx.publicUrl, studio.bookingPageUrl, link.token);
    const message = await sessionMessage(
      db,
      studio.id,
      id,
      "payment_reminder",
      templateValues(facts, moneyFacts(booking), links, pay),
      () => paymentReminder(facts, moneyFacts(booking), links, offline),
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
  return { sent: owing.length };
}

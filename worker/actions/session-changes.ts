import { and, eq, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { bookings } from "../../db/schema.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { appointmentLinks } from "../domain/links.ts";
import { appointmentFacts, moneyFacts, sessionCancelled } from "../domain/messages.ts";
import { firstOverlap } from "../domain/spots.ts";
import { localToUtc } from "../domain/time.ts";
import { endBookings } from "../queries/bookings.ts";
import { newClientLinkIfLastChanged } from "../queries/client-links.ts";
import {
  cancelSessionRow,
  deleteSessionRows,
  getSessionDetails,
  moveFreeSpot,
  removeFreeSpot,
  type SessionDetails,
} from "../queries/sessions.ts";
import { type SessionDetailsView, toSessionDetails } from "../schemas/session-views.ts";
import type { MoveSpot } from "../schemas/sessions.ts";
import { queueEmailIfLastChanged } from "../services/outbox.ts";
import type { StudioContext } from "./context.ts";
import { clientLocale } from "./email-templates.ts";
import { overlapRefusal, refusingPastStart, refusingSkippedTimes, requireScheduled } from "./scheduling.ts";

/** Calling a session off, deleting one never booked, and removing or moving its free spots. */

async function detailsOf(ctx: StudioContext, id: string): Promise<SessionDetails> {
  const details = await getSessionDetails(ctx.db, ctx.studio.id, id, ctx.now);
  if (!details) throw notFound("session");
  return details;
}

const view = async (ctx: StudioContext, id: string) =>
  toSessionDetails(await detailsOf(ctx, id), ctx.studio.currency, ctx.publicUrl);

export type CancelledSession = {
  session: SessionDetailsView;
  /** How many clients were emailed that the session is off. */
  emailed: number;
};

/**
 * Cancels the whole session in one batch: the session first (so no new hold lands on it), then
 * each client's booking through endBookings, each followed by a fresh link and the client's email
 * only if that booking was cancelled right then (so two clicks email nobody twice), then whatever
 * else occupied a spot (a visitor's hold). Money paid stays on the cancelled bookings, which the
 * session's page lists for refund.
 */
export async function cancelSession(ctx: StudioContext, id: string): Promise<CancelledSession> {
  const { db, studio, now } = ctx;
  const current = await detailsOf(ctx, id);
  requireScheduled(current.session);
  const writes: BatchItem<"sqlite">[] = [cancelSessionRow(db, studio.id, id, now)];
  let emailed = 0;
  for (const spot of current.spots) {
    const booking = spot.booking;
    if (!booking?.client) continue;
    const link = await newClientLinkIfLastChanged(db, studio.id, booking.id, now);
    const locale = await clientLocale(db, studio.id, booking, booking.client.email);
    const message = sessionCancelled(
      appointmentFacts(studio, current.session, spot, booking.client, locale),
      moneyFacts(booking),
      appointmentLinks(ctx.publicUrl, studio.bookingPageUrl, link.token),
    );
    writes.push(
      endBookings(db, eq(bookings.id, booking.id), "cancel", now),
      link.insert,
      queueEmailIfLastChanged(
        db,
        {
          ...message,
          studioId: studio.id,
          bookingId: booking.id,
          kind: "session_cancelled",
          recipient: booking.client.email,
        },
        now,
      ),
    );
    emailed++;
  }
  const anyLeft = and(eq(bookings.studioId, studio.id), eq(bookings.sessionId, id)) as SQL;
  writes.push(endBookings(db, anyLeft, "cancel", now));
  const [cancelled] = await db.batch(writes as [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]]);
  // Another click cancelled it first: its batch cancelled and emailed everyone, this one nobody.
  if ((cancelled as { meta: { changes: number } }).meta.changes !== 1)
    requireScheduled({ status: "cancelled" });
  return { session: await view(ctx, id), emailed };
}

/**
 * Deletes a session nobody booked. The batch decides: with any booking that has a client (live
 * or not: its history and payments stay) or a live hold, nothing is deleted and the answer says why.
 */
export async function deleteSession(ctx: StudioContext, id: string): Promise<void> {
  await detailsOf(ctx, id);
  const results = await ctx.db.batch(deleteSessionRows(ctx.db, ctx.studio.id, id, ctx.now));
  if (results[results.length - 1]?.meta.changes === 1) return;
  throw new DomainError(
    "session_has_bookings",
    "This session has bookings, so it cannot be deleted: cancel the session instead, which emails its clients.",
  );
}

/** The free spot of a scheduled session that the path names, not started yet. */
function freeSpotOf(ctx: StudioContext, current: SessionDetails, spotId: string) {
  requireScheduled(current.session);
  const spot = current.spots.find((s) => s.id === spotId);
  if (!spot) throw notFound("spot");
  if (current.session.classification === "single") {
    throw new DomainError(
      "wrong_classification",
      "A Single session has exactly one spot; change its date and time instead.",
    );
  }
  if (spot.booking) {
    throw new DomainError("spot_taken", "Someone has this spot: cancel their booking first.");
  }
  if (spot.startsAt <= ctx.now) throw new DomainError("spot_started", "This spot has already started.");
  return spot;
}

/** The batch's guarded write refused: the spot was taken (or started) between the read and it. */
const takenMeanwhile = () =>
  new DomainError("spot_taken", "Someone took this spot meanwhile. Please reload.");

/** Removes a free spot from a Multi session; it stays in the database for any cancelled booking. */
export async function removeSpot(
  ctx: StudioContext,
  id: string,
  spotId: string,
): Promise<SessionDetailsView> {
  const current = await detailsOf(ctx, id);
  freeSpotOf(ctx, current, spotId);
  const result = await removeFreeSpot(ctx.db, ctx.studio.id, spotId, ctx.now);
  if (result.meta.changes !== 1) throw takenMeanwhile();
  return view(ctx, id);
}

/**
 * Moves a free spot to another date and time, typed in the session's zone. It keeps its length in
 * elapsed time (so across a daylight-saving change it stays as long as the others) and may not
 * overlap another spot, unless it joins a workshop's seats exactly at their time.
 */
export async function moveSpot(
  ctx: StudioContext,
  id: string,
  spotId: string,
  to: MoveSpot,
): Promise<SessionDetailsView> {
  const current = await detailsOf(ctx, id);
  const spot = freeSpotOf(ctx, current, spotId);
  const { timeZone } = current.session;
  const startsAt = refusingSkippedTimes(() => localToUtc(to, timeZone));
  refusingPastStart(ctx, startsAt, to, timeZone);
  const moved = { startsAt, endsAt: startsAt + (spot.endsAt - spot.startsAt) };
  const others = current.spots.filter((s) => s.id !== spot.id);
  const clash = firstOverlap([moved], others, { exceptSeats: true });
  if (clash) throw overlapRefusal(clash, { timeZone, locale: ctx.studio.locale });
  const result = await moveFreeSpot(ctx.db, ctx.studio.id, spotId, moved, ctx.now);
  if (result.meta.changes !== 1) throw takenMeanwhile();
  return view(ctx, id);
}

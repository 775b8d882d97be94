import { and, eq, gt } from "drizzle-orm";
import { bookings, studios } from "../../db/schema.ts";
import { effectiveRules, requireBookable } from "../domain/booking-rules.ts";
import { DomainError, notFound, refusal } from "../domain/errors.ts";
import { networkOf } from "../domain/network.ts";
import { requireAllowedSite } from "../domain/origins.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import { endBookings, lapsed } from "../queries/bookings.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import { type HoldRequest, placeHold, spotRules, whyNoHold } from "../queries/holds.ts";
import { abandonStaleCheckouts } from "../queries/payments.ts";
import { forgetClosedWindows } from "../queries/rate-limits.ts";
import { isOfferedHold } from "../queries/waitlist.ts";
import { checkoutLifetimeMs } from "../services/stripe.ts";
import type { ActionContext, VisitorContext } from "./context.ts";
import { requireAdmission, turnUsed } from "./launch.ts";
import { offerFreeSpots } from "./waitlist.ts";

/** How many holds one visitor (IP) may place per window; a real visitor needs a handful. */
const holdsPerWindow = 30;
const holdWindowMs = 10 * 60_000;
/**
 * However often a visitor extends, a hold ends this many hold lengths after it began: enough to
 * finish a form, too short to sit on a spot.
 */
const maxExtensions = 1;

export type NewHold = { id: string; token: string; expiresAt: number; seats: number };

/**
 * A visitor holds a free spot of a Multi session for the studio's hold minutes. The database
 * settles every race (see queries/holds.ts); only a refusal reads again, to say why.
 */
export async function holdSpot(
  ctx: VisitorContext,
  /** `visitor`: the caller's network address (Cloudflare's CF-Connecting-IP). */
  input: {
    slug: string;
    spotId: string;
    seats?: number | undefined;
    visitor: string | undefined;
    /** A session with an opening time: the admission the line signed for the visitor's turn. */
    admission?: string | undefined;
  },
): Promise<NewHold> {
  const token = randomToken("sbk_hold");
  const network = networkOf(input.visitor);
  // The studio's notice and booking window are about time, not about who is first: checked before.
  // A session with an opening time is booked turn by turn, through its line.
  const spot = await spotRules(ctx.db, input.slug, input.spotId);
  let turn: { placeId: string } | null = null;
  if (spot && spot.startsAt > ctx.now) {
    const rules = effectiveRules(spot.typeRules, spot.sessionRules);
    requireBookable(rules, spot, ctx.now);
    if (rules.opensAt !== null) turn = await requireAdmission(ctx, input.slug, input.admission);
  }
  const request: HoldRequest = {
    slug: input.slug,
    spotId: input.spotId,
    seats: input.seats ?? 1,
    holdId: crypto.randomUUID(),
    tokenHash: await sha256(token),
    origin: ctx.origin,
    rateKey: `hold:${network}`,
    // On a turn, the turn is the visitor: one turn keeps the studio's cap of holds, whatever network.
    visitorKey: await sha256(turn ? `turn:${turn.placeId}` : network),
    rateLimit: holdsPerWindow,
    rateWindowMs: holdWindowMs,
    now: ctx.now,
  };
  let placed: Awaited<ReturnType<typeof placeHold>>;
  try {
    placed = await placeHold(ctx.db, request);
  } catch (err) {
    if (isUniqueViolation(err))
      throw new DomainError("spot_taken", "Someone just took this spot. Please pick another.");
    throw err;
  }
  if (placed) {
    // Holding this spot let go of the visitor's earlier one: that spot may have someone waiting.
    if (placed.releasedForWaitlist) await offerFreeSpots(ctx, placed.sessionId);
    if (turn) await turnUsed(ctx, input.slug, { placeId: turn.placeId, seats: request.seats });
    return { id: request.holdId, token, expiresAt: placed.expiresAt, seats: request.seats };
  }
  const why = await whyNoHold(ctx.db, request);
  if (!why.session) throw notFound("session");
  if (why.session.status === "cancelled") {
    throw new DomainError("session_cancelled", "This session was cancelled: there is nothing to book.");
  }
  requireAllowedSite(why.session.allowedOrigins, ctx.origin);
  if (why.session.classification !== "multi") {
    throw new DomainError(
      "wrong_classification",
      "This session is by invitation: use the link you were sent.",
    );
  }
  if (!why.spot) throw new DomainError("not_found", "This session has no such spot.");
  if (why.rateLimited) {
    throw new DomainError("rate_limited", "Too many holds from this connection. Please wait a few minutes.");
  }
  if (why.spot.startsAt <= ctx.now) {
    throw new DomainError("spot_started", "This spot has already started; pick a later one.");
  }
  if (request.seats > why.session.maxSeatsPerBooking) {
    throw refusal(
      "too_many_seats",
      `One booking takes at most ${why.session.maxSeatsPerBooking} seats here.`,
      "seats",
    );
  }
  if (why.spot.seatsLeft > 0) {
    throw refusal("not_enough_seats", `Only ${why.spot.seatsLeft} seats are left at this time.`, "seats");
  }
  throw new DomainError("spot_taken", "Someone just took this spot. Please pick another.");
}

export type HoldProof = { id: string; token: string | undefined };

/**
 * The hold a bearer token proves, whatever its state; 404 for a wrong token, as for no hold. The
 * id alone proves nothing: it travels in events and links that scripts on the page can read.
 */
export async function provenHold(ctx: VisitorContext, proof: HoldProof) {
  if (!proof.token) {
    throw new DomainError("unauthorized", "Send the hold's token as 'Authorization: Bearer <token>'.");
  }
  const [row] = await ctx.db
    .select({
      hold: bookings,
      studio: { allowedOrigins: studios.allowedOrigins, holdMinutes: studios.holdMinutes },
    })
    .from(bookings)
    .innerJoin(studios, eq(studios.id, bookings.studioId))
    .where(and(eq(bookings.id, proof.id), eq(bookings.holdTokenHash, await sha256(proof.token))));
  if (!row?.hold.holdTokenHash) throw notFound("hold");
  requireAllowedSite(row.studio.allowedOrigins, ctx.origin);
  return row;
}

/** Another hold period for the visitor, up to a limit counted from when the hold began. */
export async function extendHold(ctx: VisitorContext, proof: HoldProof): Promise<{ expiresAt: number }> {
  const { hold, studio } = await provenHold(ctx, proof);
  const length = studio.holdMinutes * 60_000;
  // A spot offered from a waitlist is held for the studio's offer hours: extending never shortens it.
  if (await isOfferedHold(ctx.db, hold.id)) return { expiresAt: hold.expiresAt ?? ctx.now };
  const expiresAt = Math.min(ctx.now + length, hold.createdAt + (maxExtensions + 1) * length);
  const [updated] = await ctx.db
    .update(bookings)
    .set({ expiresAt })
    .where(and(eq(bookings.id, hold.id), eq(bookings.status, "held"), gt(bookings.expiresAt, ctx.now)))
    .returning({ expiresAt: bookings.expiresAt });
  if (!updated) throw new DomainError("hold_expired", "This hold has expired. Please pick a time again.");
  return { expiresAt };
}

/** The visitor lets go: the spot is free again at once. */
export async function releaseHold(ctx: VisitorContext, proof: HoldProof): Promise<void> {
  const { hold } = await provenHold(ctx, proof);
  await endBookings(ctx.db, eq(bookings.id, hold.id), "release", ctx.now);
  await offerFreeSpots(ctx, hold.sessionId);
}

/**
 * The cron's sweep: lapsed holds and pending payments are marked expired (reads already treat them
 * as free; this keeps the table honest), Checkouts past their lifetime abandoned, in case
 * Stripe's event never came, and rate-limit counters whose window has closed forgotten.
 */
export async function expireLapsed(ctx: ActionContext): Promise<void> {
  await ctx.db.batch([
    endBookings(ctx.db, lapsed(ctx.now), "expire", ctx.now),
    abandonStaleCheckouts(ctx.db, ctx.now - checkoutLifetimeMs),
    forgetClosedWindows(ctx.db, ctx.now),
  ]);
}

import { and, asc, eq, ne } from "drizzle-orm";
import { bookings, sessions, type WaitlistTime, waitlistEntries } from "../../db/schema.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { bookingPageLink } from "../domain/links.ts";
import { appointmentFacts, waitlistOffer } from "../domain/messages.ts";
import { networkOf } from "../domain/network.ts";
import { requireAllowedSite } from "../domain/origins.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import { matchOffers, rankAt } from "../domain/waitlist.ts";
import { endBookings } from "../queries/bookings.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import { countUse } from "../queries/rate-limits.ts";
import { getPublicSession } from "../queries/sessions.ts";
import {
  entryByToken,
  insertEntry,
  offerByHoldToken,
  offerGround,
  offerWrites,
  positionOf,
  sessionsWithWaitlist,
  type WaitlistEntryRow,
  waitlistOf,
} from "../queries/waitlist.ts";
import { queueEmailIfLastChanged } from "../services/outbox.ts";
import type { ActionContext, StudioContext, VisitorContext } from "./context.ts";
import { clientLocale } from "./email-templates.ts";

/** Joins per visitor's network per window: a family joins a few sessions, not hundreds. */
const joinsPerWindow = 20;
const joinWindowMs = 10 * 60_000;

export type JoinWaitlist = {
  slug: string;
  client: { name: string; email: string };
  times?: WaitlistTime[] | undefined;
  locale?: string | undefined;
  visitor: string | undefined;
};

/**
 * A visitor joins the waitlist of a full session, last in line. The answer carries the entry's
 * own link token once (only its hash is kept): the link shows their place and lets them leave.
 */
export async function joinWaitlist(ctx: VisitorContext, input: JoinWaitlist) {
  const found = await getPublicSession(ctx.db, input.slug, ctx.now);
  if (!found) throw notFound("session");
  requireAllowedSite(found.studio.allowedOrigins, ctx.origin);
  if (!found.session.waitlistOpen) {
    throw new DomainError("waitlist_closed", "This session's waitlist is closed.");
  }
  if (found.spots.some((s) => s.available && s.startsAt > ctx.now)) {
    throw new DomainError("session_not_full", "This session still has free spots: book one instead.");
  }
  const token = randomToken("sbk_wait");
  const id = crypto.randomUUID();
  const [[use], , [position]] = await ctx.db
    .batch([
      countUse(ctx.db, `waitlist:${networkOf(input.visitor)}`, joinWindowMs, ctx.now),
      insertEntry(ctx.db, {
        id,
        studioId: found.session.studioId,
        sessionId: found.session.id,
        name: input.client.name,
        email: input.client.email.toLowerCase(),
        times: input.times?.length ? input.times : null,
        locale: input.locale ?? null,
        tokenHash: await sha256(token),
        now: ctx.now,
      }),
      positionOf(ctx.db, id),
    ])
    .catch((err: unknown) => {
      if (isUniqueViolation(err, "waitlist_entries.session_id")) {
        throw new DomainError(
          "already_on_waitlist",
          "This email is already on the waitlist for this session.",
        );
      }
      throw err;
    });
  if ((use?.count ?? 0) > joinsPerWindow) {
    // Over the limit: the entry just made is taken back out of line.
    await ctx.db.update(waitlistEntries).set({ status: "left" }).where(eq(waitlistEntries.id, id));
    throw new DomainError(
      "rate_limited",
      "Too many waitlist entries from this connection. Please wait a few minutes.",
    );
  }
  return { entry: { id, position: position?.position ?? 1, token } };
}

/** What someone on a waitlist sees through their own link: their place, or that a spot is held for them. */
export async function waitlistEntry(ctx: VisitorContext, token: string) {
  const found = await entryByToken(ctx.db, await sha256(token), ctx.now);
  if (!found) throw notFound("waitlist entry");
  requireAllowedSite(found.studio.allowedOrigins, ctx.origin);
  return found;
}

/** They leave the line; a spot held for them is let go, and offered to the next. */
export async function leaveWaitlist(ctx: VisitorContext, token: string): Promise<void> {
  const { entry, offer } = await waitlistEntry(ctx, token);
  await ctx.db.batch([
    ctx.db
      .update(waitlistEntries)
      .set({ status: "left" })
      .where(and(eq(waitlistEntries.id, entry.id), eq(waitlistEntries.status, "waiting"))),
    endBookings(ctx.db, eq(bookings.id, offer?.bookingId ?? ""), "release", ctx.now),
  ]);
  if (offer) await offerFreeSpots(ctx, entry.sessionId);
}

/** The spot a waitlist offer holds, by the token its email carries (the hold's own token). */
export async function heldOffer(ctx: VisitorContext, token: string) {
  const found = await offerByHoldToken(ctx.db, await sha256(token), ctx.now);
  if (!found)
    throw new DomainError("hold_expired", "This offer has ended: the spot went to the next person.");
  requireAllowedSite(found.studio.allowedOrigins, ctx.origin);
  return found;
}

type Ground = NonNullable<Awaited<ReturnType<typeof offerGround>>>;

/** One offer in one batch: the hold, the offer and its email; false when the spot or the person was taken meanwhile. */
async function offer(
  ctx: ActionContext,
  ground: Ground,
  spot: Ground["free"][number],
  entry: WaitlistEntryRow,
) {
  const { session, studio } = ground;
  const token = randomToken("sbk_hold");
  // Held for the studio's offer time, but never past the spot's own start.
  const expiresAt = Math.min(ctx.now + studio.waitlistOfferHours * 3_600_000, spot.startsAt);
  const link = bookingPageLink(ctx.publicUrl, studio.bookingPageUrl, "spotbook-offer", token);
  // The language they joined in, else their last booking's with the studio.
  const locale = await clientLocale(ctx.db, studio.id, entry, entry.email);
  try {
    const written = await ctx.db.batch([
      ...offerWrites(ctx.db, {
        studioId: studio.id,
        sessionId: session.id,
        spotId: spot.id,
        entryId: entry.id,
        bookingId: crypto.randomUUID(),
        tokenHash: await sha256(token),
        currency: studio.currency,
        expiresAt,
        now: ctx.now,
      }),
      queueEmailIfLastChanged(
        ctx.db,
        {
          ...waitlistOffer(appointmentFacts(studio, session, spot, entry, locale), expiresAt, link),
          studioId: studio.id,
          bookingId: null,
          kind: "waitlist_offer",
          recipient: entry.email,
        },
        ctx.now,
      ),
    ]);
    // The hold (second write) is placed only while its time still has a seat free.
    return (written[1] as unknown as D1Result).meta.changes === 1;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

/**
 * A spot became free (or several): each free spot still to come is held for the first person in
 * line whose times fit, and they are emailed. Offers whose hold lapsed are closed first, so a
 * lapsed offer passes on. Answers how many offers were made.
 */
export async function offerFreeSpots(ctx: ActionContext, sessionId: string): Promise<number> {
  const ground = await offerGround(ctx.db, sessionId, ctx.now);
  if (ground?.session.status !== "scheduled" || !ground.session.waitlistOpen) return 0;
  if (ground.line.length === 0 || ground.free.length === 0) return 0;
  const pairs = matchOffers(ground.free, ground.line, ground.session.timeZone);
  const made = await Promise.all(pairs.map((p) => offer(ctx, ground, p.spot, p.entry)));
  return made.filter(Boolean).length;
}

/** The cron's sweep: lapsed offers pass on, and spots freed by expiry go to whoever waits. */
export async function offerFreeSpotsEverywhere(ctx: ActionContext): Promise<number> {
  const waiting = await sessionsWithWaitlist(ctx.db, ctx.now);
  let made = 0;
  for (const { id } of waiting) made += await offerFreeSpots(ctx, id);
  return made;
}

/** The photographer's view of a session's waitlist: the line in order, and every offer with its outcome. */
export async function sessionWaitlist(ctx: StudioContext, sessionId: string) {
  const found = await waitlistOf(ctx.db, ctx.studio.id, sessionId, ctx.now);
  if (!found) throw notFound("session");
  return found;
}

async function studioEntry(ctx: StudioContext, entryId: string): Promise<WaitlistEntryRow> {
  const [entry] = await ctx.db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.studioId, ctx.studio.id), eq(waitlistEntries.id, entryId)));
  if (!entry) throw notFound("waitlist entry");
  return entry;
}

/** Moves someone to `position` in line (1 = first); only their own rank is written. */
export async function moveEntry(ctx: StudioContext, entryId: string, position: number): Promise<void> {
  const entry = await studioEntry(ctx, entryId);
  const others = await ctx.db
    .select({ rank: waitlistEntries.rank })
    .from(waitlistEntries)
    .where(
      and(
        eq(waitlistEntries.sessionId, entry.sessionId),
        eq(waitlistEntries.status, "waiting"),
        ne(waitlistEntries.id, entry.id),
      ),
    )
    .orderBy(asc(waitlistEntries.rank));
  const rank = rankAt(
    others.map((o) => o.rank),
    position,
  );
  await ctx.db.update(waitlistEntries).set({ rank }).where(eq(waitlistEntries.id, entry.id));
}

/**
 * The photographer offers a free spot to a given person (back in line if an offer of theirs had
 * lapsed), whoever is first; the database still refuses a spot someone holds.
 */
export async function offerSpotTo(ctx: StudioContext, entryId: string, spotId: string): Promise<void> {
  const entry = await studioEntry(ctx, entryId);
  if (entry.status === "booked" || entry.status === "left") {
    throw new DomainError("not_found", "This person is no longer on the waitlist.");
  }
  if (entry.status === "missed") {
    await ctx.db.update(waitlistEntries).set({ status: "waiting" }).where(eq(waitlistEntries.id, entry.id));
  }
  const ground = await offerGround(ctx.db, entry.sessionId, ctx.now);
  if (!ground?.session.waitlistOpen) throw new DomainError("waitlist_closed", "Turn the waitlist on first.");
  const spot = ground.free.find((s) => s.id === spotId);
  const inLine = ground.line.find((e) => e.id === entry.id);
  if (!spot) throw new DomainError("spot_taken", "That spot is not free.");
  if (!inLine) throw new DomainError("already_on_waitlist", "A spot is already held for this person.");
  if (!(await offer(ctx, ground, spot, inLine)))
    throw new DomainError("spot_taken", "That spot was just taken.");
}

/** Turns a session's waitlist on or off; turned on, free spots go to whoever waits. */
export async function setWaitlistOpen(ctx: StudioContext, sessionId: string, open: boolean): Promise<void> {
  const [updated] = await ctx.db
    .update(sessions)
    .set({ waitlistOpen: open })
    .where(and(eq(sessions.studioId, ctx.studio.id), eq(sessions.id, sessionId)))
    .returning({ id: sessions.id });
  if (!updated) throw notFound("session");
  if (open) await offerFreeSpots(ctx, sessionId);
}

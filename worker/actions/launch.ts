import { and, eq } from "drizzle-orm";
import { sessions } from "../../db/schema.ts";
import type { Arrival, LineSummary } from "../coordinators/launch-queue.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { readAdmission } from "../domain/launch.ts";
import { networkOf } from "../domain/network.ts";
import { type LocalDateTime, localToUtc } from "../domain/time.ts";
import type { ActionContext, StudioContext, VisitorContext } from "./context.ts";
import { refusingSkippedTimes } from "./scheduling.ts";

export type Place = Exclude<Arrival, { refused: string }>;
export type { LineSummary };

const refusals = {
  not_found: () => notFound("session"),
  forbidden: () => new DomainError("forbidden", "This studio does not take bookings from this website."),
  session_cancelled: () =>
    new DomainError("session_cancelled", "This session was cancelled: there is nothing to book."),
  booking_open: () =>
    new DomainError("no_opening_time", "This session has no opening time: book a time directly."),
  rate_limited: () =>
    new DomainError("rate_limited", "Too many places in line from this connection. Use the one you have."),
} as const;

/**
 * A visitor waits for a session's opening, or for their turn after it: with the ticket they were
 * given (kept in their browser) they keep their place; without one they get a new place, a few
 * per network at most. Answers their status, their admission once it is their turn, and when to
 * ask again.
 */
export async function waitInLine(
  ctx: VisitorContext,
  input: { slug: string; ticket: string | undefined; visitor: string | undefined },
): Promise<Place> {
  const answer = await ctx.launch.line(input.slug).arrive({
    slug: input.slug,
    ticket: input.ticket ?? null,
    network: networkOf(input.visitor),
    origin: ctx.origin,
    now: ctx.now,
  });
  if ("refused" in answer) throw refusals[answer.refused]();
  return answer;
}

/** A visitor leaves the line (or ends their turn early): the next one's turn can begin. */
export async function leaveLine(ctx: VisitorContext, input: { slug: string; ticket: string }): Promise<void> {
  const left = await ctx.launch.line(input.slug).leave({ ...input, origin: ctx.origin, now: ctx.now });
  if (left !== true) throw refusals[left === false ? "not_found" : left.refused]();
}

/**
 * The hold path's check for a session with an opening time: the visitor's admission, signed by
 * the line when their turn began, proves the turn without asking the line again.
 */
export async function requireAdmission(
  ctx: ActionContext,
  slug: string,
  admission: string | undefined,
): Promise<{ placeId: string }> {
  const turn = admission ? await readAdmission(ctx.launch.secret, slug, admission, ctx.now) : null;
  if (!turn) {
    throw new DomainError(
      "not_admitted",
      "This session opens with a line: wait for your turn (POST /v1/sessions/{slug}/queue), then hold with its admission.",
    );
  }
  return turn;
}

/**
 * Tells the line a turn was used: the hold's seats are taken in D1 now. The hold is written either
 * way; should the line not hear of it, that turn counts as running until it ends: fewer turns at
 * once for a few minutes, never more.
 */
export async function turnUsed(ctx: ActionContext, slug: string, turn: { placeId: string; seats: number }) {
  await ctx.launch
    .line(slug)
    .held(turn)
    .catch((err: unknown) => console.error("launch line did not hear of a used turn", err));
}

/** A session of the photographer's studio, or a 404 (another studio's sessions do not exist here). */
async function ownSession(ctx: StudioContext, sessionId: string) {
  const [session] = await ctx.db
    .select({ slug: sessions.slug, timeZone: sessions.timeZone, rules: sessions.rules })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.studioId, ctx.studio.id)));
  if (!session) throw notFound("session");
  return session;
}

/** The photographer's view of a session's line: its opening, how many wait and how many had their turn. */
export async function lineOfSession(ctx: StudioContext, sessionId: string): Promise<LineSummary> {
  const { slug } = await ownSession(ctx, sessionId);
  return ctx.launch.line(slug).summary({ slug, now: ctx.now });
}

/**
 * The photographer sets (or, with null, removes) when booking opens, as a date and time in the
 * session's zone: the session's `opensAt` rule (the JSON API's `rules.opensAt`), its other rules kept.
 */
export async function setOpening(ctx: StudioContext, sessionId: string, at: LocalDateTime | null) {
  const session = await ownSession(ctx, sessionId);
  const opensAt = at && refusingSkippedTimes(() => localToUtc(at, session.timeZone));
  await ctx.db
    .update(sessions)
    .set({ rules: { ...session.rules, opensAt } })
    .where(and(eq(sessions.id, sessionId), eq(sessions.studioId, ctx.studio.id)));
  await openingChanged(ctx, session.slug);
}

/** The opening time changed: the line reads the session again on its next request. */
export async function openingChanged(ctx: ActionContext, slug: string): Promise<void> {
  await ctx.launch.line(slug).refresh();
}

import { can, isHoldAlive } from "../domain/bookings.ts";
import { balanceDue } from "../domain/money.ts";
import { localToUtc, utcToLocal } from "../domain/time.ts";
import { type BookingOverviewRow, bookingsOfClient, liveBookings, mailTo } from "../queries/overview.ts";
import { listSessions, type SessionSummary } from "../queries/sessions.ts";
import { clientOf } from "./clients.ts";
import type { StudioContext } from "./context.ts";

/** The admin's first screen, and a client's page: what needs the photographer's attention. */

export type Dashboard = {
  /** Sessions with a spot today, in the studio's zone. */
  today: SessionSummary[];
  /** The next sessions after today. */
  next: SessionSummary[];
  /** Confirmed bookings with money still owed, soonest first. */
  balancesDue: BookingOverviewRow[];
  balanceDueCents: number;
  /** Reserved by the photographer, waiting for the client to confirm. */
  awaitingClient: BookingOverviewRow[];
  /** Visitors holding a spot (or paying for it) right now. */
  liveHolds: BookingOverviewRow[];
};

export async function dashboard(ctx: StudioContext, nextCount = 5): Promise<Dashboard> {
  const { db, studio, now } = ctx;
  const { date } = utcToLocal(now, studio.timeZone);
  const dayStart = localToUtc({ date, time: "00:00" }, studio.timeZone);
  const tomorrow = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const dayEnd = localToUtc({ date: tomorrow, time: "00:00" }, studio.timeZone);
  const [sessions, live] = await Promise.all([
    listSessions(db, studio.id, now),
    liveBookings(db, studio.id, now),
  ]);
  const scheduled = sessions
    .filter((s) => s.session.status === "scheduled" && s.firstStartsAt !== null && (s.lastEndsAt ?? 0) > now)
    .sort((a, b) => (a.firstStartsAt ?? 0) - (b.firstStartsAt ?? 0));
  const isToday = (s: SessionSummary) => (s.firstStartsAt ?? 0) < dayEnd && (s.lastEndsAt ?? 0) > dayStart;
  const balancesDue = live.filter((r) => r.booking.status === "confirmed" && balanceDue(r.booking) > 0);
  return {
    today: scheduled.filter(isToday),
    next: scheduled.filter((s) => !isToday(s)).slice(0, nextCount),
    balancesDue,
    balanceDueCents: balancesDue.reduce((sum, r) => sum + balanceDue(r.booking), 0),
    awaitingClient: live.filter((r) => can("confirm", r.booking.status)),
    liveHolds: live.filter((r) => isHoldAlive(r.booking, now) || r.booking.status === "pending_payment"),
  };
}

/** A client with their bookings (and what each owes) and the mail sent to them. */
export async function clientOverview(ctx: StudioContext, id: string) {
  const client = await clientOf(ctx, id);
  const [booked, mail] = await Promise.all([
    bookingsOfClient(ctx.db, ctx.studio.id, id),
    mailTo(ctx.db, ctx.studio.id, client.email),
  ]);
  const owed = booked.filter((r) => r.booking.status === "confirmed" || can("confirm", r.booking.status));
  return {
    client,
    bookings: booked,
    mail,
    paidCents: booked.reduce((sum, r) => sum + r.booking.paidCents, 0),
    balanceDueCents: owed.reduce((sum, r) => sum + balanceDue(r.booking), 0),
  };
}
export type ClientOverview = Awaited<ReturnType<typeof clientOverview>>;

import { and, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { bookings, spots } from "../../db/schema.ts";
import { can } from "../domain/bookings.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { appointmentLinks } from "../domain/links.ts";
import { appointmentFacts, sessionMoved } from "../domain/messages.ts";
import { type Shift, shiftedSpots } from "../domain/shift.ts";
import { firstOverlap } from "../domain/spots.ts";
import { writeAll } from "../queries/batch.ts";
import { newClientLink } from "../queries/client-links.ts";
import { getSessionDetails, otherSpotsBetween } from "../queries/sessions.ts";
import { type SessionDetailsView, toSessionDetails } from "../schemas/session-views.ts";
import { queueEmail } from "../services/outbox.ts";
import type { StudioContext } from "./context.ts";
import { clientLocale } from "./email-templates.ts";

/**
 * The photographer moves every remaining spot of a session at once: by some minutes, or to
 * another date keeping each spot's time there. Refused onto another session of the studio's
 * (shift_overlaps) or into the past (shift_into_past). Every booked client gets one email with
 * the new time and a calendar file whose SEQUENCE rose; all of it one batch.
 */
export async function shiftSession(
  ctx: StudioContext,
  id: string,
  shift: Shift,
): Promise<SessionDetailsView> {
  const { db, studio, now } = ctx;
  const current = await getSessionDetails(db, studio.id, id, now);
  if (!current) throw notFound("session");
  const { session } = current;
  const remaining = current.spots.filter((s) => s.startsAt > now);
  if (remaining.length === 0) {
    throw new DomainError(
      "shift_into_past",
      "Every spot of this session has started; nothing is left to move.",
    );
  }
  const moved = shiftedSpots(remaining, shift, session.timeZone);
  if (moved.some((s) => s.startsAt <= now)) {
    throw new DomainError("shift_into_past", "That move would put spots in the past; choose a later time.");
  }
  const from = Math.min(...moved.map((s) => s.startsAt));
  const to = Math.max(...moved.map((s) => s.endsAt));
  const others = await otherSpotsBetween(db, studio.id, id, from, to);
  const clash = firstOverlap(moved, others);
  if (clash) {
    throw new DomainError(
      "shift_overlaps",
      `That move would overlap "${clash.session}", another of your sessions; choose another time.`,
    );
  }
  const writes: BatchItem<"sqlite">[] = moved.map((s) =>
    db
      .update(spots)
      .set({ startsAt: s.startsAt, endsAt: s.endsAt })
      .where(and(eq(spots.id, s.id), eq(spots.sessionId, id))),
  );
  const booked = remaining.flatMap((spot) =>
    spot.booking?.client && can("takePayment", spot.booking.status)
      ? [{ spot, booking: spot.booking, client: spot.booking.client }]
      : [],
  );
  if (booked.length > 0) {
    // The clients' calendar events change: their SEQUENCE rises, as on a client's own move.
    writes.push(
      db
        .update(bookings)
        .set({ sequence: sql`${bookings.sequence} + 1` })
        .where(
          inArray(
            bookings.id,
            booked.map((b) => b.booking.id),
          ),
        ),
    );
  }
  for (const { spot, booking, client } of booked) {
    const to = moved.find((s) => s.id === spot.id) ?? spot;
    const link = await newClientLink(db, studio.id, booking.id);
    const locale = await clientLocale(db, studio.id, booking, client.email);
    const message = sessionMoved(
      appointmentFacts(studio, session, to, { name: booking.visitorName ?? client.name }, locale),
      appointmentLinks(ctx.publicUrl, studio.bookingPageUrl, link.token),
      spot,
    );
    writes.push(
      link.insert,
      queueEmail(
        db,
        {
          ...message,
          studioId: studio.id,
          bookingId: booking.id,
          kind: "session_moved",
          recipient: client.email,
        },
        now,
      ),
    );
  }
  await writeAll(db, writes);
  const after = await getSessionDetails(db, studio.id, id, now);
  if (!after) throw notFound("session");
  return toSessionDetails(after, studio.currency, ctx.publicUrl);
}

import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { bookings, clients, emails, sessions, spots } from "../../db/schema.ts";
import type { Db } from "../env.ts";
import { occupyingSpot } from "./bookings.ts";

/** What the admin's first screen and a client's page read: bookings with their session and spot. */

const bookingRow = { booking: bookings, spot: spots, session: sessions, client: clients };

/** Bookings with their spot, session and client (none for a visitor's hold). */
export const bookingRows = (db: Db) =>
  db
    .select(bookingRow)
    .from(bookings)
    .innerJoin(spots, eq(spots.id, bookings.spotId))
    .innerJoin(sessions, eq(sessions.id, bookings.sessionId))
    .leftJoin(clients, eq(clients.id, bookings.clientId));

/** Every booking that occupies a spot of a scheduled session right now, soonest first. */
export const liveBookings = (db: Db, studioId: string, now: number) =>
  bookingRows(db)
    .where(
      and(
        eq(bookings.studioId, studioId),
        occupyingSpot(now),
        eq(sessions.status, "scheduled"),
        isNull(spots.removedAt),
      ),
    )
    .orderBy(asc(spots.startsAt));

export type BookingOverviewRow = Awaited<ReturnType<typeof liveBookings>>[number];

/** A client's bookings, whatever became of them (held only by a visitor's hold never names a client). */
export const bookingsOfClient = (db: Db, studioId: string, clientId: string) =>
  bookingRows(db)
    .where(
      and(
        eq(bookings.studioId, studioId),
        eq(bookings.clientId, clientId),
        inArray(bookings.status, [
          "reserved",
          "awaiting_confirmation",
          "confirmed",
          "cancelled",
          "pending_payment",
        ]),
      ),
    )
    .orderBy(desc(spots.startsAt));

/** The mail the studio sent (or queued) to one address, latest first. */
export const mailTo = (db: Db, studioId: string, recipient: string, limit = 50) =>
  db
    .select({
      id: emails.id,
      kind: emails.kind,
      subject: emails.subject,
      status: emails.status,
      createdAt: emails.createdAt,
    })
    .from(emails)
    .where(and(eq(emails.studioId, studioId), eq(emails.recipient, recipient)))
    .orderBy(desc(emails.createdAt))
    .limit(limit);

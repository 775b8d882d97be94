import { and, eq, isNull, sql } from "drizzle-orm";
import { bookings, sessions, spots } from "../../db/schema.ts";
import { DomainError, notFound } from "../domain/errors.ts";
import { appointmentLinks } from "../domain/links.ts";
import { appointmentFacts, moneyFacts, spotReserved } from "../domain/messages.ts";
import { packageAmounts } from "../domain/money.ts";
import { offeredPackage } from "../domain/packages.ts";
import { templateValues } from "../domain/templates.ts";
import { endBookings } from "../queries/bookings.ts";
import { newClientLink } from "../queries/client-links.ts";
import { isForeignKeyViolation, isUniqueViolation } from "../queries/constraints.ts";
import { insertSelect } from "../queries/insert-select.ts";
import { seatsLeftAt, spotsAtTimeOf } from "../queries/seats.ts";
import { getSessionType } from "../queries/session-types.ts";
import type { ClientChoice } from "../schemas/sessions.ts";
import { queueEmail } from "../services/outbox.ts";
import { chosenClient } from "./clients.ts";
import type { StudioContext } from "./context.ts";
import { clientLocale, howToPay, sessionMessage } from "./email-templates.ts";

/**
 * Reserve this Spot: the photographer gives a Multi session's spot to a client, who is emailed to
 * confirm and pay. The client (if new), the booking, its link and the email are one batch.
 */
export async function reserveSpot(ctx: StudioContext, spotId: string, choice: ClientChoice) {
  const { db, studio, now } = ctx;
  const [row] = await db
    .select({ spot: spots, session: sessions })
    .from(spots)
    .innerJoin(sessions, eq(sessions.id, spots.sessionId))
    .where(and(eq(spots.studioId, studio.id), eq(spots.id, spotId), isNull(spots.removedAt)));
  if (!row) throw notFound("spot");
  if (row.session.status === "cancelled") {
    throw new DomainError("session_cancelled", "This session is cancelled: nobody can be put on it.");
  }
  if (row.session.classification !== "multi") {
    throw new DomainError("wrong_classification", "A Single session's client is set with Assign to Client.");
  }
  const { client, writes } = await chosenClient(ctx, choice);
  const type = await getSessionType(db, studio.id, row.session.sessionTypeId);
  const pkg = offeredPackage(type?.packages ?? [], row.session.packageId);
  const { amountCents, depositCents } = packageAmounts(pkg);
  const bookingId = crypto.randomUUID();
  const link = await newClientLink(db, studio.id, bookingId);
  const links = appointmentLinks(ctx.publicUrl, studio.bookingPageUrl, link.token);
  // A new booking the photographer made: the client's language is that of their own last booking.
  const facts = appointmentFacts(
    studio,
    row.session,
    row.spot,
    client,
    await clientLocale(db, studio.id, null, client.email),
  );
  const amounts = { amountCents, depositCents, paidCents: 0, currency: studio.currency };
  const message = await sessionMessage(
    db,
    studio.id,
    row.session.id,
    "spot_reserved",
    templateValues(facts, moneyFacts(amounts), links, howToPay(ctx, studio)),
    () => spotReserved(facts, links),
  );
  try {
    await db.batch([
      endBookings(db, sql`${bookings.spotId} in ${spotsAtTimeOf(row.spot.id)}`, "expire", now),
      ...writes,
      // Only while the spot's time has a seat free (a workshop's time may be taken whole by one
      // booking of several seats); else nothing is inserted and the link's foreign key fails the
      // batch, which then writes nothing at all.
      insertSelect(
        db,
        bookings,
        {
          id: bookingId,
          studioId: studio.id,
          sessionId: row.session.id,
          spotId: row.spot.id,
          clientId: client.id,
          packageId: pkg?.id ?? null,
          status: "awaiting_confirmation",
          amountCents,
          depositCents,
          currency: studio.currency,
          createdAt: now,
        },
        sql`where ${seatsLeftAt(row.spot.id, now)} >= 1`,
      ),
      link.insert,
      queueEmail(db, {
        ...message,
        studioId: studio.id,
        bookingId,
        kind: "spot_reserved",
        recipient: client.email,
      }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err) || isForeignKeyViolation(err)) {
      throw new DomainError("spot_taken", "Someone already has this spot.");
    }
    throw err;
  }
  return {
    booking: { id: bookingId, status: "awaiting_confirmation" as const },
    confirmationUrl: links.page,
  };
}

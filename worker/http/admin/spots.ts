import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { bookings, sessions, spots } from "../../../db/schema.ts";
import { appointmentLinks } from "../../domain/links.ts";
import { appointmentFacts, spotReserved } from "../../domain/messages.ts";
import { choosePackage } from "../../domain/packages.ts";
import { lapsedOnSpot } from "../../queries/bookings.ts";
import { newClientLink } from "../../queries/client-links.ts";
import { isUniqueViolation } from "../../queries/constraints.ts";
import { getSessionType } from "../../queries/session-types.ts";
import { queueEmail } from "../../services/outbox.ts";
import { createRouter } from "../app.ts";
import { ApiError, notFound } from "../problem.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../schemas.ts";
import { publicUrl } from "../urls.ts";
import { ClientChoice, resolveClient } from "./client-choice.ts";
import { AdminBookingSchema } from "./session-views.ts";

const router = createRouter();

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/reservation",
    tags: ["Sessions"],
    summary: "Reserve this Spot for a client, who is emailed to confirm and pay",
    security: adminSecurity,
    request: { params: IdParam, ...jsonBody(ClientChoice) },
    responses: {
      201: {
        description: "Reserved",
        ...json(
          z.object({
            booking: AdminBookingSchema.pick({ id: true, status: true }),
            confirmationUrl: z.string(),
          }),
        ),
      },
      ...problems(401, 404, 409, 415, 422),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const studio = c.var.studio;
    const db = c.var.db;
    const [row] = await db
      .select({ spot: spots, session: sessions })
      .from(spots)
      .innerJoin(sessions, eq(sessions.id, spots.sessionId))
      .where(and(eq(spots.studioId, studio.id), eq(spots.id, id)));
    if (!row) throw notFound("spot");
    if (row.session.classification !== "multi") {
      throw new ApiError(
        422,
        "wrong_classification",
        "A Single session's client is set with Assign to Client.",
      );
    }
    const { client, writes } = await resolveClient(db, studio.id, c.req.valid("json"));
    const type = await getSessionType(db, studio.id, row.session.sessionTypeId);
    const pkg = choosePackage(type?.packages ?? [], row.session.packageId);
    const known = pkg === "unknown" ? null : pkg;
    const bookingId = crypto.randomUUID();
    const link = await newClientLink(db, studio.id, bookingId);
    const links = appointmentLinks(publicUrl(c), studio.bookingPageUrl, link.token);
    const now = Date.now();
    try {
      await db.batch([
        db.update(bookings).set({ status: "expired" }).where(lapsedOnSpot(row.spot.id, now)),
        ...writes,
        db.insert(bookings).values({
          id: bookingId,
          studioId: studio.id,
          sessionId: row.session.id,
          spotId: row.spot.id,
          clientId: client.id,
          packageId: known?.id ?? null,
          status: "awaiting_confirmation",
          amountCents: known?.priceCents ?? 0,
          depositCents: known?.depositCents ?? 0,
          currency: studio.currency,
        }),
        link.insert,
        queueEmail(db, {
          ...spotReserved(appointmentFacts(studio, row.session, row.spot, client), links),
          studioId: studio.id,
          bookingId,
          kind: "spot_reserved",
          recipient: client.email,
        }),
      ]);
    } catch (err) {
      if (isUniqueViolation(err)) throw new ApiError(409, "spot_taken", "Someone already has this spot.");
      throw err;
    }
    return c.json(
      { booking: { id: bookingId, status: "awaiting_confirmation" as const }, confirmationUrl: links.page },
      201,
    );
  },
);

export default router;

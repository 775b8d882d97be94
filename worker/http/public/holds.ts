import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { bookHold } from "../../actions/bookings.ts";
import { extendHold, type HoldProof, holdSpot, releaseHold } from "../../actions/holds.ts";
import { toIso } from "../../domain/time.ts";
import type { HonoEnv } from "../../env.ts";
import { visitorContext } from "../../middleware/context.ts";
import { BookHoldInput, QuoteSchema } from "../../schemas/checkout.ts";
import { exampleQuote } from "../../schemas/examples/checkout.ts";
import {
  exampleBookingToken,
  exampleCheckoutUrl,
  exampleHold,
  exampleIds,
  exampleNewClient,
} from "../../schemas/examples/index.ts";
import { exampleAnswersInput, exampleSignatureInput } from "../../schemas/examples/questionnaire.ts";
import { Id, Instant } from "../../schemas/fields.ts";
import { createRouter } from "../app.ts";
import { bearerToken } from "../auth.ts";
import { holdSecurity, IdParam, json, jsonBody, problemCodes, problems, SlugParam } from "../openapi.ts";

const HoldSchema =
  DOCUMENTED &&
  z
    .object({ id: z.string(), token: z.string(), expiresAt: Instant, seats: z.number().int() })
    .openapi("Hold");

/** POST /v1/sessions/:slug/holds: a visitor holds a spot. */
export const sessionHolds = createRouter();

sessionHolds.openapi(
  createRoute({
    method: "post",
    path: "/{slug}/holds",
    request: {
      params: SlugParam,
      ...jsonBody(
        z
          .object({
            spotId: Id.openapi(DOCUMENTED && { description: "Any spot of the wanted time" }),
            seats: z
              .number()
              .int()
              .min(1)
              .max(100)
              .optional()
              .openapi(
                DOCUMENTED && {
                  description:
                    "Seats at that time (a workshop), up to the session's maxSeatsPerBooking; 1 by default.",
                },
              ),
            admission: z
              .string()
              .max(200)
              .optional()
              .openapi(
                DOCUMENTED && {
                  description:
                    "For a session with an opening time: the admission its line gave on the visitor's turn (POST /v1/sessions/{slug}/queue)",
                },
              ),
          })
          .openapi("CreateHold"),
        DOCUMENTED && { spotId: exampleIds.spot, seats: 1 },
      ),
    },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Hold a free spot for the studio's hold minutes",
      responses: {
        201: { description: "Held", ...json(z.object({ hold: HoldSchema }), { hold: exampleHold }) },
        ...problems(404, 422, 429),
        ...problemCodes(409, ["not_admitted", "booking_not_open", "spot_taken", "not_enough_seats"]),
      },
    }),
  }),
  async (c) => {
    const hold = await holdSpot(visitorContext(c), {
      slug: c.req.valid("param").slug,
      ...c.req.valid("json"),
      // Set by Cloudflare in front of every request, whatever a client sends; `wrangler dev` fills in
      // the socket's address (and keeps one a client sends: never expose it to the internet).
      visitor: c.req.header("cf-connecting-ip"),
    });
    return c.json(
      { hold: { id: hold.id, token: hold.token, expiresAt: toIso(hold.expiresAt), seats: hold.seats } },
      201,
    );
  },
);

const proofOf = (c: Context<HonoEnv>, id: string): HoldProof => ({
  id,
  token: bearerToken(c.req.header("authorization")),
});

/** /v1/holds/:id: what the visitor holding a spot does with it. */
export const holds = createRouter();

holds.openapi(
  createRoute({
    method: "post",
    path: "/{id}/extend",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Give the visitor another hold period (up to a limit)",
      security: holdSecurity,
      responses: {
        200: {
          description: "Extended",
          ...json(z.object({ hold: z.object({ id: z.string(), expiresAt: Instant }) }), {
            hold: { id: exampleHold.id, expiresAt: "2027-10-02T18:20:00.000Z" },
          }),
        },
        ...problems(404, 410),
      },
    }),
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { expiresAt } = await extendHold(visitorContext(c), proofOf(c, id));
    return c.json({ hold: { id, expiresAt: toIso(expiresAt) } }, 200);
  },
);

holds.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Release a hold: the spot is free again",
      security: holdSecurity,
      responses: { 204: { description: "Released" }, ...problems(404) },
    }),
  }),
  async (c) => {
    await releaseHold(visitorContext(c), proofOf(c, c.req.valid("param").id));
    return c.body(null, 204);
  },
);

const BookingWithLink =
  DOCUMENTED &&
  z
    .object({
      booking: z.object({ id: z.string(), status: z.string(), token: z.string() }),
      quote: QuoteSchema,
      checkoutUrl: z.string().optional(),
    })
    .openapi("BookingCreated");

holds.openapi(
  createRoute({
    method: "post",
    path: "/{id}/booking",
    request: {
      params: IdParam,
      ...jsonBody(
        BookHoldInput,
        DOCUMENTED && {
          client: exampleNewClient,
          packageId: exampleIds.package,
          people: 4,
          couponCode: "SPRING10",
          acceptRules: true,
          locale: "en-US",
          answers: exampleAnswersInput,
          signature: exampleSignatureInput,
        },
      ),
    },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Turn a hold into a booking with the visitor's details",
      security: holdSecurity,
      responses: {
        201: {
          description: "Booked, or pending payment at checkoutUrl",
          ...json(BookingWithLink, {
            booking: { id: exampleIds.booking, status: "pending_payment", token: exampleBookingToken },
            quote: exampleQuote,
            checkoutUrl: exampleCheckoutUrl,
          }),
        },
        ...problems(404, 409, 410, 503),
      },
    }),
  }),
  async (c) => {
    const booked = await bookHold(
      visitorContext(c),
      proofOf(c, c.req.valid("param").id),
      c.req.valid("json"),
    );
    return c.json(booked, 201);
  },
);

import { createRoute, z } from "@hono/zod-openapi";
import { clientBooking, confirmBooking } from "../../actions/bookings.ts";
import { bookingCalendar } from "../../actions/calendar.ts";
import { payBalance } from "../../actions/payments.ts";
import { selfServiceOf } from "../../actions/self-service.ts";
import { toIso } from "../../domain/time.ts";
import { visitorContext } from "../../middleware/context.ts";
import { formsFields } from "../../schemas/checkout.ts";
import {
  exampleCalendar,
  exampleCheckoutUrl,
  exampleClientBooking,
  exampleClientView,
  exampleIds,
} from "../../schemas/examples/index.ts";
import { exampleAnswersInput, exampleSignatureInput } from "../../schemas/examples/questionnaire.ts";
import { Id } from "../../schemas/fields.ts";
import {
  ClientBookingSchema,
  LanguageQuery,
  PublicForms,
  PublicRulesSchema,
  PublicSessionSchema,
  PublicSessionTypeSchema,
  PublicSpotSchema,
  publicPackages,
  publicSessionParts,
  SelfServiceSchema,
  toClientBooking,
  toSelfService,
  VisitorWords,
  visitorWords,
} from "../../schemas/public-views.ts";
import { createRouter } from "../app.ts";
import { json, jsonBody, problems, TokenParam } from "../openapi.ts";

/** /v1/bookings/:token: what a client does from the link in their email. */
const router = createRouter();

const ClientView =
  DOCUMENTED &&
  z
    .object({
      booking: ClientBookingSchema,
      session: PublicSessionSchema,
      sessionType: PublicSessionTypeSchema,
      packages: publicPackages,
      spot: PublicSpotSchema.pick({ id: true, startsAt: true, endsAt: true }),
      ...VisitorWords,
      rules: PublicRulesSchema,
      ...PublicForms,
      selfService: SelfServiceSchema,
    })
    .openapi("ClientView");

router.openapi(
  createRoute({
    method: "get",
    path: "/{token}",
    request: { params: TokenParam, query: LanguageQuery },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "What the client sees of their booking: session, spot, package, amounts, status",
      responses: { 200: { description: "OK", ...json(ClientView, exampleClientView) }, ...problems(404) },
    }),
  }),
  async (c) => {
    const ctx = visitorContext(c);
    const v = await clientBooking(ctx, c.req.valid("param").token);
    c.header("cache-control", "no-store");
    return c.json(
      {
        booking: toClientBooking(v.booking, v.client),
        ...publicSessionParts(v.session, v.sessionType, v.studio, v.packages, v.contract),
        spot: { id: v.spot.id, startsAt: toIso(v.spot.startsAt), endsAt: toIso(v.spot.endsAt) },
        ...visitorWords(c.req.valid("query").lang, c.req.header("accept-language")),
        selfService: toSelfService(selfServiceOf(v, ctx.now)),
      },
      200,
    );
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{token}/confirm",
    request: {
      params: TokenParam,
      ...jsonBody(
        z.object({ packageId: Id.optional(), ...formsFields }).openapi("ConfirmBooking"),
        DOCUMENTED && {
          packageId: exampleIds.package,
          answers: exampleAnswersInput,
          signature: exampleSignatureInput,
        },
      ),
    },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "The client confirms a Single session or a reserved spot (choosing a package if none was set)",
      responses: {
        200: {
          description: "Confirmed",
          ...json(z.object({ booking: ClientBookingSchema, checkoutUrl: z.string().optional() }), {
            booking: {
              ...exampleClientBooking,
              status: "pending_payment",
              paidCents: 0,
              balanceCents: 15_000,
            },
            checkoutUrl: exampleCheckoutUrl,
          }),
        },
        ...problems(404, 409, 503),
      },
    }),
  }),
  async (c) => {
    const confirmed = await confirmBooking(
      visitorContext(c),
      c.req.valid("param").token,
      c.req.valid("json"),
    );
    return c.json(
      {
        booking: toClientBooking(confirmed.booking, confirmed.client),
        ...(confirmed.checkoutUrl && { checkoutUrl: confirmed.checkoutUrl }),
      },
      200,
    );
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{token}/payments",
    request: { params: TokenParam },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Pay the balance due online: answers a Stripe Checkout to send the client to",
      responses: {
        200: {
          description: "Checkout opened",
          ...json(z.object({ checkoutUrl: z.string() }).openapi("Checkout"), {
            checkoutUrl: exampleCheckoutUrl,
          }),
        },
        ...problems(404, 409, 503),
      },
    }),
  }),
  async (c) => c.json(await payBalance(visitorContext(c), c.req.valid("param").token), 200),
);

router.openapi(
  createRoute({
    method: "get",
    path: "/{token}/calendar.ics",
    request: { params: TokenParam },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "The appointment as an iCalendar file (RFC 5545), for Add to calendar",
      responses: {
        200: {
          description: "The event",
          content: { "text/calendar": { schema: z.string(), example: exampleCalendar } },
        },
        ...problems(404),
      },
    }),
  }),
  async (c) =>
    c.body(await bookingCalendar(visitorContext(c), c.req.valid("param").token), 200, {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": 'attachment; filename="booking.ics"',
      "cache-control": "no-store",
    }),
);

export default router;

import { createRoute, z } from "@hono/zod-openapi";
import { cancelOwnBooking, rescheduleBooking } from "../../actions/self-service.ts";
import { cancelMoneyOutcomes } from "../../domain/booking-rules.ts";
import { visitorContext } from "../../middleware/context.ts";
import { exampleCancelled, exampleClientBooking, exampleIds } from "../../schemas/examples/index.ts";
import { Id } from "../../schemas/fields.ts";
import { ClientBookingSchema, toClientBooking } from "../../schemas/public-views.ts";
import { createRouter } from "../app.ts";
import { json, jsonBody, problems, TokenParam } from "../openapi.ts";

/** /v1/bookings/:token/reschedule and /cancel: the client changes their own booking, within the studio's rules. */
const router = createRouter();

router.openapi(
  createRoute({
    method: "post",
    path: "/{token}/reschedule",
    request: {
      params: TokenParam,
      ...jsonBody(
        z.object({ spotId: Id }).openapi("RescheduleBooking"),
        DOCUMENTED && { spotId: exampleIds.spot },
      ),
    },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary:
        "Move to another free spot of the same session: the old spot freed and the new one taken at once. 409 spot_taken, too_late (past the studio's cut-off), reschedule_not_allowed, reschedule_limit_reached",
      responses: {
        200: {
          description: "Moved",
          ...json(z.object({ booking: ClientBookingSchema }), {
            booking: { ...exampleClientBooking, rescheduleCount: 1 },
          }),
        },
        ...problems(404, 409),
      },
    }),
  }),
  async (c) => {
    const moved = await rescheduleBooking(
      visitorContext(c),
      c.req.valid("param").token,
      c.req.valid("json").spotId,
    );
    return c.json({ booking: toClientBooking(moved.booking, moved.client) }, 200);
  },
);

const MoneyOnCancel =
  DOCUMENTED &&
  z
    .object({
      outcome: z.enum(cancelMoneyOutcomes).openapi({
        description:
          "refund: given back (online payments through Stripe); keep: kept by the studio; credit: kept as the client's credit for a later session",
      }),
      amountCents: z.number().int(),
      currency: z.string(),
    })
    .openapi("MoneyOnCancel");

router.openapi(
  createRoute({
    method: "post",
    path: "/{token}/cancel",
    request: { params: TokenParam },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary:
        "Cancel within the studio's rules, with what happens to the money paid. 409 too_late (past the cut-off), cancel_not_allowed",
      responses: {
        200: {
          description: "Cancelled",
          ...json(z.object({ booking: ClientBookingSchema, money: MoneyOnCancel }), exampleCancelled),
        },
        ...problems(404, 409),
      },
    }),
  }),
  async (c) => {
    const cancelled = await cancelOwnBooking(visitorContext(c), c.req.valid("param").token);
    return c.json(
      { booking: toClientBooking(cancelled.booking, cancelled.client), money: cancelled.money },
      200,
    );
  },
);

export default router;

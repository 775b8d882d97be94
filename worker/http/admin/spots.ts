import { createRoute, z } from "@hono/zod-openapi";
import { reserveSpot } from "../../actions/reservations.ts";
import { studioContext } from "../../middleware/context.ts";
import { exampleConfirmationUrl, exampleIds, exampleNewClient } from "../../schemas/examples/index.ts";
import { AdminBookingSchema } from "../../schemas/session-views.ts";
import { ClientChoice } from "../../schemas/sessions.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

const router = createRouter();

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/reservation",
    request: { params: IdParam, ...jsonBody(ClientChoice, DOCUMENTED && { client: exampleNewClient }) },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Reserve this Spot for a client, who is emailed to confirm and pay",
      security: adminSecurity,
      responses: {
        201: {
          description: "Reserved",
          ...json(
            z.object({
              booking: AdminBookingSchema.pick({ id: true, status: true }),
              confirmationUrl: z.string(),
            }),
            {
              booking: { id: exampleIds.booking, status: "reserved" },
              confirmationUrl: exampleConfirmationUrl,
            },
          ),
        },
        ...problems(404, 409),
      },
    }),
  }),
  async (c) => c.json(await reserveSpot(studioContext(c), c.req.valid("param").id, c.req.valid("json")), 201),
);

export default router;

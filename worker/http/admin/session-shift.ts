import { createRoute, z } from "@hono/zod-openapi";
import { shiftSession } from "../../actions/session-shift.ts";
import { studioContext } from "../../middleware/context.ts";
import { exampleSessionDetails, exampleShift } from "../../schemas/examples/index.ts";
import { SessionDetailsSchema } from "../../schemas/session-views.ts";
import { ShiftSession } from "../../schemas/sessions.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

/** POST /v1/admin/sessions/:id/shift: rain on the day, or running late. */
const router = createRouter();

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/shift",
    request: { params: IdParam, ...jsonBody(ShiftSession, DOCUMENTED && exampleShift) },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary:
        "Move every remaining spot by `minutes`, or to another `date` keeping each spot's time in the session's zone; every booked client emailed with the new time and calendar file. 409 shift_overlaps onto another session, shift_into_past",
      security: adminSecurity,
      responses: {
        200: {
          description: "Moved",
          ...json(z.object({ session: SessionDetailsSchema }), { session: exampleSessionDetails }),
        },
        ...problems(404, 409),
      },
    }),
  }),
  async (c) => {
    const session = await shiftSession(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ session }, 200);
  },
);

export default router;

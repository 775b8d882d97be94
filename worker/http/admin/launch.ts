import { createRoute, z } from "@hono/zod-openapi";
import { lineOfSession } from "../../actions/launch.ts";
import { studioContext } from "../../middleware/context.ts";
import { exampleLineSummary } from "../../schemas/examples/index.ts";
import { LineSummarySchema, toLineSummary } from "../../schemas/launch.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, problems } from "../openapi.ts";

/** /v1/admin/sessions/:id/queue: the launch line of a session with an opening time. */
export const adminSessionQueue = createRouter();

adminSessionQueue.openapi(
  createRoute({
    method: "get",
    path: "/{id}/queue",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "The session's launch line: its opening, how many wait and how many had their turn",
      description:
        "The opening time itself is the session's `rules.opensAt` (PATCH /v1/admin/sessions/{id}).",
      security: adminSecurity,
      responses: {
        200: {
          description: "OK",
          ...json(z.object({ queue: LineSummarySchema }), { queue: exampleLineSummary }),
        },
        ...problems(404),
      },
    }),
  }),
  async (c) => {
    const summary = await lineOfSession(studioContext(c), c.req.valid("param").id);
    return c.json({ queue: toLineSummary(summary) }, 200);
  },
);

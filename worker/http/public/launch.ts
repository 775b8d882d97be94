import { createRoute, z } from "@hono/zod-openapi";
import { leaveLine, waitInLine } from "../../actions/launch.ts";
import { visitorContext } from "../../middleware/context.ts";
import { examplePlaceInLine } from "../../schemas/examples/index.ts";
import { LeaveLineSchema, PlaceInLineSchema, toPlaceInLine, WaitInLineSchema } from "../../schemas/launch.ts";
import { createRouter } from "../app.ts";
import { json, jsonBody, problems, SlugParam } from "../openapi.ts";

/** /v1/sessions/:slug/queue: a session's launch line, for a session with an opening time. */
export const sessionQueue = createRouter();

sessionQueue.openapi(
  createRoute({
    method: "post",
    path: "/{slug}/queue",
    request: {
      params: SlugParam,
      ...jsonBody(WaitInLineSchema, DOCUMENTED && { ticket: examplePlaceInLine.ticket }),
    },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Wait for a session's opening and one's turn; ask again after retryAfterMs",
      description:
        "Everyone who arrives before the opening is put in a random order at the opening; later arrivals queue after them. On the visitor's turn the answer carries an admission, sent with the hold. The same ticket keeps the same place.",
      responses: {
        200: {
          description: "Their place",
          ...json(z.object({ place: PlaceInLineSchema }), { place: examplePlaceInLine }),
        },
        ...problems(404, 409, 429),
      },
    }),
  }),
  async (c) => {
    const place = await waitInLine(visitorContext(c), {
      slug: c.req.valid("param").slug,
      ticket: c.req.valid("json").ticket,
      visitor: c.req.header("cf-connecting-ip"),
    });
    return c.json({ place: toPlaceInLine(place) }, 200);
  },
);

sessionQueue.openapi(
  createRoute({
    method: "post",
    path: "/{slug}/queue/leave",
    request: {
      params: SlugParam,
      ...jsonBody(LeaveLineSchema, DOCUMENTED && { ticket: examplePlaceInLine.ticket }),
    },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Leave the line (or end one's turn): the next visitor's turn can begin",
      responses: { 204: { description: "Left" }, ...problems(404) },
    }),
  }),
  async (c) => {
    await leaveLine(visitorContext(c), {
      slug: c.req.valid("param").slug,
      ticket: c.req.valid("json").ticket,
    });
    return c.body(null, 204);
  },
);

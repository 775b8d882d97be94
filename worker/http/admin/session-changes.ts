import { createRoute, z } from "@hono/zod-openapi";
import { cancelSession, deleteSession, moveSpot, removeSpot } from "../../actions/session-changes.ts";
import { studioContext } from "../../middleware/context.ts";
import { exampleCancelledSession, exampleSessionDetails } from "../../schemas/examples/index.ts";
import { Id } from "../../schemas/fields.ts";
import { SessionDetailsSchema } from "../../schemas/session-views.ts";
import { MoveSpot } from "../../schemas/sessions.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

/** Calling a session off or deleting it, and removing or moving its free spots. */
const router = createRouter();

const Wrapped =
  DOCUMENTED && json(z.object({ session: SessionDetailsSchema }), { session: exampleSessionDetails });
const SpotParams = IdParam.extend({
  spotId: Id.openapi(DOCUMENTED && { param: { name: "spotId", in: "path" } }),
});

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/cancel",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary:
        "Cancel the whole session: every booking cancelled, each client emailed once; paid amounts stay on the bookings, listed in refundsDue",
      security: adminSecurity,
      responses: {
        200: {
          description: "Cancelled",
          ...json(z.object({ session: SessionDetailsSchema, emailed: z.number().int() }), {
            session: exampleCancelledSession,
            emailed: 1,
          }),
        },
        ...problems(404, 409),
      },
    }),
  }),
  async (c) => c.json(await cancelSession(studioContext(c), c.req.valid("param").id), 200),
);

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Delete a session nobody booked; 409 session_has_bookings otherwise (cancel it instead)",
      security: adminSecurity,
      responses: { 204: { description: "Deleted" }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    await deleteSession(studioContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  },
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/{id}/spots/{spotId}",
    request: {
      params: SpotParams,
      ...jsonBody(MoveSpot, DOCUMENTED && { date: "2027-10-16", time: "11:30" }),
    },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary:
        "Move a free spot to another date and time in the session's zone; 409 when it overlaps another, is taken or has started",
      security: adminSecurity,
      responses: { 200: { description: "Moved", ...Wrapped }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    const { id, spotId } = c.req.valid("param");
    return c.json({ session: await moveSpot(studioContext(c), id, spotId, c.req.valid("json")) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}/spots/{spotId}",
    request: { params: SpotParams },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Remove a free spot from a Multi session; 409 when it is taken or has started",
      security: adminSecurity,
      responses: { 200: { description: "Removed", ...Wrapped }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    const { id, spotId } = c.req.valid("param");
    return c.json({ session: await removeSpot(studioContext(c), id, spotId) }, 200);
  },
);

export default router;

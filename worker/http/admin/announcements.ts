import { createRoute } from "@hono/zod-openapi";
import { announcementsOfSession, announceSession } from "../../actions/announcements.ts";
import type { Audience } from "../../domain/announcements.ts";
import { studioContext } from "../../middleware/context.ts";
import {
  AnnouncedSchema,
  AnnounceInput,
  AnnouncementsSchema,
  AudienceQuery,
} from "../../schemas/announcements.ts";
import {
  exampleAnnounce,
  exampleAnnounced,
  exampleAnnouncements,
} from "../../schemas/examples/announcements.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

/** "Announce this session": a Multi session's link emailed to chosen clients, once each. */
const router = createRouter();

const refusals =
  "409 not_multi (a Single), session_cancelled, or session_over (every spot has started); 422 when the session type is not the studio's";

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}/announcements",
    request: { params: IdParam, query: AudienceQuery },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: `Whom the session was announced to, and how many the audience (all clients, or ?sessionTypeId='s past clients) would reach now; ${refusals}`,
      security: adminSecurity,
      responses: {
        200: { description: "OK", ...json(AnnouncementsSchema, exampleAnnouncements) },
        ...problems(404, 409),
      },
    }),
  }),
  async (c) => {
    const { sessionTypeId } = c.req.valid("query");
    const audience: Audience = sessionTypeId ? { kind: "sessionType", sessionTypeId } : { kind: "all" };
    const found = await announcementsOfSession(studioContext(c), c.req.valid("param").id, audience);
    return c.json(
      {
        audience: found.audience,
        announcements: found.announcements.map((a) => ({
          ...a,
          announcedAt: new Date(a.announcedAt).toISOString(),
        })),
      },
      200,
    );
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/announcements",
    request: { params: IdParam, ...jsonBody(AnnounceInput, DOCUMENTED && exampleAnnounce) },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: `Announce this session: email its link to each client of the audience not told of it before and not unsubscribed, in one batch (a retry sends nothing twice); ${refusals}`,
      security: adminSecurity,
      responses: {
        200: { description: "Queued", ...json(AnnouncedSchema, exampleAnnounced) },
        ...problems(404, 409),
      },
    }),
  }),
  async (c) =>
    c.json(
      await announceSession(studioContext(c), c.req.valid("param").id, c.req.valid("json").audience),
      200,
    ),
);

export default router;

import { createRoute, z } from "@hono/zod-openapi";
import { moveEntry, offerSpotTo, sessionWaitlist, setWaitlistOpen } from "../../actions/waitlist.ts";
import { studioContext } from "../../middleware/context.ts";
import { exampleAdminWaitlist, exampleIds } from "../../schemas/examples/index.ts";
import {
  AdminWaitlistSchema,
  MoveEntrySchema,
  OfferSpotSchema,
  toAdminWaitlist,
  WaitlistSettingSchema,
} from "../../schemas/waitlist.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

/** /v1/admin/sessions/:id/waitlist: a session's line and offers, and whether it takes anyone. */
export const adminSessionWaitlist = createRouter();

const answer = DOCUMENTED && z.object({ waitlist: AdminWaitlistSchema });

adminSessionWaitlist.openapi(
  createRoute({
    method: "get",
    path: "/{id}/waitlist",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Waitlist"],
      summary: "The session's waitlist in order, and every offer made from it with its outcome",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...json(answer, exampleAdminWaitlist) }, ...problems(404) },
    }),
  }),
  async (c) => {
    const ctx = studioContext(c);
    const id = c.req.valid("param").id;
    return c.json({ waitlist: toAdminWaitlist(await sessionWaitlist(ctx, id)) }, 200);
  },
);

adminSessionWaitlist.openapi(
  createRoute({
    method: "patch",
    path: "/{id}/waitlist",
    request: { params: IdParam, ...jsonBody(WaitlistSettingSchema, DOCUMENTED && { open: false }) },
    ...(DOCUMENTED && {
      tags: ["Waitlist"],
      summary: "Turn the session's waitlist on or off",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...json(answer, exampleAdminWaitlist) }, ...problems(404) },
    }),
  }),
  async (c) => {
    const ctx = studioContext(c);
    const id = c.req.valid("param").id;
    await setWaitlistOpen(ctx, id, c.req.valid("json").open);
    return c.json({ waitlist: toAdminWaitlist(await sessionWaitlist(ctx, id)) }, 200);
  },
);

/** /v1/admin/waitlist/:id: one person on a waitlist. */
export const adminWaitlist = createRouter();

adminWaitlist.openapi(
  createRoute({
    method: "post",
    path: "/{id}/move",
    request: { params: IdParam, ...jsonBody(MoveEntrySchema, DOCUMENTED && { position: 1 }) },
    ...(DOCUMENTED && {
      tags: ["Waitlist"],
      summary: "Move someone to another place in line (1: first)",
      security: adminSecurity,
      responses: { 204: { description: "Moved" }, ...problems(404) },
    }),
  }),
  async (c) => {
    await moveEntry(studioContext(c), c.req.valid("param").id, c.req.valid("json").position);
    return c.body(null, 204);
  },
);

adminWaitlist.openapi(
  createRoute({
    method: "post",
    path: "/{id}/offer",
    request: { params: IdParam, ...jsonBody(OfferSpotSchema, DOCUMENTED && { spotId: exampleIds.spot }) },
    ...(DOCUMENTED && {
      tags: ["Waitlist"],
      summary: "Offer a free spot to this person, whoever is first: it is held for them and they are emailed",
      security: adminSecurity,
      responses: { 204: { description: "Offered" }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    await offerSpotTo(studioContext(c), c.req.valid("param").id, c.req.valid("json").spotId);
    return c.body(null, 204);
  },
);

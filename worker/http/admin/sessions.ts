import { createRoute, z } from "@hono/zod-openapi";
import {
  addSpots,
  assignClient,
  remindBalancesDue,
  requestConfirmation,
  scheduleSession,
  sessionDetails,
  sessionsOf,
  updateSession,
} from "../../actions/sessions.ts";
import { studioContext } from "../../middleware/context.ts";
import {
  exampleConfirmationUrl,
  exampleIds,
  exampleMoreSpots,
  exampleNewSession,
  exampleSessionDetails,
  exampleSessionSummary,
} from "../../schemas/examples/index.ts";
import { SessionDetailsSchema, SessionSummarySchema, toSessionSummary } from "../../schemas/session-views.ts";
import { AddSpots, ClientChoice, CreateSession, UpdateSession } from "../../schemas/sessions.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

const Wrapped =
  DOCUMENTED && json(z.object({ session: SessionDetailsSchema }), { session: exampleSessionDetails });

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Booking Sessions, latest first, with spots taken",
      security: adminSecurity,
      responses: {
        200: {
          description: "OK",
          ...json(z.object({ sessions: z.array(SessionSummarySchema) }), {
            sessions: [exampleSessionSummary],
          }),
        },
      },
    }),
  }),
  async (c) => {
    const ctx = studioContext(c);
    const rows = await sessionsOf(ctx);
    return c.json({ sessions: rows.map((r) => toSessionSummary(r, ctx.publicUrl)) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    request: jsonBody(CreateSession, DOCUMENTED && exampleNewSession),
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Schedule a New Session (Single: one spot for one client; Multi: generated spots)",
      security: adminSecurity,
      responses: { 201: { description: "Created", ...Wrapped } },
    }),
  }),
  async (c) => c.json({ session: await scheduleSession(studioContext(c), c.req.valid("json")) }, 201),
);

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Session details: spots with bookings, clients and balances",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404) },
    }),
  }),
  async (c) => c.json({ session: await sessionDetails(studioContext(c), c.req.valid("param").id) }, 200),
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/{id}",
    request: {
      params: IdParam,
      ...jsonBody(UpdateSession, DOCUMENTED && { location: "Juniper Park, south gate" }),
    },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Edit a session; a Single's date, time and package until the client confirms",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    const session = await updateSession(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ session }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/client",
    request: { params: IdParam, ...jsonBody(ClientChoice, DOCUMENTED && { clientId: exampleIds.client }) },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Assign to Client: a Single's client, by id or added in the same call",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    const session = await assignClient(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ session }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/confirmation-request",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Send Confirmation Request to Client: email the confirm-and-pay link",
      security: adminSecurity,
      responses: {
        200: {
          description: "Queued",
          ...json(z.object({ session: SessionDetailsSchema, confirmationUrl: z.string() }), {
            session: exampleSessionDetails,
            confirmationUrl: exampleConfirmationUrl,
          }),
        },
        ...problems(404, 409),
      },
    }),
  }),
  async (c) => c.json(await requestConfirmation(studioContext(c), c.req.valid("param").id), 200),
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/spots",
    request: { params: IdParam, ...jsonBody(AddSpots, DOCUMENTED && exampleMoreSpots) },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Add Additional Spots to a Multi session, on the same or another day",
      security: adminSecurity,
      responses: { 201: { description: "Added", ...Wrapped }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    const session = await addSpots(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ session }, 201);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/{id}/payment-reminders",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Sessions"],
      summary: "Send Reminder: email each client with a balance due",
      security: adminSecurity,
      responses: {
        200: { description: "Queued", ...json(z.object({ sent: z.number().int() }), { sent: 3 }) },
        ...problems(404, 409),
      },
    }),
  }),
  async (c) => c.json(await remindBalancesDue(studioContext(c), c.req.valid("param").id), 200),
);

export default router;

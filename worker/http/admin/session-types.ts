import { createRoute, z } from "@hono/zod-openapi";
import {
  createSessionType,
  deleteSessionType,
  sessionTypeOf,
  sessionTypesOf,
  updateSessionType,
} from "../../actions/session-types.ts";
import { studioContext } from "../../middleware/context.ts";
import {
  SessionTypeWithContractSchema as SessionTypeSchema,
  toSessionTypeWithContract as toSessionType,
} from "../../schemas/catalog-views.ts";
import {
  exampleContract,
  exampleNewSessionType,
  exampleQuestions,
  exampleSessionTypeWithContract as exampleSessionType,
} from "../../schemas/examples/index.ts";
import { CreateSessionType, UpdateSessionType } from "../../schemas/session-types.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

const Wrapped =
  DOCUMENTED && json(z.object({ sessionType: SessionTypeSchema }), { sessionType: exampleSessionType });

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    ...(DOCUMENTED && {
      tags: ["Session types"],
      summary: "List session types with their packages",
      security: adminSecurity,
      responses: {
        200: {
          description: "OK",
          ...json(z.object({ sessionTypes: z.array(SessionTypeSchema) }), {
            sessionTypes: [exampleSessionType],
          }),
        },
      },
    }),
  }),
  async (c) => c.json({ sessionTypes: (await sessionTypesOf(studioContext(c))).map(toSessionType) }, 200),
);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    request: jsonBody(CreateSessionType, DOCUMENTED && exampleNewSessionType),
    ...(DOCUMENTED && {
      tags: ["Session types"],
      summary: "Create a session type with its packages",
      security: adminSecurity,
      responses: { 201: { description: "Created", ...Wrapped } },
    }),
  }),
  async (c) => {
    const created = await createSessionType(studioContext(c), c.req.valid("json"));
    return c.json({ sessionType: toSessionType(created) }, 201);
  },
);

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Session types"],
      summary: "A session type with its packages",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404) },
    }),
  }),
  async (c) => {
    const type = await sessionTypeOf(studioContext(c), c.req.valid("param").id);
    return c.json({ sessionType: toSessionType(type) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/{id}",
    request: {
      params: IdParam,
      ...jsonBody(
        UpdateSessionType,
        DOCUMENTED && {
          breakMinutes: 5,
          questions: exampleQuestions,
          contract: exampleContract.text,
        },
      ),
    },
    ...(DOCUMENTED && {
      tags: ["Session types"],
      summary: "Change a session type; `packages` replaces the list (keep ids to edit in place)",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    const updated = await updateSessionType(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ sessionType: toSessionType(updated) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Session types"],
      summary: "Delete a session type that no session uses",
      security: adminSecurity,
      responses: { 204: { description: "Deleted" }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    await deleteSessionType(studioContext(c), c.req.valid("param").id);
    return c.body(null, 204);
  },
);

export default router;

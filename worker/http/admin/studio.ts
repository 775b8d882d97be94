import { createRoute, z } from "@hono/zod-openapi";
import { updateStudio } from "../../actions/studios.ts";
import { studioContext } from "../../middleware/context.ts";
import { StudioSchema, toStudio } from "../../schemas/catalog-views.ts";
import { exampleStudio } from "../../schemas/examples/index.ts";
import { UpdateStudio } from "../../schemas/studios.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, json, jsonBody, problems } from "../openapi.ts";

const Wrapped = DOCUMENTED && json(z.object({ studio: StudioSchema }), { studio: exampleStudio });

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    ...(DOCUMENTED && {
      tags: ["Studio"],
      summary: "The caller's studio and its settings",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped } },
    }),
  }),
  (c) => c.json({ studio: toStudio(c.var.studio) }, 200),
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/",
    request: jsonBody(
      UpdateStudio,
      DOCUMENTED && { holdMinutes: 15, allowedOrigins: exampleStudio.allowedOrigins },
    ),
    ...(DOCUMENTED && {
      tags: ["Studio"],
      summary: "Change settings, e.g. the sites allowed to embed the widget",
      security: adminSecurity,
      responses: {
        200: { description: "OK", ...Wrapped },
        // 409 email_taken: another studio signs in with that email.
        ...problems(409),
      },
    }),
  }),
  async (c) => c.json({ studio: toStudio(await updateStudio(studioContext(c), c.req.valid("json"))) }, 200),
);

export default router;

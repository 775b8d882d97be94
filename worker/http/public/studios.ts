import { createRoute, z } from "@hono/zod-openapi";
import { createStudio } from "../../actions/studios.ts";
import { StudioSchema, toStudio } from "../../schemas/catalog-views.ts";
import { exampleNewStudio, exampleStudio } from "../../schemas/examples/index.ts";
import { CreateStudio } from "../../schemas/studios.ts";
import { createRouter } from "../app.ts";
import { operatorAuth } from "../auth.ts";
import { json, jsonBody, problems } from "../openapi.ts";

const router = createRouter();

router.use("/", operatorAuth);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    request: jsonBody(CreateStudio, DOCUMENTED && exampleNewStudio),
    ...(DOCUMENTED && {
      tags: ["Studios"],
      summary: "Create a studio (operator token); answers its admin token once",
      security: [{ operatorToken: [] }],
      responses: {
        201: {
          description: "Created",
          ...json(z.object({ studio: StudioSchema, adminToken: z.string() }), {
            studio: exampleStudio,
            adminToken: "sbk_admin_9XcV2bN7mQ4wE1rT6yU8iO3pA5sD0fGh",
          }),
        },
        ...problems(409),
      },
    }),
  }),
  async (c) => {
    const { studio, adminToken } = await createStudio(c.var.db, c.req.valid("json"));
    return c.json({ studio: toStudio(studio), adminToken }, 201);
  },
);

export default router;

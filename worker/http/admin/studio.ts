import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { studios } from "../../../db/schema.ts";
import { createRouter } from "../app.ts";
import {
  adminSecurity,
  Currency,
  Email,
  json,
  jsonBody,
  Locale,
  Name,
  Origin,
  problems,
  TimeZone,
} from "../schemas.ts";
import { StudioSchema, toStudio } from "../studios.ts";

const UpdateStudio = z
  .object({
    name: Name,
    email: Email.nullable(),
    timeZone: TimeZone,
    currency: Currency,
    locale: Locale,
    allowedOrigins: z.array(Origin).max(20),
    bookingPageUrl: z.url().max(500).nullable(),
    holdMinutes: z.number().int().min(5).max(120),
  })
  .partial()
  .openapi("UpdateStudio");

const Wrapped = json(z.object({ studio: StudioSchema }));

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["Studio"],
    summary: "The caller's studio and its settings",
    security: adminSecurity,
    responses: { 200: { description: "OK", ...Wrapped }, ...problems(401) },
  }),
  (c) => c.json({ studio: toStudio(c.var.studio) }, 200),
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/",
    tags: ["Studio"],
    summary: "Change settings, e.g. the sites allowed to embed the widget",
    security: adminSecurity,
    request: jsonBody(UpdateStudio),
    responses: { 200: { description: "OK", ...Wrapped }, ...problems(401, 415, 422) },
  }),
  async (c) => {
    const changes = c.req.valid("json");
    if (Object.keys(changes).length === 0) return c.json({ studio: toStudio(c.var.studio) }, 200);
    const [studio] = await c.var.db
      .update(studios)
      .set(changes)
      .where(eq(studios.id, c.var.studio.id))
      .returning();
    return c.json({ studio: toStudio(studio ?? c.var.studio) }, 200);
  },
);

export default router;

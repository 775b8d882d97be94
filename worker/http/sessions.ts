import { createRoute, z } from "@hono/zod-openapi";
import { toIso } from "../domain/time.ts";
import { getPublicSession } from "../queries/sessions.ts";
import { createRouter } from "./app.ts";
import { allowOrigin } from "./cors.ts";
import { notFound } from "./problem.ts";
import {
  PublicSessionSchema,
  PublicSessionTypeSchema,
  PublicSpotSchema,
  publicPackages,
  publicSessionParts,
} from "./public-views.ts";
import { json, problems } from "./schemas.ts";

export const SlugParam = z.object({
  slug: z
    .string()
    .max(80)
    .openapi({ param: { name: "slug", in: "path" }, example: "fall-minis" }),
});

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/{slug}",
    tags: ["Public"],
    summary: "Everything the widget shows of a session, in one response; no personal data",
    request: { params: SlugParam },
    responses: {
      200: {
        description: "OK",
        ...json(
          z.object({
            session: PublicSessionSchema,
            sessionType: PublicSessionTypeSchema,
            packages: publicPackages,
            spots: z.array(PublicSpotSchema),
          }),
        ),
      },
      ...problems(403, 404),
    },
  }),
  async (c) => {
    const found = await getPublicSession(c.var.db, c.req.valid("param").slug, Date.now());
    if (!found) throw notFound("session");
    allowOrigin(c, found.studio.allowedOrigins);
    // A few seconds of caching absorbs a rush; the widget asks again with no-cache after a conflict.
    c.header("cache-control", "public, max-age=5");
    return c.json(
      {
        ...publicSessionParts(found.session, found.sessionType, found.studio, found.packages),
        spots: found.spots.map((s) => ({
          id: s.id,
          startsAt: toIso(s.startsAt),
          endsAt: toIso(s.endsAt),
          available: s.available,
        })),
      },
      200,
    );
  },
);

export default router;

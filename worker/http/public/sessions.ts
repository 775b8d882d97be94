import { createRoute, z } from "@hono/zod-openapi";
import { openSession } from "../../actions/public-sessions.ts";
import { spotLabeller } from "../../domain/spot-labels.ts";
import { visitorContext } from "../../middleware/context.ts";
import { examplePublicSession } from "../../schemas/examples/index.ts";
import {
  LanguageQuery,
  PublicForms,
  PublicRulesSchema,
  PublicSessionSchema,
  PublicSessionTypeSchema,
  PublicSpotSchema,
  publicPackages,
  publicSessionParts,
  publicSpot,
  VisitorWords,
  visitorWords,
} from "../../schemas/public-views.ts";
import { createRouter } from "../app.ts";
import { json, problems, SlugParam } from "../openapi.ts";

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/{slug}",
    request: { params: SlugParam, query: LanguageQuery },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Everything the widget shows of a session, in one response; no personal data",
      responses: {
        200: {
          description: "OK",
          ...json(
            z.object({
              session: PublicSessionSchema,
              sessionType: PublicSessionTypeSchema,
              packages: publicPackages,
              spots: z.array(PublicSpotSchema),
              ...VisitorWords,
              rules: PublicRulesSchema,
              ...PublicForms,
            }),
            examplePublicSession,
          ),
        },
        ...problems(404),
      },
    }),
  }),
  async (c) => {
    const found = await openSession(visitorContext(c), c.req.valid("param").slug);
    const words = visitorWords(c.req.valid("query").lang, c.req.header("accept-language"));
    const label = spotLabeller(words.locale, found.session.timeZone);
    // A few seconds of caching absorbs a rush; the widget asks again with no-cache after a conflict.
    c.header("cache-control", "public, max-age=5");
    c.header("vary", "accept-language");
    return c.json(
      {
        ...publicSessionParts(found.session, found.sessionType, found.studio, found.packages, found.contract),
        spots: found.spots.map((s) => publicSpot(s, label)),
        ...words,
      },
      200,
    );
  },
);

export default router;

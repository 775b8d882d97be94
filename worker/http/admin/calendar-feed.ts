import { createRoute, z } from "@hono/zod-openapi";
import { calendarFeedState, createCalendarFeed, revokeCalendarFeed } from "../../actions/calendar-feed.ts";
import { toIso } from "../../domain/time.ts";
import { studioContext } from "../../middleware/context.ts";
import { exampleCalendarFeed } from "../../schemas/examples/index.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, json, problems } from "../openapi.ts";

/** /v1/admin/calendar-feed: the studio's private feed URL, made, replaced and revoked. */
const router = createRouter();

const NewFeed =
  DOCUMENTED &&
  z
    .object({
      calendarFeed: z.object({
        url: z.string().url().openapi({ description: "Shown only now: only a hash of its token is kept." }),
        createdAt: z.string(),
      }),
    })
    .openapi("NewCalendarFeed");

const FeedState =
  DOCUMENTED &&
  z.object({ calendarFeed: z.object({ createdAt: z.string() }).nullable() }).openapi("CalendarFeedState");

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    ...(DOCUMENTED && {
      tags: ["Studio"],
      summary: "Whether the studio has a calendar feed, and since when (its URL is not shown again)",
      security: adminSecurity,
      responses: {
        200: {
          description: "OK",
          ...json(FeedState, { calendarFeed: { createdAt: exampleCalendarFeed.createdAt } }),
        },
      },
    }),
  }),
  async (c) => {
    const feed = await calendarFeedState(studioContext(c));
    return c.json({ calendarFeed: feed && { createdAt: toIso(feed.createdAt) } }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    ...(DOCUMENTED && {
      tags: ["Studio"],
      summary: "Make a new calendar feed URL; the previous one, if any, stops working at once",
      security: adminSecurity,
      responses: { 201: { description: "Created", ...json(NewFeed, { calendarFeed: exampleCalendarFeed }) } },
    }),
  }),
  async (c) => {
    const feed = await createCalendarFeed(studioContext(c));
    return c.json({ calendarFeed: { url: feed.url, createdAt: toIso(feed.createdAt) } }, 201);
  },
);

router.openapi(
  createRoute({
    method: "delete",
    path: "/",
    ...(DOCUMENTED && {
      tags: ["Studio"],
      summary: "Turn the calendar feed off: its URL answers 404 from now on",
      security: adminSecurity,
      responses: { 204: { description: "Revoked (or there was none)" }, ...problems() },
    }),
  }),
  async (c) => {
    await revokeCalendarFeed(studioContext(c));
    return c.body(null, 204);
  },
);

export default router;

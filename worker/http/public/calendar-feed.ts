import { createRoute, z } from "@hono/zod-openapi";
import { calendarFeedFile } from "../../actions/calendar-feed.ts";
import { actionContext } from "../../middleware/context.ts";
import { exampleCalendarFeedFile } from "../../schemas/examples/index.ts";
import { createRouter } from "../app.ts";
import { problems, TokenParam } from "../openapi.ts";

/** /v1/calendar/:token/bookings.ics: a studio's bookings for a calendar app to subscribe to. */
const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/{token}/bookings.ics",
    request: { params: TokenParam },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "A studio's private calendar feed of its bookings (iCalendar, RFC 5545)",
      description:
        "The URL is made in the admin (POST /v1/admin/calendar-feed) and is its own key: Google, Apple or Outlook calendars fetch it without signing in. Every booking with a client from a year ago on, cancelled ones as STATUS:CANCELLED, times as UTC instants. A revoked or replaced URL answers 404 at once.",
      responses: {
        200: {
          description: "The studio's bookings as a calendar",
          content: { "text/calendar": { schema: z.string(), example: exampleCalendarFeedFile } },
        },
        ...problems(404),
      },
    }),
  }),
  async (c) => {
    const ctx = actionContext(c);
    const file = await calendarFeedFile(ctx.db, c.req.valid("param").token, ctx.now, ctx.publicUrl);
    return c.body(file, 200, {
      "content-type": "text/calendar; charset=utf-8",
      // Private to the URL's holder: never kept by a shared cache.
      "cache-control": "private, no-store",
    });
  },
);

export default router;

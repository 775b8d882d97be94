import { z } from "@hono/zod-openapi";
import { Id } from "./fields.ts";

/** "Announce this session": whom to email, and what it did. */

export const AudienceSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("all") }),
    z.object({ kind: z.literal("sessionType"), sessionTypeId: Id }),
  ])
  .openapi(
    "AnnouncementAudience",
    DOCUMENTED && {
      description:
        "Every client, or the past clients of a session type (a booking of theirs not cancelled in a session of that type).",
    },
  );

export const AnnounceInput = z.object({ audience: AudienceSchema }).openapi("AnnounceSession");
export type AnnounceInput = z.infer<typeof AnnounceInput>;

/** The same choice in a query string: `?sessionTypeId=` for a session type's past clients, else all. */
export const AudienceQuery = z.object({
  sessionTypeId: Id.optional().openapi(DOCUMENTED && { param: { name: "sessionTypeId", in: "query" } }),
});

const Skipped = /* @__PURE__ */ z
  .object({
    alreadyAnnounced: z.number().int().openapi({ description: "Told of this session before: never twice." }),
    unsubscribed: z.number().int().openapi({ description: "Asked for no more announcements." }),
  })
  .openapi("AnnouncementSkipped");

export const AnnouncedSchema = /* @__PURE__ */ z
  .object({
    sent: z.number().int().openapi({ description: "Emails queued by this request." }),
    skipped: Skipped,
  })
  .openapi("Announced");

export const AnnouncementsSchema = /* @__PURE__ */ z
  .object({
    audience: z.object({ recipients: z.number().int(), skipped: Skipped }).openapi({
      description: "How many the audience asked for would receive it now, and how many are skipped.",
    }),
    announcements: z.array(
      z.object({
        clientId: z.string(),
        name: z.string(),
        email: z.string(),
        announcedAt: z.string().datetime(),
      }),
    ),
  })
  .openapi("Announcements");

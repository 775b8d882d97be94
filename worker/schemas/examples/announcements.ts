/** The OpenAPI examples of announcements, in the story of index.ts: the fall minis told to past clients. */
import type { z } from "@hono/zod-openapi";
import type { AnnouncedSchema, AnnounceInput, AnnouncementsSchema } from "../announcements.ts";
import { exampleClient, exampleSessionType } from "./index.ts";

export const exampleAnnounce = {
  audience: { kind: "sessionType", sessionTypeId: exampleSessionType.id },
} satisfies z.input<typeof AnnounceInput>;

export const exampleAnnounced = {
  sent: 24,
  skipped: { alreadyAnnounced: 3, unsubscribed: 2 },
} satisfies z.output<typeof AnnouncedSchema>;

export const exampleAnnouncements = {
  audience: { recipients: 0, skipped: { alreadyAnnounced: 27, unsubscribed: 2 } },
  announcements: [
    {
      clientId: exampleClient.id,
      name: exampleClient.name,
      email: exampleClient.email,
      announcedAt: "2027-09-02T14:05:00.000Z",
    },
  ],
} satisfies z.output<typeof AnnouncementsSchema>;

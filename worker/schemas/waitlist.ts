import { z } from "@hono/zod-openapi";
import { waitlistEntryStatuses, waitlistOfferStatuses } from "../../db/schema.ts";
import { toIso } from "../domain/time.ts";
import type { WaitlistEntryRow, WaitlistOfferRow } from "../queries/waitlist.ts";
import { DateString, Email, Instant, Locale, Name, TimeString } from "./fields.ts";

/** A day that suits, in the session's zone, optionally narrowed to starts from `from` until `to`. */
export const WaitlistTimeSchema = /* @__PURE__ */ z
  .object({ date: DateString, from: TimeString.optional(), to: TimeString.optional() })
  .refine((t) => !t.from || !t.to || t.from < t.to, { message: "End after the start.", path: ["to"] })
  .openapi("WaitlistTime");

export const JoinWaitlistSchema = z
  .object({
    client: z.object({ name: Name, email: Email }),
    /** Which times suit; left out or empty: any time. */
    times: z.array(WaitlistTimeSchema).max(31, "Choose at most 31 days.").optional(),
    locale: Locale.optional().openapi(
      DOCUMENTED && {
        description: "The visitor's language (the session answer's locale), for the email offering a spot",
      },
    ),
  })
  .openapi("JoinWaitlist");

export const WaitlistEntryCreatedSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    position: z.number().int(),
    /** The entry's own link token, answered this once: it shows the place in line and lets one leave. */
    token: z.string(),
  })
  .openapi("WaitlistEntryCreated");

/** What someone on a waitlist sees through their link; the held spot's link goes only by email. */
export const WaitlistEntryViewSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    status: z.enum(waitlistEntryStatuses),
    /** Place in line while waiting (1: next), else null. */
    position: z.number().int().nullable(),
    name: z.string(),
    /** Until when a spot is held for them, when one is (its link is in their email). */
    offerExpiresAt: Instant.nullable(),
    session: z.object({ slug: z.string(), name: z.string(), timeZone: z.string() }),
  })
  .openapi("WaitlistEntryView");

export const toEntryView = (v: {
  entry: WaitlistEntryRow;
  session: { slug: string; name: string; timeZone: string };
  position: number | null;
  offer: WaitlistOfferRow | null;
}): z.infer<typeof WaitlistEntryViewSchema> => ({
  id: v.entry.id,
  status: v.entry.status,
  position: v.position,
  name: v.entry.name,
  offerExpiresAt: v.offer ? toIso(v.offer.expiresAt) : null,
  session: { slug: v.session.slug, name: v.session.name, timeZone: v.session.timeZone },
});

/** A spot held for someone on the waitlist: the widget books it with the offer's token as the hold's. */
export const HeldOfferSchema = /* @__PURE__ */ z
  .object({
    session: z.string(),
    hold: z.object({ id: z.string(), expiresAt: Instant }),
    spot: z.object({ id: z.string(), startsAt: Instant, endsAt: Instant }),
    client: z.object({ name: z.string(), email: z.string() }),
  })
  .openapi("HeldOffer");

export const AdminWaitlistSchema = /* @__PURE__ */ z
  .object({
    open: z.boolean(),
    entries: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        email: z.string(),
        times: z.array(WaitlistTimeSchema).nullable(),
        status: z.enum(waitlistEntryStatuses),
        createdAt: Instant,
      }),
    ),
    offers: z.array(
      z.object({
        id: z.string(),
        entryId: z.string(),
        name: z.string(),
        spotId: z.string(),
        startsAt: Instant,
        status: z.enum(waitlistOfferStatuses),
        expiresAt: Instant,
        createdAt: Instant,
        endedAt: Instant.nullable(),
      }),
    ),
  })
  .openapi("AdminWaitlist");

export const MoveEntrySchema = z.object({ position: z.number().int().min(1) }).openapi("MoveWaitlistEntry");
export const OfferSpotSchema = z.object({ spotId: z.string().min(1).max(64) }).openapi("OfferWaitlistSpot");
export const WaitlistSettingSchema = z.object({ open: z.boolean() }).openapi("WaitlistSetting");

export const toAdminWaitlist = (w: {
  open: boolean;
  entries: WaitlistEntryRow[];
  offers: { offer: WaitlistOfferRow; startsAt: number; name: string }[];
}): z.infer<typeof AdminWaitlistSchema> => ({
  open: w.open,
  entries: w.entries.map((e) => ({
    id: e.id,
    name: e.name,
    email: e.email,
    times: e.times,
    status: e.status,
    createdAt: toIso(e.createdAt),
  })),
  offers: w.offers.map(({ offer: o, startsAt, name }) => ({
    id: o.id,
    entryId: o.entryId,
    name,
    spotId: o.spotId,
    startsAt: toIso(startsAt),
    status: o.status,
    expiresAt: toIso(o.expiresAt),
    createdAt: toIso(o.createdAt),
    endedAt: o.endedAt === null ? null : toIso(o.endedAt),
  })),
});

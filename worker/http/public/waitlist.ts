import { createRoute, z } from "@hono/zod-openapi";
import { heldOffer, joinWaitlist, leaveWaitlist, waitlistEntry } from "../../actions/waitlist.ts";
import { toIso } from "../../domain/time.ts";
import { visitorContext } from "../../middleware/context.ts";
import {
  exampleHeldOffer,
  exampleJoinWaitlist,
  exampleWaitlistEntry,
  exampleWaitlistJoined,
} from "../../schemas/examples/index.ts";
import { LanguageQuery, VisitorWords, visitorWords } from "../../schemas/public-views.ts";
import {
  HeldOfferSchema,
  JoinWaitlistSchema,
  toEntryView,
  WaitlistEntryCreatedSchema,
  WaitlistEntryViewSchema,
} from "../../schemas/waitlist.ts";
import { createRouter } from "../app.ts";
import { json, jsonBody, problems, SlugParam, TokenParam } from "../openapi.ts";

/** POST /v1/sessions/:slug/waitlist: a visitor joins a full session's waitlist. */
export const sessionWaitlist = createRouter();

sessionWaitlist.openapi(
  createRoute({
    method: "post",
    path: "/{slug}/waitlist",
    request: { params: SlugParam, ...jsonBody(JoinWaitlistSchema, DOCUMENTED && exampleJoinWaitlist) },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Join a full session's waitlist; freed spots are offered in turn, by email",
      responses: {
        201: {
          description: "In line",
          ...json(z.object({ entry: WaitlistEntryCreatedSchema }), exampleWaitlistJoined),
        },
        ...problems(404, 409, 429),
      },
    }),
  }),
  async (c) => {
    const body = c.req.valid("json");
    const { entry } = await joinWaitlist(visitorContext(c), {
      slug: c.req.valid("param").slug,
      client: body.client,
      times: body.times,
      locale: body.locale,
      visitor: c.req.header("cf-connecting-ip"),
    });
    return c.json({ entry }, 201);
  },
);

/** /v1/waitlist/:token: someone on a waitlist, through their own link. */
export const waitlist = createRouter();

waitlist.openapi(
  createRoute({
    method: "get",
    path: "/{token}",
    request: { params: TokenParam, query: LanguageQuery },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "One's place on a waitlist, or that a spot is held for them",
      responses: {
        200: {
          description: "OK",
          ...json(z.object({ entry: WaitlistEntryViewSchema, ...VisitorWords }), exampleWaitlistEntry),
        },
        ...problems(404),
      },
    }),
  }),
  async (c) => {
    const found = await waitlistEntry(visitorContext(c), c.req.valid("param").token);
    c.header("cache-control", "no-store");
    const words = visitorWords(c.req.valid("query").lang, c.req.header("accept-language"));
    return c.json({ entry: toEntryView(found), ...words }, 200);
  },
);

waitlist.openapi(
  createRoute({
    method: "delete",
    path: "/{token}",
    request: { params: TokenParam },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "Leave the waitlist; a spot held for you goes to the next person",
      responses: { 204: { description: "Left" }, ...problems(404) },
    }),
  }),
  async (c) => {
    await leaveWaitlist(visitorContext(c), c.req.valid("param").token);
    return c.body(null, 204);
  },
);

/** /v1/offers/:token: a spot held for someone on a waitlist, by the token in their email. */
export const offers = createRouter();

offers.openapi(
  createRoute({
    method: "get",
    path: "/{token}",
    request: { params: TokenParam },
    ...(DOCUMENTED && {
      tags: ["Public"],
      summary: "The spot a waitlist offer holds; book it with POST /v1/holds/{id}/booking and this token",
      responses: {
        200: { description: "Held for you", ...json(z.object({ offer: HeldOfferSchema }), exampleHeldOffer) },
        ...problems(404, 410),
      },
    }),
  }),
  async (c) => {
    const o = await heldOffer(visitorContext(c), c.req.valid("param").token);
    c.header("cache-control", "no-store");
    return c.json(
      {
        offer: {
          session: o.session.slug,
          hold: { id: o.offer.bookingId, expiresAt: toIso(o.offer.expiresAt) },
          spot: { id: o.spot.id, startsAt: toIso(o.spot.startsAt), endsAt: toIso(o.spot.endsAt) },
          client: { name: o.entry.name, email: o.entry.email },
        },
      },
      200,
    );
  },
);

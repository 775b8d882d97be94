import { createRoute, z } from "@hono/zod-openapi";
import { and, eq, gt } from "drizzle-orm";
import type { Context } from "hono";
import { bookings, studios } from "../../db/schema.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import type { HonoEnv } from "../env.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import { type HoldRequest, placeHold, whyNoHold } from "../queries/holds.ts";
import { createRouter } from "./app.ts";
import { bearerToken } from "./auth.ts";
import { allowOrigin } from "./cors.ts";
import { ApiError, notFound } from "./problem.ts";
import { Id, IdParam, Instant, json, jsonBody, problems } from "./schemas.ts";
import { SlugParam } from "./sessions.ts";

/** How many holds one visitor (IP) may place per window; a real visitor needs a handful. */
const holdsPerWindow = 30;
const holdWindowMs = 10 * 60_000;
/** However often a visitor extends, a hold ends this many hold lengths after it began. */
const maxExtensions = 3;

const HoldSchema = z.object({ id: z.string(), token: z.string(), expiresAt: Instant }).openapi("Hold");

export const holdSecurity = [{ holdToken: [] }];

export const publicSessionHolds = createRouter();

publicSessionHolds.openapi(
  createRoute({
    method: "post",
    path: "/{slug}/holds",
    tags: ["Public"],
    summary: "Hold a free spot for the studio's hold minutes",
    request: { params: SlugParam, ...jsonBody(z.object({ spotId: Id }).openapi("CreateHold")) },
    responses: {
      201: { description: "Held", ...json(z.object({ hold: HoldSchema })) },
      ...problems(403, 404, 409, 415, 422, 429),
    },
  }),
  async (c) => {
    const { slug } = c.req.valid("param");
    const { spotId } = c.req.valid("json");
    const db = c.var.db;
    const token = randomToken("sbk_hold");
    const origin = c.req.header("origin");
    const request: HoldRequest = {
      slug,
      spotId,
      holdId: crypto.randomUUID(),
      tokenHash: await sha256(token),
      origin: origin && origin !== new URL(c.req.url).origin ? origin : null,
      rateKey: `hold:${c.req.header("cf-connecting-ip") ?? "unknown"}`,
      rateLimit: holdsPerWindow,
      rateWindowMs: holdWindowMs,
      now: Date.now(),
    };
    let placed: Awaited<ReturnType<typeof placeHold>>;
    try {
      placed = await placeHold(db, request);
    } catch (err) {
      if (isUniqueViolation(err))
        throw new ApiError(409, "spot_taken", "Someone just took this spot. Please pick another.");
      throw err;
    }
    if (!placed) {
      const why = await whyNoHold(db, request);
      if (why.session?.status !== "scheduled") throw notFound("session");
      allowOrigin(c, why.session.allowedOrigins);
      if (why.session.classification !== "multi") {
        throw new ApiError(
          422,
          "wrong_classification",
          "This session is by invitation: use the link you were sent.",
        );
      }
      if (!why.spot) throw new ApiError(404, "not_found", "This session has no such spot.");
      if (why.rateLimited) {
        throw new ApiError(
          429,
          "rate_limited",
          "Too many holds from this connection. Please wait a few minutes.",
        );
      }
      throw new ApiError(409, "conflict", "This spot has already started; pick a later one.");
    }
    if (request.origin) c.header("access-control-allow-origin", request.origin);
    c.header("vary", "Origin", { append: true });
    return c.json(
      { hold: { id: request.holdId, token, expiresAt: new Date(placed.expiresAt).toISOString() } },
      201,
    );
  },
);

/**
 * The hold a bearer token proves, whatever its state; 404 for a wrong token, as for no hold.
 * Booking a hold may also go by its id alone (`tokenOptional`): the id is as random as the token
 * and is only ever shown to the visitor who holds the spot and to the studio.
 */
export async function heldBy(c: Context<HonoEnv>, id: string, tokenOptional = false) {
  const token = bearerToken(c.req.header("authorization"));
  if (!token && !tokenOptional) {
    throw new ApiError(401, "unauthorized", "Send the hold's token as 'Authorization: Bearer <token>'.");
  }
  const [row] = await c.var.db
    .select({
      hold: bookings,
      studio: { allowedOrigins: studios.allowedOrigins, holdMinutes: studios.holdMinutes },
    })
    .from(bookings)
    .innerJoin(studios, eq(studios.id, bookings.studioId))
    .where(and(eq(bookings.id, id), token ? eq(bookings.holdTokenHash, await sha256(token)) : undefined));
  if (!row?.hold.holdTokenHash) throw notFound("hold");
  allowOrigin(c, row.studio.allowedOrigins);
  return row;
}

export const holds = createRouter();

holds.openapi(
  createRoute({
    method: "post",
    path: "/{id}/extend",
    tags: ["Public"],
    summary: "Give the visitor another hold period (up to a limit)",
    security: holdSecurity,
    request: { params: IdParam },
    responses: {
      200: {
        description: "Extended",
        ...json(z.object({ hold: z.object({ id: z.string(), expiresAt: Instant }) })),
      },
      ...problems(401, 404, 410),
    },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const { hold, studio } = await heldBy(c, id);
    const now = Date.now();
    const length = studio.holdMinutes * 60_000;
    const expiresAt = Math.min(now + length, hold.createdAt + (maxExtensions + 1) * length);
    const [updated] = await c.var.db
      .update(bookings)
      .set({ expiresAt })
      .where(and(eq(bookings.id, id), eq(bookings.status, "held"), gt(bookings.expiresAt, now)))
      .returning({ expiresAt: bookings.expiresAt });
    if (!updated) throw new ApiError(410, "hold_expired", "This hold has expired. Please pick a time again.");
    return c.json({ hold: { id, expiresAt: new Date(expiresAt).toISOString() } }, 200);
  },
);

holds.openapi(
  createRoute({
    method: "delete",
    path: "/{id}",
    tags: ["Public"],
    summary: "Release a hold: the spot is free again",
    security: holdSecurity,
    request: { params: IdParam },
    responses: { 204: { description: "Released" }, ...problems(401, 404) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    await heldBy(c, id);
    await c.var.db
      .update(bookings)
      .set({ status: "cancelled", cancelledAt: Date.now() })
      .where(and(eq(bookings.id, id), eq(bookings.status, "held")));
    return c.body(null, 204);
  },
);

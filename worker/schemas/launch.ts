import { z } from "@hono/zod-openapi";
import { toIso } from "../domain/time.ts";
import { Instant } from "./fields.ts";

/** A session's launch line: a visitor's place in it, and the photographer's view of it. */

export const WaitInLineSchema = z
  .object({
    ticket: z
      .string()
      .max(100)
      .optional()
      .openapi(
        DOCUMENTED && {
          description:
            "The ticket an earlier answer gave (kept by the browser): the same place, not a new one",
        },
      ),
  })
  .strict()
  .openapi("WaitInLine");

export const LeaveLineSchema = z
  .object({ ticket: z.string().max(100) })
  .strict()
  .openapi("LeaveLine");

export const PlaceInLineSchema = /* @__PURE__ */ z
  .object({
    ticket: z.string().openapi({ description: "Keep it and send it again: it is the visitor's place" }),
    status: z.enum(["waiting", "admitted", "held", "over", "left"]).openapi({
      description:
        "waiting: before the opening, or in line after it; admitted: their turn, hold with `admission`; held: their turn was used; over: their turn passed unused",
    }),
    position: z.number().int().nullable().openapi({
      description: "After the opening, their place among those waiting (1: next); null before it",
    }),
    opensAt: Instant,
    admission: z
      .object({ token: z.string(), expiresAt: Instant })
      .nullable()
      .openapi({ description: "On their turn: send `token` as `admission` with a hold, before `expiresAt`" }),
    retryAfterMs: z.number().int().openapi({ description: "When to ask again (jittered)" }),
    seatsLeft: z
      .number()
      .int()
      .openapi({ description: "Seats free in the session, as the line last read them" }),
  })
  .openapi("PlaceInLine");

export const LineSummarySchema = /* @__PURE__ */ z
  .object({
    opensAt: Instant.nullable(),
    opened: z.boolean().openapi({ description: "The opening happened: the early arrivals were shuffled" }),
    arrived: z.number().int().openapi({ description: "Places taken in line, in all" }),
    waiting: z.number().int(),
    admitted: z.number().int().openapi({ description: "Visitors whose turn began" }),
  })
  .openapi("LaunchLine");

export const toPlaceInLine = (p: {
  ticket: string;
  status: z.infer<typeof PlaceInLineSchema>["status"];
  position: number | null;
  opensAt: number;
  admission: { token: string; expiresAt: number } | null;
  retryAfterMs: number;
  seatsLeft: number;
}): z.infer<typeof PlaceInLineSchema> => ({
  ...p,
  opensAt: toIso(p.opensAt),
  admission: p.admission && { token: p.admission.token, expiresAt: toIso(p.admission.expiresAt) },
  retryAfterMs: Math.round(p.retryAfterMs),
});

export const toLineSummary = (s: {
  opensAt: number | null;
  opened: boolean;
  arrived: number;
  waiting: number;
  admitted: number;
}): z.infer<typeof LineSummarySchema> => ({ ...s, opensAt: s.opensAt === null ? null : toIso(s.opensAt) });

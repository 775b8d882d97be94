import { z } from "@hono/zod-openapi";
import {
  type BookingRules,
  cancelMoneyOutcomes,
  describeRules,
  effectiveRules,
  rulesVersion,
} from "../domain/booking-rules.ts";
import { toIso } from "../domain/time.ts";
import { Instant } from "./fields.ts";

/** The studio's booking rules: as set on a session type or a session, and as a visitor reads them. */

const Hours = z
  .number()
  .int()
  .min(0, "Cannot be negative.")
  .max(24 * 365, "At most a year.");

const typeRules = {
  noticeHours: Hours,
  rescheduleAllowed: z.boolean(),
  rescheduleHours: Hours,
  rescheduleMax: z.number().int().min(0).max(20),
  cancelAllowed: z.boolean(),
  cancelHours: Hours,
  cancelMoney: z.enum(cancelMoneyOutcomes),
};

/** A session type's rules: any left out keep their default. */
export const TypeRulesInput = z.object(typeRules).partial().strict().openapi("BookingRulesInput");

const Moment = z.string().datetime({ offset: true, message: "An ISO 8601 date and time." }).nullable();

/** A session's overrides of its type's rules, and when booking opens and closes for it. */
export const SessionRulesInput = z
  .object({ ...typeRules, opensAt: Moment, closesAt: Moment })
  .partial()
  .strict()
  .refine((r) => !r.opensAt || !r.closesAt || Date.parse(r.opensAt) < Date.parse(r.closesAt), {
    message: "Booking must open before it closes.",
    path: ["closesAt"],
  })
  .openapi("SessionRulesInput");

/** A session type's rules, each filled in (its own or the default). */
export const SessionTypeRulesSchema = /* @__PURE__ */ z.object(typeRules).openapi("SessionTypeRules");

export const typeRulesOf = (rules: Partial<BookingRules> | null): z.infer<typeof SessionTypeRulesSchema> => {
  const { opensAt: _opens, closesAt: _closes, ...rest } = effectiveRules(rules, null);
  return rest;
};

export type TypeRulesInput = z.infer<typeof TypeRulesInput>;
export type SessionRulesInput = z.infer<typeof SessionRulesInput>;

/** What is stored: instants as milliseconds, like every other instant. */
export const storedRules = (input: SessionRulesInput): Partial<BookingRules> => {
  const { opensAt, closesAt, ...rest } = input;
  return {
    ...rest,
    ...(opensAt !== undefined && { opensAt: opensAt === null ? null : Date.parse(opensAt) }),
    ...(closesAt !== undefined && { closesAt: closesAt === null ? null : Date.parse(closesAt) }),
  };
};

export const BookingRulesSchema = /* @__PURE__ */ z
  .object({
    ...typeRules,
    opensAt: Instant.nullable(),
    closesAt: Instant.nullable(),
    /** The rules in plain words, as the visitor reads them before booking. */
    text: z.array(z.string()),
    version: z.string(),
  })
  .openapi("BookingRules");

export const toBookingRules = (
  rules: BookingRules,
  where: { timeZone: string; locale: string },
): z.infer<typeof BookingRulesSchema> => ({
  ...rules,
  opensAt: rules.opensAt === null ? null : toIso(rules.opensAt),
  closesAt: rules.closesAt === null ? null : toIso(rules.closesAt),
  text: describeRules(rules, where),
  version: rulesVersion(rules),
});

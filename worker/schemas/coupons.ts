import { z } from "@hono/zod-openapi";
import type { CouponRow } from "../queries/coupons.ts";
import { DateString, Id } from "./fields.ts";

const Limit = z.number().int().min(1, "At least 1, or leave it out for no limit.").max(1_000_000).nullable();

const fields = {
  code: z
    .string()
    .trim()
    .min(3, "At least 3 characters.")
    .max(40, "At most 40 characters.")
    .regex(/^[A-Za-z0-9_-]+$/, "Use letters, digits, - and _ only.")
    .transform((c) => c.toUpperCase()),
  kind: z
    .enum(["percent", "amount"])
    .openapi(DOCUMENTED && { description: "A percentage off, or a fixed amount off." }),
  value: z
    .number()
    .int("Use a whole number.")
    .min(1, "At least 1.")
    .max(100_000_000)
    .openapi(DOCUMENTED && { description: "Percent (1 to 100) for `percent`, minor units for `amount`." }),
  sessionTypeIds: z
    .array(Id)
    .max(50)
    .nullable()
    .openapi(DOCUMENTED && { description: "The session types it is for; null or left out: all." }),
  startsOn: DateString.nullable().openapi(
    DOCUMENTED && { description: "First day it is valid, in the studio's zone." },
  ),
  endsOn: DateString.nullable().openapi(
    DOCUMENTED && { description: "Last day it is valid, in the studio's zone." },
  ),
  maxUses: Limit.openapi(
    DOCUMENTED && { description: "Uses in all; an expired booking gives its use back." },
  ),
  maxUsesPerClient: Limit.openapi(DOCUMENTED && { description: "Uses by one client (by email)." }),
};

const percentUpTo100 = (c: { kind?: string | undefined; value?: number | undefined }) =>
  c.kind !== "percent" || c.value === undefined || c.value <= 100;
const inOrder = (c: { startsOn?: string | null | undefined; endsOn?: string | null | undefined }) =>
  !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn;

export const CreateCoupon = z
  .object({
    ...fields,
    sessionTypeIds: fields.sessionTypeIds.default(null),
    startsOn: fields.startsOn.default(null),
    endsOn: fields.endsOn.default(null),
    maxUses: fields.maxUses.default(null),
    maxUsesPerClient: fields.maxUsesPerClient.default(null),
  })
  .refine(percentUpTo100, { message: "A percentage is at most 100.", path: ["value"] })
  .refine(inOrder, { message: "The last day comes after the first.", path: ["endsOn"] })
  .openapi("CreateCoupon");
export type CreateCoupon = z.infer<typeof CreateCoupon>;

export const UpdateCoupon = z
  .object(fields)
  .partial()
  .refine(percentUpTo100, { message: "A percentage is at most 100.", path: ["value"] })
  .refine(inOrder, { message: "The last day comes after the first.", path: ["endsOn"] })
  .openapi("UpdateCoupon");
export type UpdateCoupon = z.infer<typeof UpdateCoupon>;

export const CouponSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    code: z.string(),
    kind: z.enum(["percent", "amount"]),
    value: z.number().int(),
    sessionTypeIds: z.array(z.string()).nullable(),
    startsOn: z.string().nullable(),
    endsOn: z.string().nullable(),
    maxUses: z.number().int().nullable(),
    maxUsesPerClient: z.number().int().nullable(),
    uses: z.number().int(),
  })
  .openapi("Coupon");
export type CouponView = z.infer<typeof CouponSchema>;

export type CouponWithUses = CouponRow & { uses: number; startsOn: string | null; endsOn: string | null };

export const toCoupon = (c: CouponWithUses): CouponView => ({
  id: c.id,
  code: c.code,
  kind: c.kind,
  value: c.value,
  sessionTypeIds: c.sessionTypeIds ?? null,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  maxUses: c.maxUses,
  maxUsesPerClient: c.maxUsesPerClient,
  uses: c.uses,
});

import { and, eq } from "drizzle-orm";
import { coupons } from "../../db/schema.ts";
import { notFound, refusal } from "../domain/errors.ts";
import { localToUtc, utcToLocal } from "../domain/time.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import { couponEverRedeemed, couponOf, listCoupons, usesByCoupon } from "../queries/coupons.ts";
import { listSessionTypes } from "../queries/session-types.ts";
import type { CouponWithUses, CreateCoupon, UpdateCoupon } from "../schemas/coupons.ts";
import type { StudioContext } from "./context.ts";

/** Days are the studio's: a code valid from the 1st to the 3rd is valid from 00:00 on the 1st to 00:00 on the 4th. */
const dayStart = (date: string, zone: string) => localToUtc({ date, time: "00:00" }, zone);
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const lastDay = (endsAt: number, zone: string) => utcToLocal(endsAt - 1, zone).date;

function datesToInstants(ctx: StudioContext, input: { startsOn?: string | null; endsOn?: string | null }) {
  const zone = ctx.studio.timeZone;
  return {
    ...(input.startsOn !== undefined && { startsAt: input.startsOn ? dayStart(input.startsOn, zone) : null }),
    ...(input.endsOn !== undefined && {
      endsAt: input.endsOn ? dayStart(nextDay(input.endsOn), zone) : null,
    }),
  };
}

async function requireOwnTypes(ctx: StudioContext, ids: string[] | null | undefined) {
  if (!ids) return;
  const own = new Set((await listSessionTypes(ctx.db, ctx.studio.id)).map((t) => t.id));
  const i = ids.findIndex((id) => !own.has(id));
  if (i >= 0) {
    throw refusal("validation_failed", "That session type is not this studio's.", `sessionTypeIds.${i}`);
  }
}

const taken = () => refusal("already_exists", "The studio already has a code like this.", "code");

export async function couponsOf(ctx: StudioContext): Promise<CouponWithUses[]> {
  const [rows, uses] = await Promise.all([
    listCoupons(ctx.db, ctx.studio.id),
    usesByCoupon(ctx.db, ctx.studio.id),
  ]);
  const zone = ctx.studio.timeZone;
  return rows.map((c) => ({
    ...c,
    uses: uses.get(c.id) ?? 0,
    startsOn: c.startsAt === null ? null : utcToLocal(c.startsAt, zone).date,
    endsOn: c.endsAt === null ? null : lastDay(c.endsAt, zone),
  }));
}

export async function couponById(ctx: StudioContext, id: string): Promise<CouponWithUses> {
  const found = (await couponsOf(ctx)).find((c) => c.id === id);
  if (!found) throw notFound("code");
  return found;
}

export async function createCoupon(ctx: StudioContext, input: CreateCoupon): Promise<CouponWithUses> {
  await requireOwnTypes(ctx, input.sessionTypeIds);
  const { startsOn, endsOn, ...rest } = input;
  const id = crypto.randomUUID();
  try {
    await ctx.db
      .insert(coupons)
      .values({ ...rest, ...datesToInstants(ctx, { startsOn, endsOn }), id, studioId: ctx.studio.id });
  } catch (err) {
    if (isUniqueViolation(err)) throw taken();
    throw err;
  }
  return couponById(ctx, id);
}

export async function updateCoupon(
  ctx: StudioContext,
  id: string,
  input: UpdateCoupon,
): Promise<CouponWithUses> {
  const current = await couponOf(ctx.db, ctx.studio.id, id);
  if (!current) throw notFound("code");
  await requireOwnTypes(ctx, input.sessionTypeIds);
  const { startsOn, endsOn, ...rest } = input;
  const changes = { ...rest, ...datesToInstants(ctx, { startsOn, endsOn }) };
  if (Object.keys(changes).length > 0) {
    try {
      await ctx.db
        .update(coupons)
        .set(changes)
        .where(and(eq(coupons.studioId, ctx.studio.id), eq(coupons.id, id)));
    } catch (err) {
      if (isUniqueViolation(err)) throw taken();
      throw err;
    }
  }
  return couponById(ctx, id);
}

/**
 * A code nobody used goes; a used one is ended now instead (no booking can take it any more), so
 * the bookings that took it keep their discount and its record. Answers which it was.
 */
export async function deleteCoupon(ctx: StudioContext, id: string): Promise<"deleted" | "ended"> {
  await couponById(ctx, id);
  const mine = and(eq(coupons.studioId, ctx.studio.id), eq(coupons.id, id));
  if (await couponEverRedeemed(ctx.db, id)) {
    await ctx.db.update(coupons).set({ endsAt: ctx.now }).where(mine);
    return "ended";
  }
  await ctx.db.delete(coupons).where(mine);
  return "deleted";
}

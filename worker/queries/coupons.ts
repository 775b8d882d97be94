import { and, asc, count, eq, ne, type SQL, sql } from "drizzle-orm";
import { bookings, couponRedemptions, coupons } from "../../db/schema.ts";
import type { Db } from "../env.ts";
import { insertSelect } from "./insert-select.ts";

export type CouponRow = typeof coupons.$inferSelect;

export const listCoupons = (db: Db, studioId: string) =>
  db.select().from(coupons).where(eq(coupons.studioId, studioId)).orderBy(asc(coupons.code));

export async function couponOf(db: Db, studioId: string, id: string): Promise<CouponRow | null> {
  const [row] = await db
    .select()
    .from(coupons)
    .where(and(eq(coupons.studioId, studioId), eq(coupons.id, id)));
  return row ?? null;
}

/**
 * A code's uses: redemptions whose booking has not expired. An abandoned checkout or a lapsed hold
 * gives its use back; a cancelled booking keeps it (the client had the discount).
 */
const usesOf = (couponId: string | SQL, email?: string) =>
  sql`(select count(*) from ${couponRedemptions} join ${bookings} on ${bookings.id} = ${couponRedemptions.bookingId}
    where ${couponRedemptions.couponId} = ${couponId} and ${bookings.status} != 'expired'
    ${email === undefined ? sql`` : sql`and ${couponRedemptions.clientEmail} = ${email}`})`;

/** The studio's code with its uses so far, in all and by this client's email. */
export async function couponByCode(db: Db, studioId: string, code: string, email: string) {
  const [row] = await db
    .select({
      coupon: coupons,
      uses: sql<number>`${usesOf(coupons.id as unknown as SQL)}`,
      clientUses: sql<number>`${usesOf(coupons.id as unknown as SQL, email)}`,
    })
    .from(coupons)
    .where(and(eq(coupons.studioId, studioId), eq(coupons.code, code)));
  return row ?? null;
}

/** Uses per code of a studio, for the admin list. */
export async function usesByCoupon(db: Db, studioId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: couponRedemptions.couponId, uses: count() })
    .from(couponRedemptions)
    .innerJoin(bookings, eq(bookings.id, couponRedemptions.bookingId))
    .where(and(eq(couponRedemptions.studioId, studioId), ne(bookings.status, "expired")))
    .groupBy(couponRedemptions.couponId);
  return new Map(rows.map((r) => [r.id, r.uses]));
}

/**
 * The booking's use of a code, for the booking's own batch: written only while `bookingGuard`
 * holds and the code still has a use left, in all and for this client. D1 runs a batch as one
 * transaction and one write at a time, so the count and the insert cannot be raced.
 */
export function redeemCoupon(
  db: Db,
  r: { studioId: string; coupon: CouponRow; bookingId: string; email: string; bookingGuard: SQL },
) {
  const { coupon } = r;
  const room = [
    coupon.maxUses === null ? sql`1` : sql`${usesOf(coupon.id)} < ${coupon.maxUses}`,
    coupon.maxUsesPerClient === null
      ? sql`1`
      : sql`${usesOf(coupon.id, r.email)} < ${coupon.maxUsesPerClient}`,
  ];
  return insertSelect(
    db,
    couponRedemptions,
    { studioId: r.studioId, couponId: coupon.id, bookingId: r.bookingId, clientEmail: r.email },
    sql`where exists (select 1 from ${bookings} where ${bookings.id} = ${r.bookingId} and ${r.bookingGuard}) and ${sql.join(room, sql` and `)}`,
  );
}

/** The guard a discounted booking's write adds: its use of the code was just written. */
export const redeemed = (bookingId: string): SQL =>
  sql`exists (select 1 from ${couponRedemptions} where ${couponRedemptions.bookingId} = ${bookingId})`;

/** Whether any booking ever took the code (expired ones too: their rows name it). */
export async function couponEverRedeemed(db: Db, couponId: string): Promise<boolean> {
  const rows = await db
    .select({ id: couponRedemptions.id })
    .from(couponRedemptions)
    .where(eq(couponRedemptions.couponId, couponId))
    .limit(1);
  return rows.length > 0;
}

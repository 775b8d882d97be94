import { DomainError } from "./errors.ts";
import type { Discount } from "./pricing.ts";

/** A code as the studio set it up; uses are counted in the database (queries/coupons.ts). */
export type Coupon = {
  code: string;
  kind: "percent" | "amount";
  value: number;
  sessionTypeIds: string[] | null;
  startsAt: number | null;
  endsAt: number | null;
  maxUses: number | null;
  maxUsesPerClient: number | null;
};

/** Codes are matched without regard to case or surrounding spaces. */
export const normalCode = (code: string): string => code.trim().toUpperCase();

const refused = (code: ConstructorParameters<typeof DomainError>[0], message: string) =>
  new DomainError(code, message, { errors: [{ path: "couponCode", message }] });

export const unknownCoupon = () => refused("coupon_unknown", "There is no such code. Check its spelling.");
export const usedUp = () => refused("coupon_used_up", "This code has been used up.");
export const clientLimit = () =>
  refused("coupon_client_limit", "You have already used this code as many times as it allows.");

/**
 * Why a code cannot be taken for a booking of `sessionTypeId` at `now`, or null when it can. The
 * counts read here only give an early answer: the booking's batch counts again and is the judge.
 */
export function couponRefusal(
  c: Coupon,
  at: { sessionTypeId: string; now: number; uses: number; clientUses: number },
): DomainError | null {
  if (c.startsAt !== null && at.now < c.startsAt)
    return refused("coupon_not_yet_valid", "This code is not valid yet.");
  if (c.endsAt !== null && at.now >= c.endsAt) return refused("coupon_expired", "This code has expired.");
  if (c.sessionTypeIds && !c.sessionTypeIds.includes(at.sessionTypeId)) {
    return refused("coupon_not_for_session", "This code is not for this session.");
  }
  if (c.maxUses !== null && at.uses >= c.maxUses) return usedUp();
  if (c.maxUsesPerClient !== null && at.clientUses >= c.maxUsesPerClient) return clientLimit();
  return null;
}

export const discountFor = (c: Coupon): Discount => ({ code: c.code, kind: c.kind, value: c.value });

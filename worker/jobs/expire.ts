import { bookings } from "../../db/schema.ts";
import type { Db } from "../env.ts";
import { lapsed } from "../queries/bookings.ts";
import { abandonStaleCheckouts } from "../queries/payments.ts";
import { checkoutLifetimeMs } from "../services/stripe.ts";

/**
 * Marks lapsed holds and pending payments `expired` (reads already treat them as free; this keeps
 * the table honest), and Checkouts past their lifetime abandoned, in case Stripe's event never came.
 */
export async function expireLapsed(db: Db, now: number): Promise<void> {
  await db.batch([
    db.update(bookings).set({ status: "expired" }).where(lapsed(now)),
    abandonStaleCheckouts(db, now - checkoutLifetimeMs),
  ]);
}

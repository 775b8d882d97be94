import { eq } from "drizzle-orm";
import { bookings, clientLinks } from "../../db/schema.ts";
import { randomToken, sha256 } from "../domain/tokens.ts";
import type { Db } from "../env.ts";
import { insertIfLastChanged } from "./insert-select.ts";

/** A fresh link token for a booking and the insert that records its hash (for a batch). */
export async function newClientLink(db: Db, studioId: string, bookingId: string) {
  const token = randomToken("sbk_book");
  const insert = db.insert(clientLinks).values({ studioId, bookingId, tokenHash: await sha256(token) });
  return { token, insert };
}

/** The same, recorded only if the batch's previous statement changed one row (see insert-select.ts). */
export async function newClientLinkIfLastChanged(db: Db, studioId: string, bookingId: string, now: number) {
  const token = randomToken("sbk_book");
  const insert = insertIfLastChanged(db, clientLinks, {
    studioId,
    bookingId,
    tokenHash: await sha256(token),
    createdAt: now,
  });
  return { token, insert };
}

/** The booking a client's link token opens, or null. */
export async function bookingByClientToken(db: Db, token: string) {
  const [row] = await db
    .select({ booking: bookings })
    .from(clientLinks)
    .innerJoin(bookings, eq(bookings.id, clientLinks.bookingId))
    .where(eq(clientLinks.tokenHash, await sha256(token)));
  return row?.booking ?? null;
}

import { and, eq, type SQL, sql } from "drizzle-orm";
import { clientCredits } from "../../db/schema.ts";
import type { Db } from "../env.ts";
import { insertIfLastChanged } from "./insert-select.ts";

/** A client's credit with the studio in one currency, in SQL: the sum of their ledger. */
// Aliased and spelled out: drizzle leaves columns unqualified inside sql``, which a join makes ambiguous.
export const creditBalanceSql = (studioId: string, email: string, currency: string): SQL =>
  sql`coalesce((select sum(credit.amount_cents) from client_credits credit
    join clients owner on owner.id = credit.client_id
    where owner.studio_id = ${studioId} and owner.email = ${email} and credit.currency = ${currency}), 0)`;

/** The credit a client (by email) holds with a studio, in a currency. */
export async function creditOf(db: Db, studioId: string, email: string, currency: string): Promise<number> {
  const [row] = await db
    .select({ balance: creditBalanceSql(studioId, email, currency) })
    .from(sql`(select 1)`);
  return Number(row?.balance ?? 0);
}

/** A ledger row (credit kept, or credit spent when negative), written if the statement before changed a row. */
export const creditEntryIfLastChanged = (
  db: Db,
  entry: {
    studioId: string;
    clientId: string | SQL;
    bookingId: string;
    amountCents: number;
    currency: string;
    now: number;
  },
) =>
  insertIfLastChanged(db, clientCredits, {
    studioId: entry.studioId,
    clientId: entry.clientId,
    bookingId: entry.bookingId,
    amountCents: entry.amountCents,
    currency: entry.currency,
    createdAt: entry.now,
  });

/** A client's ledger, newest last. */
export const creditsOfClient = (db: Db, studioId: string, clientId: string) =>
  db
    .select()
    .from(clientCredits)
    .where(and(eq(clientCredits.studioId, studioId), eq(clientCredits.clientId, clientId)))
    .orderBy(clientCredits.createdAt);

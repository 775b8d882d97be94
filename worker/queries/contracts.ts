import { and, desc, eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { contracts } from "../../db/schema.ts";
import type { Contract } from "../domain/contract.ts";
import type { Db } from "../env.ts";

/** The latest version of a type's contract, empty text included (its number says what comes next). */
export async function latestContract(db: Db, studioId: string, sessionTypeId: string) {
  const [row] = await db
    .select()
    .from(contracts)
    .where(and(eq(contracts.studioId, studioId), eq(contracts.sessionTypeId, sessionTypeId)))
    .orderBy(desc(contracts.version))
    .limit(1);
  return row ?? null;
}

/** For a read batch: the latest contract version of the type(s) `typeIds` selects. */
export const latestContractOf = (db: Db, typeIds: SQLWrapper) =>
  db
    .select()
    .from(contracts)
    .where(inArray(contracts.sessionTypeId, typeIds as SQL))
    .orderBy(desc(contracts.version))
    .limit(1);

/** A type's contract in force, from its latest version: none when that version removed it. */
export const inForce = (latest: Contract | null | undefined): Contract | null =>
  latest && latest.text !== "" ? latest : null;

/** The contract a type's clients sign now; null when it has none. */
export const contractInForce = async (db: Db, studioId: string, sessionTypeId: string) =>
  inForce(await latestContract(db, studioId, sessionTypeId));

/**
 * SQL true while the type's contract in force is still `contractId` (null: still none), for the
 * booking's guarded update: a contract edited while the client read it signs nothing.
 */
export const contractStillInForce = (sessionTypeId: string, contractId: string | null): SQL =>
  sql`coalesce((select case when ${contracts.text} = '' then null else ${contracts.id} end from ${contracts} where ${contracts.sessionTypeId} = ${sessionTypeId} order by ${contracts.version} desc limit 1), '') = ${contractId ?? ""}`;

export const contractRows = {
  /** A version of a type's contract: written once, never changed. */
  insert: (db: Db, row: typeof contracts.$inferInsert) => db.insert(contracts).values(row),
  /** Every version of a type's contract, for deleting the type. */
  deleteOf: (db: Db, studioId: string, sessionTypeId: string) =>
    db
      .delete(contracts)
      .where(and(eq(contracts.studioId, studioId), eq(contracts.sessionTypeId, sessionTypeId))),
};

import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { bookings, contracts, packages, sessions, sessionTypes } from "../../db/schema.ts";
import type { Contract } from "../domain/contract.ts";
import type { Db } from "../env.ts";
import { inForce } from "./contracts.ts";

export type SessionTypeRow = typeof sessionTypes.$inferSelect;
export type PackageRow = typeof packages.$inferSelect;
/** A type with its packages and the contract its clients sign now (null: none). */
export type SessionTypeWithPackages = SessionTypeRow & { packages: PackageRow[]; contract: Contract | null };

const contractsOf = (db: Db, where: ReturnType<typeof eq>) =>
  db.select().from(contracts).where(where).orderBy(desc(contracts.version));

export async function listSessionTypes(db: Db, studioId: string): Promise<SessionTypeWithPackages[]> {
  const [types, pkgs, versions] = await db.batch([
    db.select().from(sessionTypes).where(eq(sessionTypes.studioId, studioId)).orderBy(asc(sessionTypes.name)),
    db
      .select()
      .from(packages)
      .where(eq(packages.studioId, studioId))
      .orderBy(asc(packages.position), asc(packages.name)),
    contractsOf(db, eq(contracts.studioId, studioId)),
  ]);
  return types.map((t) => ({
    ...t,
    packages: pkgs.filter((p) => p.sessionTypeId === t.id),
    contract: inForce(versions.find((c) => c.sessionTypeId === t.id)),
  }));
}

export async function getSessionType(
  db: Db,
  studioId: string,
  id: string,
): Promise<SessionTypeWithPackages | null> {
  const [types, pkgs, versions] = await db.batch([
    db
      .select()
      .from(sessionTypes)
      .where(and(eq(sessionTypes.studioId, studioId), eq(sessionTypes.id, id))),
    db
      .select()
      .from(packages)
      .where(and(eq(packages.studioId, studioId), eq(packages.sessionTypeId, id)))
      .orderBy(asc(packages.position)),
    contractsOf(
      db,
      and(eq(contracts.studioId, studioId), eq(contracts.sessionTypeId, id)) as ReturnType<typeof eq>,
    ),
  ]);
  const type = types[0];
  return type ? { ...type, packages: pkgs, contract: inForce(versions[0]) } : null;
}

export async function sessionTypeInUse(db: Db, studioId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.studioId, studioId), eq(sessions.sessionTypeId, id)))
    .limit(1);
  return rows.length > 0;
}

/** Package ids that a session or a booking names; those cannot be removed from their type. */
export async function packagesInUse(db: Db, studioId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const [bySession, byBooking] = await db.batch([
    db
      .select({ id: sessions.packageId })
      .from(sessions)
      .where(and(eq(sessions.studioId, studioId), inArray(sessions.packageId, ids))),
    db
      .select({ id: bookings.packageId })
      .from(bookings)
      .where(and(eq(bookings.studioId, studioId), inArray(bookings.packageId, ids))),
  ]);
  return new Set([...bySession, ...byBooking].map((r) => r.id).filter((id): id is string => id !== null));
}

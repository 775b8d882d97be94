import { and, eq, gt, lte } from "drizzle-orm";
import { adminLogins, studios } from "../../../db/schema.ts";
import { randomToken, sha256 } from "../../domain/tokens.ts";
import type { Db, Studio } from "../../env.ts";

/*
 * A signed-in browser holds a random token; the database keeps only its SHA-256, with the
 * login's CSRF token and expiry.
 */
export const loginMs = 12 * 3600_000;

/** The writes that sign a studio in (for a batch), and the token to hand the browser. */
export async function newLogin(db: Db, studioId: string, now: number) {
  const token = randomToken("sbk_login");
  const writes = [
    db.insert(adminLogins).values({
      studioId,
      tokenHash: await sha256(token),
      csrfToken: randomToken("sbk_csrf"),
      expiresAt: now + loginMs,
    }),
    // Signing in is a good moment to forget this studio's expired logins.
    db.delete(adminLogins).where(and(eq(adminLogins.studioId, studioId), lte(adminLogins.expiresAt, now))),
  ] as const;
  return { token, writes };
}

export type Login = { id: string; csrfToken: string };

/** The live login a browser's token names, and its studio, or null. */
export async function loginByToken(
  db: Db,
  token: string,
  now: number,
): Promise<{ login: Login; studio: Studio } | null> {
  const [row] = await db
    .select({ id: adminLogins.id, csrfToken: adminLogins.csrfToken, studio: studios })
    .from(adminLogins)
    .innerJoin(studios, eq(studios.id, adminLogins.studioId))
    .where(and(eq(adminLogins.tokenHash, await sha256(token)), gt(adminLogins.expiresAt, now)))
    .limit(1);
  return row ? { login: { id: row.id, csrfToken: row.csrfToken }, studio: row.studio } : null;
}

export const endLogin = (db: Db, loginId: string) =>
  db.delete(adminLogins).where(eq(adminLogins.id, loginId));

/** Every login of a studio, ended when its password is set anew. */
export const endAllLogins = (db: Db, studioId: string) =>
  db.delete(adminLogins).where(eq(adminLogins.studioId, studioId));

import { and, eq, gt, lte } from "drizzle-orm";
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { adminLogins, studios } from "../../../db/schema.ts";
import { randomToken, sha256 } from "../../domain/tokens.ts";
import type { Db, Studio } from "../../env.ts";
import type { AdminEnv, Login } from "../env.ts";

/*
 * A signed-in browser holds a random token in an HttpOnly cookie; the database keeps only its
 * SHA-256, with the login's CSRF token and expiry. (A `__Host-` name would need https even on
 * localhost, so the name is plain.)
 */
const cookieName = "spotbook_admin";
const loginMs = 12 * 3600_000;

/** The writes that sign a studio in (for a batch), and the cookie token to hand the browser. */
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

export function setLoginCookie(c: Context<AdminEnv>, token: string): void {
  setCookie(c, cookieName, token, {
    httpOnly: true,
    sameSite: "Strict",
    secure: new URL(c.req.url).protocol === "https:",
    path: "/",
    maxAge: loginMs / 1000,
  });
}

/** The live login and its studio named by the request's cookie, or null. */
export async function currentLogin(
  c: Context<AdminEnv>,
  now: number,
): Promise<{ login: Login; studio: Studio } | null> {
  const token = getCookie(c, cookieName);
  if (!token) return null;
  const [row] = await c.var.db
    .select({ id: adminLogins.id, csrfToken: adminLogins.csrfToken, studio: studios })
    .from(adminLogins)
    .innerJoin(studios, eq(studios.id, adminLogins.studioId))
    .where(and(eq(adminLogins.tokenHash, await sha256(token)), gt(adminLogins.expiresAt, now)))
    .limit(1);
  return row ? { login: { id: row.id, csrfToken: row.csrfToken }, studio: row.studio } : null;
}

export async function endLogin(c: Context<AdminEnv>, login: Login): Promise<void> {
  await c.var.db.delete(adminLogins).where(eq(adminLogins.id, login.id));
  deleteCookie(c, cookieName, { path: "/", secure: new URL(c.req.url).protocol === "https:" });
}

/** Every login of a studio, ended when its password is set anew. */
export const endAllLogins = (db: Db, studioId: string) =>
  db.delete(adminLogins).where(eq(adminLogins.studioId, studioId));

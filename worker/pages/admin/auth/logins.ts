import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import {
  endLogin as endLoginRow,
  type Login,
  loginByToken,
  loginMs,
} from "../../../actions/sign-in/logins.ts";
import type { Studio } from "../../../env.ts";
import type { AdminEnv } from "../env.ts";

/* The login's token rides in an HttpOnly cookie. (A `__Host-` name would need https even on localhost.) */
const cookieName = "spotbook_admin";

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
  return token ? loginByToken(c.var.db, token, now) : null;
}

export async function endLogin(c: Context<AdminEnv>, login: Login): Promise<void> {
  await endLoginRow(c.var.db, login.id);
  deleteCookie(c, cookieName, { path: "/", secure: new URL(c.req.url).protocol === "https:" });
}

import { createMiddleware } from "hono/factory";
import { HTTPException } from "hono/http-exception";
import { sameSecret } from "../../../domain/tokens.ts";
import type { AdminEnv } from "../env.ts";
import { paths } from "../paths.ts";
import { currentLogin } from "./logins.ts";

/** Pages past this point need a signed-in studio; others are sent to sign in. */
export const requireLogin = createMiddleware<AdminEnv>(async function requireLogin(c, next) {
  const found = await currentLogin(c, Date.now());
  if (!found) return c.redirect(paths.signIn, 303);
  c.set("login", found.login);
  c.set("studio", found.studio);
  await next();
});

/**
 * Every POST of a signed-in browser carries its login's CSRF token (the Origin check runs before,
 * for every POST): SameSite cookies alone do not cover older browsers or same-site attackers.
 */
export const requireCsrfToken = createMiddleware<AdminEnv>(async function requireCsrfToken(c, next) {
  if (c.req.method === "POST") {
    const sent = (await c.req.parseBody())._csrf;
    const expected = c.var.login?.csrfToken;
    if (typeof sent !== "string" || !expected || !(await sameSecret(sent, expected))) {
      throw new HTTPException(403, { message: "The form's security token is missing or out of date." });
    }
  }
  await next();
});

import { createMiddleware } from "hono/factory";
import { studioForAdminToken } from "../actions/studios.ts";
import { DomainError } from "../domain/errors.ts";
import { sameSecret } from "../domain/tokens.ts";
import type { HonoEnv } from "../env.ts";

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Admin JSON API: the bearer token names the studio every query is scoped to. */
export const adminAuth = createMiddleware<HonoEnv>(async function adminAuth(c, next) {
  c.set("studio", await studioForAdminToken(c.var.db, bearerToken(c.req.header("authorization"))));
  await next();
});

/** Studio creation: only whoever holds the deployment's operator token. */
export const operatorAuth = createMiddleware<HonoEnv>(async function operatorAuth(c, next) {
  const token = bearerToken(c.req.header("authorization"));
  const expected = c.env.OPERATOR_TOKEN;
  if (!token || !expected || !(await sameSecret(token, expected))) {
    throw new DomainError("unauthorized", "Creating a studio takes the operator token.");
  }
  await next();
});

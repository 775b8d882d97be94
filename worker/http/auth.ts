import { createMiddleware } from "hono/factory";
import { sameSecret } from "../domain/tokens.ts";
import type { HonoEnv } from "../env.ts";
import { studioByAdminToken } from "../queries/studios.ts";
import { ApiError } from "./problem.ts";

export function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

const unauthorized = () =>
  new ApiError(401, "unauthorized", "Send a valid admin token as 'Authorization: Bearer <token>'.");

/** Admin JSON API: the bearer token names the studio every query is scoped to. */
export const adminAuth = createMiddleware<HonoEnv>(async function adminAuth(c, next) {
  const token = bearerToken(c.req.header("authorization"));
  if (!token) throw unauthorized();
  const studio = await studioByAdminToken(c.var.db, token);
  if (!studio) throw unauthorized();
  c.set("studio", studio);
  await next();
});

/** Studio creation: only whoever holds the deployment's operator token. */
export const operatorAuth = createMiddleware<HonoEnv>(async function operatorAuth(c, next) {
  const token = bearerToken(c.req.header("authorization"));
  const expected = c.env.OPERATOR_TOKEN;
  if (!token || !expected || !(await sameSecret(token, expected))) {
    throw new ApiError(401, "unauthorized", "Creating a studio takes the operator token.");
  }
  await next();
});

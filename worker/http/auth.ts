import { eq } from "drizzle-orm";
import { createMiddleware } from "hono/factory";
import { adminTokens, studios } from "../../db/schema.ts";
import { sameSecret, sha256 } from "../domain/tokens.ts";
import type { HonoEnv } from "../env.ts";
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
  const [row] = await c.var.db
    .select({ studio: studios })
    .from(adminTokens)
    .innerJoin(studios, eq(studios.id, adminTokens.studioId))
    .where(eq(adminTokens.tokenHash, await sha256(token)))
    .limit(1);
  if (!row) throw unauthorized();
  c.set("studio", row.studio);
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

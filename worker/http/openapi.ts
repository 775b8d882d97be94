import { z } from "@hono/zod-openapi";
import { errorCodeList, errorCodes } from "../domain/errors.ts";
import { Id } from "../schemas/fields.ts";

/** What every route module needs to document itself: path parameters, bodies and problem answers. */

export const IdParam = z.object({ id: Id.openapi({ param: { name: "id", in: "path" } }) });

export const TokenParam = z.object({
  token: z
    .string()
    .max(100)
    .openapi({ param: { name: "token", in: "path" } }),
});

export const SlugParam = z.object({
  slug: z
    .string()
    .max(80)
    .openapi({ param: { name: "slug", in: "path" }, example: "fall-minis" }),
});

export const ProblemSchema = z
  .object({
    type: z.string(),
    status: z.number().int(),
    title: z.string(),
    code: z.enum(errorCodeList as [string, ...string[]]).openapi({
      description: `One stable word per refusal: ${errorCodeList
        .map((code) => `\`${code}\` (${errorCodes[code][0]}, ${errorCodes[code][1].toLowerCase()})`)
        .join("; ")}.`,
    }),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

/** The problem answers a route may give, for its OpenAPI entry. */
export function problems(...statuses: number[]) {
  const descriptions: Record<number, string> = {
    400: "Malformed request",
    401: "Missing or wrong token",
    403: "This site is not allowed to use this studio's booking",
    404: "Not found (or another studio's)",
    409: "Conflict with the current state",
    410: "Gone",
    413: "Body too large",
    415: "Body is not JSON",
    422: "Validation failed",
    429: "Too many requests",
    503: "A service Spotbook needs is unavailable",
  };
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? "Error", content: problemContent }]),
  );
}

export const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { required: true, content: { "application/json": { schema } } },
});

export const adminSecurity = [{ adminToken: [] }];
export const holdSecurity = [{ holdToken: [] }];

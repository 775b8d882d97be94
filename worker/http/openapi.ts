import { type OpenAPIHono, type RouteConfig, z } from "@hono/zod-openapi";
import { type ErrorCode, errorCodeList, errorCodes } from "../domain/errors.ts";
import { Id } from "../schemas/fields.ts";

/** What every route module needs to document itself: path parameters, bodies and problem answers. */

export const IdParam = z.object({ id: Id.openapi(DOCUMENTED && { param: { name: "id", in: "path" } }) });

export const TokenParam = z.object({
  token: z
    .string()
    .max(100)
    .openapi(DOCUMENTED && { param: { name: "token", in: "path" } }),
});

export const SlugParam = z.object({
  slug: z
    .string()
    .max(80)
    .openapi(DOCUMENTED && { param: { name: "slug", in: "path" }, example: "fall-minis" }),
});

export const ProblemSchema =
  DOCUMENTED &&
  z
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

/** A problem of that status as the API answers it, with the first refusal code of that status. */
function problemExample(
  status: number,
  code = errorCodeList.find((c) => errorCodes[c][0] === status) ?? "internal_error",
): z.output<typeof ProblemSchema> {
  const title = errorCodes[code][1];
  const example = { type: "about:blank", status, title, code, detail: `${title}.` };
  return code === "validation_failed"
    ? { ...example, detail: "Enter a name.", errors: [{ path: "name", message: "Enter a name." }] }
    : example;
}

const problemContent = (status: number) => ({
  "application/problem+json": { schema: ProblemSchema, example: problemExample(status) },
});

const descriptions: Record<number, string> = {
  400: "Malformed request",
  401: "Missing or wrong token",
  403: "This site is not allowed to use this studio's booking",
  404: "Not found (or another studio's)",
  409: "Conflict with the current state",
  410: "Gone",
  413: "Body over 128 KB",
  415: "Body is not JSON",
  422: "Validation failed",
  429: "Too many requests",
  500: "Unexpected error",
  503: "A service Spotbook needs is unavailable",
};

/**
 * The problem answers a route may give for its own reasons (404, 409, 410, 429, 503, a
 * signature's 400), for its OpenAPI entry. Those that follow from the operation's shape are added
 * to every operation by `documentShapeProblems`.
 */
export function problems(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: descriptions[s] ?? "Error", content: problemContent(s) }]),
  );
}

/** A status whose refusals a client tells apart: named in its description, the first one as the example. */
export function problemCodes(status: number, codes: readonly [ErrorCode, ...ErrorCode[]]) {
  return {
    [status]: {
      description: `${descriptions[status] ?? "Error"}: ${codes.map((c) => `\`${c}\``).join(", ")}`,
      content: {
        "application/problem+json": { schema: ProblemSchema, example: problemExample(status, codes[0]) },
      },
    },
  };
}

/**
 * The statuses an operation can answer whatever its handler does, from its shape and the
 * middleware in front of every /v1 route (worker/index.ts): a body over 128 KB on any method that
 * carries one (413), a body that is not JSON on POST, PATCH and PUT (415), broken JSON (400) and
 * invalid fields (422) where a JSON body is read, too-long or invalid path parameters and query
 * strings (422), a missing or wrong token where a security scheme is required (401), another site than
 * the studio allows on the public booking paths (403), and the unexpected (500).
 */
export function shapeStatuses(route: RouteConfig, publicPaths: readonly string[]): number[] {
  const statuses = new Set([500]);
  const method = route.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") statuses.add(413);
  if (method === "POST" || method === "PATCH" || method === "PUT") statuses.add(415);
  if (route.request?.body?.content["application/json"]) {
    statuses.add(400);
    statuses.add(422);
  }
  if (route.request?.params || route.request?.query) statuses.add(422);
  // A token that may be left out (an empty alternative, as booking a hold by its id) is never 401.
  const security = route.security ?? [];
  if (security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0)) {
    statuses.add(401);
  }
  if (publicPaths.some((prefix) => route.path === prefix || route.path.startsWith(`${prefix}/`))) {
    statuses.add(403);
  }
  return [...statuses];
}

/**
 * Adds to every registered operation the problem answers that follow from its shape, after all
 * routes are mounted: one rule for all, so no operation can forget one. A status the route lists
 * itself keeps its own description.
 */
export function documentShapeProblems(
  registry: OpenAPIHono["openAPIRegistry"],
  publicPaths: readonly string[],
): void {
  for (const definition of registry.definitions) {
    if (definition.type !== "route") continue;
    const route = definition.route;
    // Integer keys keep ascending order in an object, so the document lists statuses in order.
    route.responses = { ...problems(...shapeStatuses(route, publicPaths)), ...route.responses };
  }
}

/** An answer's JSON, with the example the docs show (typed as the answer, checked by the tests). */
export const json = <T extends z.ZodType>(schema: T, example: z.output<T>) => ({
  content: { "application/json": { schema, example } },
});

/**
 * A request's JSON body, with the example the docs show and "Try it" sends, given as
 * `DOCUMENTED && example`: the body's schema validates in the Worker, its example is only the document's.
 */
export const jsonBody = <T extends z.ZodType>(schema: T, example: z.input<T>) => ({
  body: { required: true, content: { "application/json": { schema, example } } },
});

export const adminSecurity = [{ adminToken: [] }];
export const holdSecurity = [{ holdToken: [] }];

import { OpenAPIHono } from "@hono/zod-openapi";
import { DomainError } from "../domain/errors.ts";
import type { HonoEnv } from "../env.ts";
import { validationError } from "../schemas/validate.ts";
import { handleError, problem } from "./problem.ts";

/**
 * Builds a router with the shared validation hook and error handler, so every resource module
 * answers bad input with the same problem body and handlers read only `c.req.valid(...)`.
 */
export function createRouter() {
  return new OpenAPIHono<HonoEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, result.target);
    },
  });
}

export function createApp() {
  const app = createRouter();
  app.onError(handleError);
  // Answered, not thrown: a path no route matches has only the app-wide middleware around it, and
  // Hono hands an error thrown there straight to the error handler, past that middleware's headers.
  app.notFound((c) => problem(c, new DomainError("not_found", "There is nothing at this address.")));
  return app;
}

export type App = ReturnType<typeof createApp>;

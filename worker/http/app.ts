import { OpenAPIHono } from "@hono/zod-openapi";
import type { HonoEnv } from "../env.ts";
import { ApiError, handleError } from "./problem.ts";

/**
 * Builds a router with the shared validation hook and error handler, so every resource module
 * answers bad input with the same problem body and handlers read only `c.req.valid(...)`.
 */
export function createRouter() {
  return new OpenAPIHono<HonoEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.map((issue) => ({
          path: issue.path.map(String).join(".") || result.target,
          message: issue.message,
        }));
        const first = errors[0];
        throw new ApiError(
          422,
          "validation_failed",
          first ? `${first.path}: ${first.message}` : "The request is not valid.",
          errors,
        );
      }
    },
  });
}

export function createApp() {
  const app = createRouter();
  app.onError(handleError);
  app.notFound(() => {
    throw new ApiError(404, "not_found", "There is nothing at this address.");
  });
  return app;
}

export type App = ReturnType<typeof createApp>;

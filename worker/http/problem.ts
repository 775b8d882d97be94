import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError, type ErrorCode, titleOf } from "../domain/errors.ts";

/** A refusal as `application/problem+json`: status, title, code, detail and field errors. */
export function problem(c: Context, error: DomainError): Response {
  return c.body(
    JSON.stringify({
      type: "about:blank",
      status: error.status,
      title: titleOf(error.code),
      code: error.code,
      detail: error.detail,
      ...(error.errors ? { errors: error.errors } : {}),
    }),
    error.status as ContentfulStatusCode,
    { "content-type": "application/problem+json" },
  );
}

/** The one error handler: ours, Hono's, then the unknown (logged, never echoed). */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof DomainError) return problem(c, err);
  if (err instanceof HTTPException) {
    const code: ErrorCode =
      err.status === 401 ? "unauthorized" : err.status === 413 ? "payload_too_large" : "malformed_request";
    return problem(c, new DomainError(code, err.message || titleOf(code)));
  }
  console.error("unhandled error", err);
  return problem(c, new DomainError("internal_error", "An unexpected error occurred. Please try again."));
}

import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Stable machine words for every error the API answers; integrators switch on these. */
export const problemCodes = [
  "validation_failed",
  "malformed_request",
  "unsupported_media_type",
  "unauthorized",
  "forbidden",
  "not_found",
  "conflict",
  "spot_taken",
  "hold_expired",
  "already_confirmed",
  "already_exists",
  "session_type_in_use",
  "wrong_classification",
  "package_required",
  "no_balance_due",
  "payments_unavailable",
  "invalid_signature",
  "rate_limited",
  "payload_too_large",
  "internal_error",
] as const;
export type ProblemCode = (typeof problemCodes)[number];

export type FieldError = { path: string; message: string };

const titles: Record<ProblemCode, string> = {
  validation_failed: "Some fields need attention",
  malformed_request: "The request body is not valid JSON",
  unsupported_media_type: "Send the body as application/json",
  unauthorized: "Sign-in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  conflict: "Conflict",
  spot_taken: "That spot was just taken",
  hold_expired: "The hold on this spot has expired",
  already_confirmed: "Already confirmed",
  already_exists: "Already exists",
  session_type_in_use: "Session type in use",
  wrong_classification: "Wrong classification",
  package_required: "Choose a package",
  no_balance_due: "No balance due",
  payments_unavailable: "Online payment is not set up",
  invalid_signature: "The signature does not match",
  rate_limited: "Too many requests",
  payload_too_large: "Request too large",
  internal_error: "Something went wrong",
};

/** An error the API answers on purpose: thrown anywhere, turned into a problem body once. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: FieldError[],
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export const notFound = (what: string) => new ApiError(404, "not_found", `No ${what} with that id here.`);

export const invalid = (path: string, message: string) =>
  new ApiError(422, "validation_failed", message, [{ path, message }]);

export function problem(c: Context, error: ApiError): Response {
  return c.body(
    JSON.stringify({
      type: "about:blank",
      status: error.status,
      title: titles[error.code],
      code: error.code,
      detail: error.detail,
      ...(error.errors ? { errors: error.errors } : {}),
    }),
    error.status,
    { "content-type": "application/problem+json" },
  );
}

/** The one error handler: ours, Hono's, then the unknown (logged, never echoed). */
export function handleError(err: Error, c: Context): Response {
  if (err instanceof ApiError) return problem(c, err);
  if (err instanceof HTTPException) {
    const code: ProblemCode =
      err.status === 401 ? "unauthorized" : err.status === 413 ? "payload_too_large" : "malformed_request";
    return problem(c, new ApiError(err.status as ContentfulStatusCode, code, err.message || titles[code]));
  }
  console.error("unhandled error", err);
  return problem(c, new ApiError(500, "internal_error", "An unexpected error occurred. Please try again."));
}

import type { z } from "@hono/zod-openapi";
import { DomainError } from "../domain/errors.ts";

/** A failed parse as the one refusal both the JSON API and the admin forms answer. */
export function validationError(error: z.ZodError, target: string): DomainError {
  const errors = error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || target,
    message: issue.message,
  }));
  const first = errors[0];
  return new DomainError(
    "validation_failed",
    first ? `${first.path}: ${first.message}` : "The request is not valid.",
    { errors },
  );
}

/** The input as the schema reads it, or the refusal that says which fields need attention. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, "body");
  return result.data;
}

import * as v from "valibot";
import type { ApiProblem } from "./api.ts";
import { t } from "./i18n.ts";

/** The form fields a visitor fills in; API error paths (`client.email`) are mapped onto these. */
const fields = ["name", "email", "phone", "packageId", "people", "couponCode"] as const;
export type Field = (typeof fields)[number];
export type FieldErrors = Partial<Record<Field, string>>;

type FormSchema = v.GenericSchema<Record<string, unknown>, Record<string, string>>;

/** Checks a submitted form against a schema: its values, or a message for each field that failed. */
export function readForm<S extends FormSchema>(
  schema: S,
  form: HTMLFormElement,
): { values: v.InferOutput<S> } | { errors: FieldErrors } {
  const result = v.safeParse(schema, Object.fromEntries(new FormData(form)));
  if (result.success) return { values: result.output };
  const errors: FieldErrors = {};
  for (const issue of result.issues) {
    const field = fields.find((f) => f === issue.path?.[0]?.key);
    if (field) errors[field] ??= issue.message;
  }
  return { errors };
}

/** The API's 422 errors (`client.email`, `packageId`) on the fields they are about. */
export function fieldErrors(problem: ApiProblem): FieldErrors {
  const errors: FieldErrors = {};
  for (const { path, message } of problem.errors) {
    const field = fields.find((f) => path === f || path === `client.${f}`);
    if (field) errors[field] ??= message;
  }
  if (problem.code === "package_required") errors.packageId ??= t("packageRequired");
  return errors;
}

/** A selector for the first field with an error, to move focus there. */
export const firstInvalid = (errors: FieldErrors) => {
  const field = fields.find((f) => errors[f]);
  return field && `[name="${field}"]`;
};

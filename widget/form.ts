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

/* What the visitor types, with the messages shown next to each field. */

// A radio group with nothing chosen is missing from the form data altogether.
// Messages as functions: valibot asks for them when a field fails, in the visitor's language then.
const tooLong = () => t("tooLong");
const required = (message: () => string) => v.pipe(v.nullish(v.string(), ""), v.trim(), v.nonEmpty(message));

export const ClientInput = v.object({
  name: v.pipe(
    required(() => t("nameRequired")),
    v.maxLength(200, tooLong),
  ),
  email: v.pipe(
    required(() => t("emailRequired")),
    v.email(() => t("emailInvalid")),
    v.maxLength(254, tooLong),
  ),
  phone: v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(40, tooLong),
    v.regex(/^[+\d\s().-]*$/, () => t("phoneInvalid")),
  ),
  packageId: v.nullish(v.string(), ""),
});

export const PackageChoice = required(() => t("packageRequired"));

/** The details form when the visitor has to choose a package. */
export const ClientWithPackage = v.object({ ...ClientInput.entries, packageId: PackageChoice });

/** The waitlist form: name and email (the days that suit are read apart, as checkboxes). */
export const WaitlistInput = v.object({ name: ClientInput.entries.name, email: ClientInput.entries.email });

export type ClientInput = v.InferOutput<typeof ClientInput>;

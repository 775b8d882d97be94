import type { Context } from "hono";
import type { DomainError } from "../../domain/errors.ts";
import { minorUnitsPerMajor } from "../../domain/money.ts";

/** What a form shows: the text as typed, and messages by field name (or one for the whole form). */
export type FormValues = Record<string, string>;
export type FormState = { values: FormValues; errors: Record<string, string>; message?: string };

export const formOf = (values: FormValues = {}): FormState => ({ values, errors: {} });

const decimalsOf = (currency: string) => Math.round(Math.log10(minorUnitsPerMajor(currency)));

/** The id of a field's input; its error and hint hang off it for aria-describedby. */
export const fieldId = (name: string) => `f-${name.replace(/\./g, "-")}`;

/** The rows of list `list` a form sent (`list.N.field`); two digits at most, so a forged form cannot ask for millions. */
export const rowsNamed = (values: FormValues, list: string): number[] =>
  [
    ...new Set(
      Object.keys(values).flatMap((key) => new RegExp(`^${list}\\.(\\d{1,2})\\.`).exec(key)?.[1] ?? []),
    ),
  ]
    .map(Number)
    .sort((a, b) => a - b);

export async function readForm(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

/**
 * Turns typed text into the API's values. Text that does not convert is sent as typed, so the API
 * still judges every field; when it refuses one, the form says what it wanted (a hint) instead
 * of "expected number, received string".
 */
export class Converter {
  readonly hints: Record<string, string> = {};
  constructor(readonly values: FormValues) {}

  text(name: string): string {
    return this.values[name] ?? "";
  }

  /** Optional text: blank is left out. */
  optional(name: string): string | undefined {
    return this.text(name).trim() || undefined;
  }

  checked(name: string): boolean {
    return this.values[name] === "on";
  }

  /** Text the form needs (a date, a select's choice): blank gets the hint rather than a format rule. */
  required(name: string, hint: string): string {
    const value = this.text(name);
    if (!value) this.hints[name] = hint;
    return value;
  }

  whole(name: string, hint: string): number | string {
    const typed = this.text(name).trim();
    if (/^\d{1,9}$/.test(typed)) return Number(typed);
    this.hints[name] = hint;
    return typed;
  }

  /**
   * A percentage with up to two decimals ("8.25") as basis points (825). A sign is let through so
   * the API's own range rule answers "-1"; other text gets the hint.
   */
  basisPoints(name: string, hint: string): number | string {
    const typed = this.text(name).trim();
    if (/^-?\d{1,9}(\.\d{0,2})?$/.test(typed)) return Math.round(Number(typed) * 100);
    this.hints[name] = hint;
    return typed;
  }

  /** An amount typed in major units ("150.00") as minor units; blank is left out (or, if required, refused). */
  money(name: string, currency: string, required?: string): number | string | undefined {
    const typed = this.text(name).trim();
    if (!typed) {
      if (required) this.hints[name] = required;
      return undefined;
    }
    const decimals = decimalsOf(currency);
    const shape = decimals > 0 ? new RegExp(`^\\d{1,9}(\\.\\d{0,${decimals}})?$`) : /^\d{1,9}$/;
    if (shape.test(typed)) return Math.round(Number(typed) * minorUnitsPerMajor(currency));
    this.hints[name] =
      decimals > 0 ? `Enter an amount such as 150.${"0".repeat(decimals)}.` : "Enter a whole amount.";
    return typed;
  }
}

/** The form again after the API refused it: its messages next to the fields that caused them. */
export function refusedForm(
  error: DomainError,
  typed: Converter,
  fieldFor: (apiPath: string) => string = (path) => path,
): FormState {
  const errors: Record<string, string> = {};
  for (const { path, message } of error.errors ?? []) {
    const field = fieldFor(path);
    errors[field] ??= typed.hints[field] ?? message;
  }
  return { values: typed.values, errors, ...(error.errors?.length ? {} : { message: error.detail }) };
}

/** An amount in minor units as the form shows it, in major units ("150.00"). */
export const formatAmount = (cents: number, currency: string): string =>
  (cents / minorUnitsPerMajor(currency)).toFixed(decimalsOf(currency));

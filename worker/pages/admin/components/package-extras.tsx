import type { FC } from "hono/jsx";
import type { AddOn } from "../../../domain/pricing.ts";
import { addOnCeiling } from "../../../domain/pricing.ts";
import { type Converter, type FormState, type FormValues, formatAmount } from "../form.ts";
import { Checkbox, Field } from "./fields.tsx";

/*
 * A package's party size and add-ons, as one part of the package row: people included, the price
 * of each extra person and the most people; each add-on with its price and limit per booking.
 * The fields are `packages.N.…` and `packages.N.addOns.M.…`, the API's own names.
 */

/** Blank add-on rows offered under each package, for a form without script. */
const blankAddOns = 2;

const addOnRowsOf = (values: FormValues, row: number): number[] =>
  [
    ...new Set(
      Object.keys(values).flatMap(
        (key) => new RegExp(`^packages\\.${row}\\.addOns\\.(\\d{1,2})\\.`).exec(key)?.[1] ?? [],
      ),
    ),
  ]
    .map(Number)
    .sort((a, b) => a - b);

/** The form's values for a package's people and add-ons. */
export function packageExtrasValues(
  pkg: { peopleIncluded: number; extraPersonCents: number; maxPeople: number; addOns: AddOn[] },
  row: number,
  currency: string,
): FormValues {
  const values: FormValues = {
    [`packages.${row}.peopleIncluded`]: String(pkg.peopleIncluded),
    [`packages.${row}.extraPerson`]:
      pkg.extraPersonCents > 0 ? formatAmount(pkg.extraPersonCents, currency) : "",
    [`packages.${row}.maxPeople`]: String(pkg.maxPeople),
  };
  pkg.addOns.forEach((a, i) => {
    const field = (name: string) => `packages.${row}.addOns.${i}.${name}`;
    values[field("id")] = a.id;
    values[field("name")] = a.name;
    values[field("price")] = formatAmount(a.priceCents, currency);
    values[field("max")] = a.maxPerBooking === null ? "" : String(a.maxPerBooking);
  });
  return values;
}

/**
 * The API's people and add-ons of one package row; blank add-on rows and removed ones are left out,
 * and `addOnRow` maps the API's `addOns.M` back to the form's row.
 */
export function packageExtrasInput(typed: Converter, row: number, currency: string) {
  const field = (name: string) => `packages.${row}.${name}`;
  const sentAddOns: number[] = [];
  const addOns = addOnRowsOf(typed.values, row).flatMap((i) => {
    const addOn = (name: string) => field(`addOns.${i}.${name}`);
    const id = typed.optional(addOn("id"));
    const blank = ["name", "price", "max"].every((name) => !typed.text(addOn(name)).trim());
    if (typed.checked(addOn("remove")) || (!id && blank)) return [];
    sentAddOns.push(i);
    return [
      {
        ...(id && { id }),
        name: typed.text(addOn("name")),
        priceCents: typed.money(addOn("price"), currency, "Enter the add-on's price."),
        maxPerBooking: typed.optional(addOn("max"))
          ? typed.whole(addOn("max"), `Enter a whole number from 1 to ${addOnCeiling}, or leave it blank.`)
          : null,
      },
    ];
  });
  const people = (name: string, fallback: number) =>
    typed.optional(field(name)) ? typed.whole(field(name), "Enter a whole number of people.") : fallback;
  const peopleIncluded = people("peopleIncluded", 1);
  return {
    extras: {
      peopleIncluded,
      extraPersonCents: typed.money(field("extraPerson"), currency) ?? 0,
      maxPeople: people("maxPeople", typeof peopleIncluded === "number" ? peopleIncluded : 1),
      addOns,
    },
    /** The form field of an API path inside this package (`addOns.1.priceCents`, `extraPersonCents`). */
    fieldOf: (rest: string): string => {
      const [, i, name = ""] = /^addOns\.(\d+)\.(\w+)$/.exec(rest) ?? [];
      if (i !== undefined) {
        const names: Record<string, string> = { priceCents: "price", maxPerBooking: "max" };
        return field(`addOns.${sentAddOns[Number(i)] ?? i}.${names[name] ?? name}`);
      }
      return field(rest === "extraPersonCents" ? "extraPerson" : rest);
    },
  };
}

const AddOnRow: FC<{ form: FormState; row: number; i: number; currency: string }> = ({
  form,
  row,
  i,
  currency,
}) => {
  const name = (field: string) => `packages.${row}.addOns.${i}.${field}`;
  const existing = Boolean(form.values[name("id")]);
  return (
    <fieldset class="add-on-row">
      <legend>{existing ? `Add-on ${i + 1}` : `New add-on ${i + 1}`}</legend>
      {existing && <input type="hidden" name={name("id")} value={form.values[name("id")]} />}
      <Field form={form} name={name("name")} label="Add-on name" hint="Such as Extra images or Print 8×10." />
      <Field form={form} name={name("price")} label={`Add-on price (${currency})`} inputmode="decimal" />
      <Field
        form={form}
        name={name("max")}
        label="Most per booking (optional)"
        inputmode="numeric"
        hint={`Blank: up to ${addOnCeiling}.`}
      />
      {existing && <Checkbox form={form} name={name("remove")} label="Remove this add-on" />}
    </fieldset>
  );
};

/** People and add-ons of the package in row `row`: its own add-ons, then blank rows to add more. */
export const PackageExtras: FC<{ form: FormState; row: number; currency: string }> = ({
  form,
  row,
  currency,
}) => {
  const name = (field: string) => `packages.${row}.${field}`;
  const addOnRows = (addOnRowsOf(form.values, row).at(-1) ?? -1) + 1 + blankAddOns;
  const people = [
    ["peopleIncluded", "People included", "numeric", "How many people the price covers (blank: 1)."],
    [
      "extraPerson",
      `Price per extra person (${currency}, optional)`,
      "decimal",
      "Such as 20.00 per additional subject; blank: extra people cost nothing.",
    ],
    [
      "maxPeople",
      "Most people",
      "numeric",
      "The most people one booking may bring (blank: the people included).",
    ],
  ] as const;
  return (
    <>
      {people.map(([field, label, inputmode, hint]) => (
        <Field form={form} name={name(field)} label={label} inputmode={inputmode} hint={hint} />
      ))}
      {Array.from({ length: addOnRows }, (_, i) => (
        <AddOnRow form={form} row={row} i={i} currency={currency} />
      ))}
    </>
  );
};

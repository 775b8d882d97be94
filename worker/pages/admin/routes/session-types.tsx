import type { Context } from "hono";
import { Hono } from "hono";
import type { StudioContext } from "../../../actions/context.ts";
import {
  createSessionType,
  sessionTypeOf,
  sessionTypesOf,
  updateSessionType,
} from "../../../actions/session-types.ts";
import { studioContext } from "../../../middleware/context.ts";
import type { SessionTypeWithPackages } from "../../../queries/session-types.ts";
import { CreateSessionType, UpdateSessionType } from "../../../schemas/session-types.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import { packageExtrasInput, packageExtrasValues } from "../components/package-extras.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, type FormValues, formatAmount, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { SessionTypeFormPage, SessionTypesPage } from "../views/session-types.tsx";

export const sessionTypePages = new Hono<AdminEnv>();

/** Without a script to add rows, every form offers this many blank package rows. */
const blankRows = 3;

/** The package rows a form sent; two digits at most, so a forged form cannot ask for millions. */
const rowsOf = (values: FormValues): number[] =>
  [...new Set(Object.keys(values).flatMap((key) => /^packages\.(\d{1,2})\./.exec(key)?.[1] ?? []))]
    .map(Number)
    .sort((a, b) => a - b);

const apiPackageFields: Record<string, string> = { priceCents: "price", depositCents: "deposit" };
/** The package fields of its party size and add-ons (components/package-extras.tsx). */
const extraFields = new Set(["peopleIncluded", "extraPersonCents", "maxPeople", "addOns"]);

/**
 * The API's session type from the form. Blank rows and removed packages are not sent, so the
 * API's `packages.N` paths are mapped back to the rows they came from.
 */
function sessionTypeInput(typed: Converter, currency: string) {
  const sentRows: number[] = [];
  const extrasFields: ((rest: string) => string)[] = [];
  const packages = rowsOf(typed.values).flatMap((row) => {
    const field = (name: string) => `packages.${row}.${name}`;
    const id = typed.optional(field("id"));
    const blank = ["name", "price", "deposit", "description"].every(
      (name) => !typed.text(field(name)).trim(),
    );
    if (typed.checked(field("remove")) || (!id && blank)) return [];
    sentRows.push(row);
    const { extras, fieldOf } = packageExtrasInput(typed, row, currency);
    extrasFields.push(fieldOf);
    return [
      {
        ...(id && { id }),
        name: typed.text(field("name")),
        priceCents: typed.money(field("price"), currency, "Enter the price."),
        depositCents: typed.money(field("deposit"), currency),
        description: typed.text(field("description")),
        ...extras,
      },
    ];
  });
  const input = {
    name: typed.text("name"),
    classification: typed.text("classification"),
    durationMinutes: typed.whole("durationMinutes", "Enter the duration in whole minutes."),
    breakMinutes: typed.whole("breakMinutes", "Enter the break in whole minutes (0 for none)."),
    description: typed.text("description"),
    location: typed.text("location"),
    paymentReminder: typed.checked("paymentReminder"),
    paymentReminderDays: typed.whole("paymentReminderDays", "Enter a whole number of days."),
    active: typed.checked("active"),
    packages,
  };
  const fieldFor = (path: string) => {
    const [, index, name = "", rest = ""] = /^packages\.(\d+)\.(\w+)(\..+)?$/.exec(path) ?? [];
    if (index === undefined) return path;
    const extras = extrasFields[Number(index)];
    if (extras && extraFields.has(name)) return extras(`${name}${rest}`);
    return `packages.${sentRows[Number(index)] ?? index}.${apiPackageFields[name] ?? name}`;
  };
  return { input, fieldFor };
}

function valuesOf(type: SessionTypeWithPackages, currency: string): FormValues {
  const values: FormValues = {
    name: type.name,
    classification: type.classification,
    durationMinutes: String(type.durationMinutes),
    breakMinutes: String(type.breakMinutes),
    description: type.description,
    location: type.location,
    paymentReminderDays: String(type.paymentReminderDays),
    ...(type.paymentReminder && { paymentReminder: "on" }),
    ...(type.active && { active: "on" }),
  };
  type.packages.forEach((p, row) => {
    values[`packages.${row}.id`] = p.id;
    values[`packages.${row}.name`] = p.name;
    values[`packages.${row}.price`] = formatAmount(p.priceCents, currency);
    values[`packages.${row}.deposit`] = formatAmount(p.depositCents, currency);
    values[`packages.${row}.description`] = p.description;
    Object.assign(values, packageExtrasValues(p, row, currency));
  });
  return values;
}

function showForm(c: Context<AdminEnv>, form: FormState, action: string, rows: number) {
  const heading = action === paths.newSessionType ? "Create a Session Type" : "Edit Session Type";
  return c.render(
    <SessionTypeFormPage
      form={form}
      action={action}
      heading={heading}
      rows={rows}
      currency={c.var.studio.currency}
    />,
  );
}

/** Saves a new session type, or the one `id` names; a refusal shows the form again as typed. */
async function save(c: Context<AdminEnv>, action: string, id?: string) {
  const typed = new Converter(await readForm(c));
  const { input, fieldFor } = sessionTypeInput(typed, c.var.studio.currency);
  const flow = {
    done: () => withNotice(paths.sessionTypes, "session-type-saved"),
    refused: (form: FormState) => showForm(c, form, action, (rowsOf(typed.values).at(-1) ?? -1) + 1),
  };
  const act = (ctx: StudioContext) =>
    id === undefined
      ? createSessionType(ctx, parseInput(CreateSessionType, input))
      : updateSessionType(ctx, id, parseInput(UpdateSessionType, input));
  return submitForm(c, typed, act, flow, fieldFor);
}

sessionTypePages.get("/", async (c) => {
  const { studio } = c.var;
  const types = await sessionTypesOf(studioContext(c));
  return c.render(
    <SessionTypesPage
      types={types}
      currency={studio.currency}
      locale={studio.locale}
      notice={c.req.query("done")}
    />,
  );
});

sessionTypePages.get("/new", (c) => {
  const defaults = {
    classification: "single",
    durationMinutes: "60",
    breakMinutes: "0",
    paymentReminderDays: "3",
  };
  return showForm(c, formOf({ ...defaults, active: "on" }), paths.newSessionType, blankRows);
});
sessionTypePages.post("/new", (c) => save(c, paths.newSessionType));

sessionTypePages.get("/:id", async (c) => {
  const type = await sessionTypeOf(studioContext(c), c.req.param("id"));
  const form = formOf(valuesOf(type, c.var.studio.currency));
  return showForm(c, form, paths.sessionType(type.id), type.packages.length + blankRows);
});

sessionTypePages.post("/:id", (c) => {
  const id = c.req.param("id");
  return save(c, paths.sessionType(id), id);
});

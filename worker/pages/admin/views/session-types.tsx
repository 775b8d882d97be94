import type { FC } from "hono/jsx";
import { formatMoney } from "../../../domain/money.ts";
import type { SessionTypeWithPackages } from "../../../queries/session-types.ts";
import { Checkbox, ErrorSummary, Field, PostForm, SelectField, TextArea } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import { type FormState, fieldId } from "../form.ts";
import { classificationLabels } from "../format.ts";
import { paths } from "../paths.ts";

export const SessionTypesPage: FC<{
  types: SessionTypeWithPackages[];
  currency: string;
  locale: string;
  notice?: string;
}> = ({ types, currency, locale, notice }) => (
  <>
    <Heading text="Session Types" />
    <Notice code={notice} />
    <p>
      A session type sets how long its sessions last, the break between spots, and the packages clients
      choose.
    </p>
    <div class="actions">
      <a class="button" href={paths.newSessionType}>
        Create a Session Type
      </a>
    </div>
    {types.length === 0 ? (
      <p>No session types yet. Create one before you schedule a session.</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Classification</th>
            <th scope="col">Duration</th>
            <th scope="col">Break</th>
            <th scope="col">Packages</th>
            <th scope="col">Active</th>
          </tr>
        </thead>
        <tbody>
          {types.map((t) => (
            <tr>
              <td>
                <a href={paths.sessionType(t.id)}>{t.name}</a>
              </td>
              <td>{classificationLabels[t.classification]}</td>
              <td>{t.durationMinutes} min</td>
              <td>{t.breakMinutes} min</td>
              <td>
                {t.packages
                  .map((p) => `${p.name} (${formatMoney(p.priceCents, currency, locale)})`)
                  .join(", ")}
              </td>
              <td>{t.active ? "Yes" : "No"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);

/** One package's row; an existing package carries its id and can be removed. */
const PackageRow: FC<{ form: FormState; row: number; currency: string }> = ({ form, row, currency }) => {
  const name = (field: string) => `packages.${row}.${field}`;
  const existing = Boolean(form.values[name("id")]);
  return (
    <fieldset class="package-row">
      <legend>{existing ? `Package ${row + 1}` : `New package ${row + 1}`}</legend>
      {existing && <input type="hidden" name={name("id")} value={form.values[name("id")]} />}
      <Field form={form} name={name("name")} label="Package name" />
      <Field form={form} name={name("price")} label={`Price (${currency})`} inputmode="decimal" />
      <Field form={form} name={name("deposit")} label={`Deposit (${currency})`} inputmode="decimal" />
      <Field
        form={form}
        name={name("description")}
        label="Package description"
        hint="What the package includes; clients see it when they choose."
      />
      {existing && <Checkbox form={form} name={name("remove")} label="Remove this package" />}
    </fieldset>
  );
};

export const SessionTypeFormPage: FC<{
  form: FormState;
  action: string;
  heading: string;
  rows: number;
  currency: string;
}> = ({ form, action, heading, rows, currency }) => {
  const packagesError = form.errors.packages;
  return (
    <>
      <Heading text={heading} />
      <ErrorSummary form={form} />
      <PostForm action={action}>
        <Field form={form} name="name" label="Name" required />
        <SelectField
          form={form}
          name="classification"
          label="Classification"
          hint="Single: one client per session. Multi: many spots for many clients."
          choices={[
            { value: "single", label: "Single" },
            { value: "multi", label: "Multi" },
          ]}
        />
        <Field form={form} name="durationMinutes" label="Session Duration (minutes)" inputmode="numeric" />
        <Field
          form={form}
          name="breakMinutes"
          label="Break Between Sessions (minutes)"
          hint="Multi sessions: the pause between one spot and the next."
          inputmode="numeric"
        />
        <TextArea form={form} name="description" label="Description" />
        <Field
          form={form}
          name="location"
          label="Location"
          hint="Where these sessions usually take place; each new session starts with it."
        />
        <Checkbox form={form} name="paymentReminder" label="Send payment reminders" />
        <Field
          form={form}
          name="paymentReminderDays"
          label="Days before the session to remind"
          inputmode="numeric"
        />
        <Checkbox
          form={form}
          name="active"
          label="Active"
          hint="Only active session types are offered for new sessions."
        />
        <fieldset id={fieldId("packages")} aria-describedby={packagesError ? "packages-error" : undefined}>
          <legend>Packages</legend>
          <p class="hint">Fill in a blank row to add a package; blank rows are ignored.</p>
          {packagesError && (
            <p id="packages-error" class="error">
              {packagesError}
            </p>
          )}
          {Array.from({ length: rows }, (_, row) => (
            <PackageRow form={form} row={row} currency={currency} />
          ))}
        </fieldset>
        <button type="submit">Save Session Type</button>
      </PostForm>
      {action !== paths.newSessionType && (
        <p>
          <a href={`${action}/emails`}>Choose the emails of this session type's sessions</a>
          {" · "}
          <a href={`${action}/questions`}>Questions and contract for its clients</a>
        </p>
      )}
      <p>
        <a href={paths.sessionTypes}>Back to Session Types</a>
      </p>
    </>
  );
};

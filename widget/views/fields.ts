import { html, nothing } from "lit";
import type { Field, FieldErrors } from "../form.ts";
import { t } from "../i18n.ts";

/* The fields of the forms a visitor fills in, each with its label and its error. */

export const errorId = (name: string) => `${name}-error`;

/** A field's error under it, named `<field>-error` for its aria-describedby. */
export const renderFieldError = (name: string, error: string | undefined) =>
  error ? html`<p class="field-error" part="error" id=${errorId(name)}>${error}</p>` : nothing;

/** A text input with its label and error; `autocomplete` is the browser's hint. */
export function renderField(
  name: Field,
  label: string,
  type: string,
  autocomplete: string,
  value: string,
  error: string | undefined,
  required = false,
) {
  return html`
    <div class="field" part="field">
      <label part="label" for=${name}>${label}</label>
      <input
        part="input"
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        ?required=${required}
        .value=${value}
        aria-invalid=${!!error}
        aria-describedby=${error ? errorId(name) : nothing}
      />
      ${renderFieldError(name, error)}
    </div>
  `;
}

/** The name and email every form that books or joins asks for. */
export const renderContact = (draft: { name: string; email: string }, errors: FieldErrors) =>
  html`${renderField("name", t("name"), "text", "name", draft.name, errors.name, true)}${renderField(
    "email",
    t("email"),
    "email",
    "email",
    draft.email,
    errors.email,
    true,
  )}`;

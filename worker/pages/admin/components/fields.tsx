import type { FC, PropsWithChildren } from "hono/jsx";
import type { JSX } from "hono/jsx/jsx-runtime";
import { type FormState, fieldId } from "../form.ts";
import { useRequest } from "../request-context.ts";

/*
 * Form fields that label themselves, show their hint and error beside the input, tie both to it
 * with aria-describedby, and keep what was typed.
 */

type Common = { form: FormState; name: string; label: string; hint?: string };

/** The label, hint and error around one control; `control` receives the input's attributes. */
function framed({ form, name, label, hint }: Common, control: (input: object) => JSX.Element, check = false) {
  const id = fieldId(name);
  const error = form.errors[name];
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  const input = {
    id,
    name,
    "aria-invalid": error ? "true" : undefined,
    "aria-describedby": described || undefined,
  };
  const labelled = <label for={id}>{label}</label>;
  return (
    <div class={["field", check && "check", error && "invalid"].filter(Boolean).join(" ")}>
      {check ? control(input) : labelled}
      {check && labelled}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error">
          <span class="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {!check && control(input)}
    </div>
  );
}

type InputProps = Common & Omit<JSX.IntrinsicElements["input"], "form" | "name"> & { keep?: boolean };

/** A text-like input; `keep={false}` never echoes the value back (passwords). */
export const Field: FC<InputProps> = ({ form, name, label, hint, keep = true, ...attrs }) =>
  framed({ form, name, label, hint }, (input) => (
    <input {...attrs} {...input} value={keep ? (form.values[name] ?? "") : undefined} />
  ));

export const TextArea: FC<Common & { rows?: number }> = ({ form, rows = 3, ...field }) =>
  framed({ form, ...field }, (input) => (
    <textarea {...input} rows={rows}>
      {form.values[field.name] ?? ""}
    </textarea>
  ));

export const Checkbox: FC<Common> = ({ form, ...field }) =>
  framed(
    { form, ...field },
    (input) => <input {...input} type="checkbox" checked={form.values[field.name] === "on"} />,
    true,
  );

export type Choice = { value: string; label: string };
/**
 * An <optgroup>; `classification` and `sessionType` let the script show only the group of the
 * chosen classification or session type.
 */
export type ChoiceGroup = { label: string; choices: Choice[]; classification?: string; sessionType?: string };

/** A select; groups render as <optgroup>, and `blank` labels a "nothing chosen" option. */
export const SelectField: FC<Common & { choices: (Choice | ChoiceGroup)[]; blank?: string }> = ({
  form,
  choices,
  blank,
  ...field
}) => {
  const current = form.values[field.name] ?? "";
  const option = (c: Choice) => (
    <option value={c.value} selected={c.value === current}>
      {c.label}
    </option>
  );
  return framed({ form, ...field }, (input) => (
    <select {...input}>
      {blank !== undefined && option({ value: "", label: blank })}
      {choices.map((c) =>
        "choices" in c ? (
          <optgroup label={c.label} data-classification={c.classification} data-session-type={c.sessionType}>
            {c.choices.map(option)}
          </optgroup>
        ) : (
          option(c)
        ),
      )}
    </select>
  ));
};

/** What needs attention, at the top of a form, each message linking to its field. */
export const ErrorSummary: FC<{ form: FormState }> = ({ form }) => {
  const errors = Object.entries(form.errors);
  if (errors.length === 0 && !form.message) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      {form.message && <p>{form.message}</p>}
      {errors.length > 0 && (
        <ul>
          {errors.map(([name, message]) => (
            <li>
              <a href={`#${fieldId(name)}`}>{message}</a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
};

/** A POST form carrying the login's CSRF token (none before sign-in, where the Origin check guards). */
export const PostForm: FC<PropsWithChildren<{ action: string; class?: string }>> = ({
  action,
  children,
  ...attrs
}) => {
  const csrf = useRequest()?.var.login?.csrfToken;
  return (
    <form method="post" action={action} {...attrs}>
      {csrf && <input type="hidden" name="_csrf" value={csrf} />}
      {children}
    </form>
  );
};

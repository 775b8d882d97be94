import { html, nothing } from "lit";
import * as v from "valibot";
import { t } from "../i18n.ts";
import type { Question } from "../schemas.ts";
import { renderFieldError } from "./fields.ts";

/**
 * The studio's questions, asked before booking (or confirming): each a field named `q.<id>`.
 * Answers are checked here as the server checks them, so a required one left empty is named at
 * its field before anything is sent.
 */

/** Field name → message, for the questions (`q.<id>`) and the signature (`signedName`). */
export type FormErrors = Record<string, string>;
export type Answers = Record<string, string | string[] | boolean>;

const field = (q: Question) => `q.${q.id}`;
const longest = (q: Question) => q.maxLength ?? (q.kind === "long_text" ? 5000 : 200);

/** What one question takes, from the form's raw value (a string, or the ticked choices). */
function answerSchema(q: Question) {
  const required = () => t("answerRequired", { question: q.label });
  if (q.kind === "several_choices") {
    const ticked = v.array(v.string());
    return q.required ? v.pipe(ticked, v.nonEmpty(required)) : ticked;
  }
  const text = v.pipe(
    v.nullish(v.string(), ""),
    v.trim(),
    v.maxLength(longest(q), () => t("tooLong")),
  );
  return q.required ? v.pipe(text, v.nonEmpty(required)) : text;
}

/** The answers the form holds, as the API takes them, or a message for each question that needs one. */
export function readAnswers(questions: Question[], data: FormData): { answers: Answers; errors: FormErrors } {
  const answers: Answers = {};
  const errors: FormErrors = {};
  for (const q of questions) {
    const name = field(q);
    const raw = q.kind === "several_choices" ? data.getAll(name) : (data.get(name) ?? undefined);
    const read = v.safeParse(answerSchema(q), raw);
    if (!read.success) errors[name] = read.issues[0].message;
    else if (read.output.length > 0)
      answers[q.id] = q.kind === "yes_no" ? read.output === "yes" : read.output;
  }
  return { answers, errors };
}

/** The API's `answers.<id>` errors on the questions' fields. */
export const answerErrors = (errors: { path: string; message: string }[]): FormErrors =>
  Object.fromEntries(
    errors.filter((e) => e.path.startsWith("answers.")).map((e) => [`q.${e.path.slice(8)}`, e.message]),
  );

const described = (name: string, error: string | undefined) => (error ? `${name}-error` : nothing);

const optional = (q: Question) => (q.required ? nothing : html` <span class="muted">${t("optional")}</span>`);

function renderChoices(q: Question, name: string, error: string | undefined) {
  const type = q.kind === "several_choices" ? "checkbox" : "radio";
  const choices =
    q.kind === "yes_no"
      ? [
          ["yes", t("yes")],
          ["no", t("no")],
        ]
      : q.choices.map((c) => [c, c]);
  return html`<fieldset class="field" part="field" aria-describedby=${described(name, error)}>
    <legend part="label">${q.label}${optional(q)}</legend>
    ${choices.map(
      ([value, label]) =>
        html`<label class="package"><input type=${type} name=${name} value=${value} aria-invalid=${!!error} /> ${label}</label>`,
    )}
    ${renderFieldError(name, error)}
  </fieldset>`;
}

export function renderQuestions(questions: Question[], errors: FormErrors) {
  return questions.map((q) => {
    const name = field(q);
    const error = errors[name];
    if (q.kind !== "short_text" && q.kind !== "long_text") return renderChoices(q, name, error);
    const [max, invalid, describedBy] = [longest(q), !!error, described(name, error)];
    return html`<div class="field" part="field">
      <label part="label" for=${name}>${q.label}${optional(q)}</label>
      ${
        q.kind === "long_text"
          ? html`<textarea part="input" id=${name} name=${name} rows="4" maxlength=${max} aria-invalid=${invalid} aria-describedby=${describedBy}></textarea>`
          : html`<input part="input" id=${name} name=${name} maxlength=${max} aria-invalid=${invalid} aria-describedby=${describedBy} />`
      }
      ${renderFieldError(name, error)}
    </div>`;
  });
}

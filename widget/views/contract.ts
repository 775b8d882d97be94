import { html, nothing } from "lit";
import type { ApiProblem } from "../api.ts";
import { t } from "../i18n.ts";
import type { Contract, Question } from "../schemas.ts";
import { renderFieldError } from "./fields.ts";
import {
  type Answers,
  answerErrors,
  type FormErrors,
  readAnswers,
  renderQuestions,
} from "./questionnaire.ts";

/**
 * The studio's contract: its exact text in a scrollable region a keyboard can scroll (it takes
 * focus) and a screen reader names, what signing means, and the full name that signs it.
 */

const name = "signedName";

/** What a booking asks besides the client's details: the questions, and the contract to sign. */
export type Forms = { questions: Question[]; contract: Contract | null };
export type FormsBody = { answers?: Answers; signature?: { contractId: string; name: string } };

export const hasForms = (f: Forms) => f.questions.length > 0 || f.contract !== null;

/** The answers and signature the form holds, as the API takes them, or a message for each field that needs one. */
export function readForms(f: Forms, form: HTMLFormElement): { body: FormsBody } | { errors: FormErrors } {
  const data = new FormData(form);
  const { answers, errors } = readAnswers(f.questions, data);
  const typed = String(data.get(name) ?? "").trim();
  if (f.contract && !typed) errors[name] = t("signRequired");
  if (typed.length > 200) errors[name] = t("tooLong");
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      ...(f.questions.length > 0 && { answers }),
      ...(f.contract && { signature: { contractId: f.contract.id, name: typed } }),
    },
  };
}

/** The API's errors on the answers' and the signature's fields (contract_not_signed names `signature`). */
export function formErrors(problem: ApiProblem): FormErrors {
  const errors = answerErrors(problem.errors);
  const signature = problem.errors.find((e) => e.path.startsWith("signature"));
  if (signature)
    errors[name] = problem.code === "contract_changed" ? t("contractChanged") : signature.message;
  return errors;
}

/** The first field with an error, to move focus there. */
export const firstFormError = (errors: FormErrors) => {
  const first = Object.keys(errors)[0];
  return first && `[name="${first}"]`;
};

export const renderForms = (f: Forms, errors: FormErrors) =>
  html`${renderQuestions(f.questions, errors)}${f.contract ? renderContract(f.contract, errors) : nothing}`;

const renderContract = (contract: Contract, errors: FormErrors) => html`
  <div class="field" part="field contract">
    <p part="label" id="contract-title"><strong>${t("contract")}</strong></p>
    <div class="contract" part="contract-text" role="region" tabindex="0" aria-labelledby="contract-title">${contract.text}</div>
    <p class="muted" id="sign-means">${t("signMeans")}</p>
    <label part="label" for=${name}>${t("signName")}</label>
    <input
      part="input"
      id=${name}
      name=${name}
      autocomplete="name"
      maxlength="200"
      aria-invalid=${!!errors[name]}
      aria-describedby=${errors[name] ? `sign-means ${name}-error` : "sign-means"}
    />
    ${renderFieldError(name, errors[name])}
  </div>
`;

/** The button's words: signing when there is a contract. */
export const signOr = (f: Forms, otherwise: string) => (f.contract ? t("sign") : otherwise);

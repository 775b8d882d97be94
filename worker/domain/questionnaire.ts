import { DomainError, type FieldError } from "./errors.ts";

/**
 * The questions a studio asks its clients before a session, per session type, and the rules an
 * answer follows. An answer is stored with the question's words as they were asked, so a later
 * edit of the questions never changes what a past client was asked.
 */

export const questionKinds = ["short_text", "long_text", "one_choice", "several_choices", "yes_no"] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** The longest answer each text kind takes; a question may ask for less. */
export const textCeiling = { short_text: 200, long_text: 5000 } as const;

export type Question = {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  /** The choices of one_choice and several_choices; empty for the others. */
  choices: string[];
  /** Text kinds: the most characters an answer may have (null: the kind's ceiling). */
  maxLength: number | null;
};

export type AnswerValue = string | string[] | boolean;
export type Answer = { questionId: string; question: string; kind: QuestionKind; answer: AnswerValue };

export const isChoiceKind = (kind: QuestionKind) => kind === "one_choice" || kind === "several_choices";

const longest = (q: Question) =>
  q.kind === "short_text" || q.kind === "long_text" ? (q.maxLength ?? textCeiling[q.kind]) : 0;

const isEmpty = (value: AnswerValue | undefined) =>
  value === undefined ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && !value.length);

/** What is wrong with one answer to `q` (undefined: nothing); `value` is given and not empty. */
function problemWith(q: Question, value: AnswerValue): string | undefined {
  switch (q.kind) {
    case "short_text":
    case "long_text":
      if (typeof value !== "string") return `Answer “${q.label}” with text.`;
      return value.trim().length > longest(q)
        ? `“${q.label}” takes at most ${longest(q)} characters.`
        : undefined;
    case "one_choice":
      return typeof value === "string" && q.choices.includes(value)
        ? undefined
        : `Choose one of the answers to “${q.label}”.`;
    case "several_choices":
      return Array.isArray(value) &&
        value.every((v) => q.choices.includes(v)) &&
        new Set(value).size === value.length
        ? undefined
        : `Choose among the answers to “${q.label}”.`;
    case "yes_no":
      return typeof value === "boolean" ? undefined : `Answer “${q.label}” with yes or no.`;
  }
}

/**
 * The answers to keep for `questions`, in their order, each with its question's words: refused,
 * question by question (`answers.<id>`), when a required one is missing or an answer does not fit.
 */
export function answersFor(questions: Question[], input: Record<string, AnswerValue> = {}): Answer[] {
  const errors: FieldError[] = [];
  for (const id of Object.keys(input)) {
    if (!questions.some((q) => q.id === id))
      errors.push({ path: `answers.${id}`, message: "No such question." });
  }
  const answers: Answer[] = [];
  for (const q of questions) {
    const value = input[q.id];
    const path = `answers.${q.id}`;
    if (value === undefined || isEmpty(value)) {
      if (q.required) errors.push({ path, message: `Please answer “${q.label}”.` });
      continue;
    }
    const problem = problemWith(q, value);
    if (problem) errors.push({ path, message: problem });
    else answers.push({ questionId: q.id, question: q.label, kind: q.kind, answer: trimmed(value) });
  }
  if (errors.length > 0) {
    throw new DomainError("validation_failed", errors[0]?.message ?? "Check the answers.", { errors });
  }
  return answers;
}

const trimmed = (value: AnswerValue) => (typeof value === "string" ? value.trim() : value);

/** An answer in words, for the studio's notice and the admin. */
export const answerText = (a: Answer): string =>
  typeof a.answer === "boolean"
    ? a.answer
      ? "Yes"
      : "No"
    : Array.isArray(a.answer)
      ? a.answer.join(", ")
      : a.answer;

/** Question and answer, one pair a paragraph, for mail. */
export const answersText = (answers: Answer[]): string =>
  answers.map((a) => `${a.question}\n${answerText(a)}`).join("\n\n");

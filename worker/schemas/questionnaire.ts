import { z } from "@hono/zod-openapi";
import { contractCeiling, type Signature, signedNameCeiling } from "../domain/contract.ts";
import { isChoiceKind, questionKinds, textCeiling } from "../domain/questionnaire.ts";
import { toIso } from "../domain/time.ts";
import { Id, Instant, Name } from "./fields.ts";

/** A session type's questions and contract, a client's answers and signature. */

const Kind = z.enum(questionKinds).openapi(
  DOCUMENTED && {
    description: "short_text, long_text, one_choice, several_choices or yes_no",
  },
);

const Choice = z.string().trim().min(1, "Enter the choice.").max(200, "Keep it under 200 characters.");

export const QuestionInput = z
  .object({
    id: Id.optional().openapi(DOCUMENTED && { description: "Keep it to edit a question in place" }),
    kind: Kind,
    label: Name,
    required: z.boolean().default(false),
    choices: z.array(Choice).max(20, "At most 20 choices.").default([]),
    maxLength: z
      .number()
      .int()
      .min(1, "At least 1 character.")
      .max(textCeiling.long_text, `At most ${textCeiling.long_text}.`)
      .nullable()
      .default(null)
      .openapi(
        DOCUMENTED && {
          description: "Text kinds: the most characters an answer may have (null: 200 short, 5000 long)",
        },
      ),
  })
  .refine((q) => !isChoiceKind(q.kind) || q.choices.length >= 2, {
    message: "Give at least two choices.",
    path: ["choices"],
  })
  .refine((q) => isChoiceKind(q.kind) || q.choices.length === 0, {
    message: "Only choice questions have choices.",
    path: ["choices"],
  })
  .refine((q) => q.kind !== "short_text" || (q.maxLength ?? 0) <= textCeiling.short_text, {
    message: `A short answer takes at most ${textCeiling.short_text} characters.`,
    path: ["maxLength"],
  });

export const QuestionsInput = z.array(QuestionInput).max(30, "At most 30 questions.");
export type QuestionsInput = z.infer<typeof QuestionsInput>;

export const QuestionSchema = /* @__PURE__ */ z
  .object({
    id: z.string(),
    kind: Kind,
    label: z.string(),
    required: z.boolean(),
    choices: z.array(z.string()),
    maxLength: z.number().int().nullable(),
  })
  .openapi("Question");

export const ContractInput = z
  .string()
  .max(contractCeiling, `Keep the contract under ${contractCeiling.toLocaleString("en")} characters.`)
  .openapi(
    DOCUMENTED && { description: "The contract's text; a change adds a version, an empty text removes it" },
  );

export const ContractSchema = /* @__PURE__ */ z
  .object({
    id: z.string().openapi({ description: "This version's id: sign with it" }),
    version: z.number().int(),
    text: z.string().openapi({ description: "The exact text the client signs" }),
    sha256: z.string().openapi({ description: "SHA-256 (hex) of the UTF-8 text" }),
  })
  .openapi("Contract");

const AnswerValue = z.union([
  z.string().max(textCeiling.long_text * 2),
  z.array(z.string().max(400)).max(20),
  z.boolean(),
]);

export const AnswersInput = z
  .record(z.string().max(64), AnswerValue)
  .refine((a) => Object.keys(a).length <= 30, "Too many answers.")
  .openapi(
    "Answers",
    DOCUMENTED && {
      description: "Question id → answer: text, the choice, the choices, or true/false for yes/no",
    },
  );

export const SignatureInput = z
  .object({
    contractId: Id.openapi(DOCUMENTED && { description: "The contract version shown (contract.id)" }),
    name: z
      .string()
      .trim()
      .min(1, "Type your full name to sign.")
      .max(signedNameCeiling, `Keep it under ${signedNameCeiling} characters.`),
  })
  .openapi("SignatureInput");

export const AnswerSchema = /* @__PURE__ */ z
  .object({
    questionId: z.string(),
    question: z.string().openapi({ description: "The question's words when it was answered" }),
    kind: Kind,
    answer: z.union([z.string(), z.array(z.string()), z.boolean()]),
  })
  .openapi("Answer");

export const SignatureSchema = /* @__PURE__ */ z
  .object({
    contractId: z.string(),
    version: z.number().int(),
    sha256: z.string(),
    name: z.string(),
    signedAt: Instant,
    ip: z.string().nullable(),
  })
  .openapi("Signature");

export const toSignature = (s: Signature): z.infer<typeof SignatureSchema> => ({
  ...s,
  signedAt: toIso(s.signedAt),
});

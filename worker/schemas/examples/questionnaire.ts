/** The questionnaire's and the contract's examples in the OpenAPI document (see index.ts). */
import type { z } from "@hono/zod-openapi";
import type {
  AnswerSchema,
  AnswersInput,
  ContractSchema,
  QuestionSchema,
  SignatureInput,
  SignatureSchema,
} from "../questionnaire.ts";

const questionIds = {
  who: "9e4b2c7a-1d5f-4a8e-b0c3-6f2d8a1e5b97",
  style: "2c8f6a1d-4e9b-4c3a-a7d5-0b6e3f9c2a14",
  pets: "7d1a5e9c-3b6f-4e2d-8a0c-5c9f1b4e7d36",
};

export const exampleQuestions = [
  {
    id: questionIds.who,
    kind: "short_text",
    label: "Who is coming?",
    required: true,
    choices: [],
    maxLength: 200,
  },
  {
    id: questionIds.style,
    kind: "one_choice",
    label: "Which look do you want?",
    required: false,
    choices: ["Natural", "Classic", "Playful"],
    maxLength: null,
  },
  {
    id: questionIds.pets,
    kind: "yes_no",
    label: "Are you bringing a pet?",
    required: false,
    choices: [],
    maxLength: null,
  },
] satisfies z.output<typeof QuestionSchema>[];

export const exampleAnswersInput = {
  [questionIds.who]: "Maya, Sam and the twins",
  [questionIds.style]: "Natural",
  [questionIds.pets]: true,
} satisfies z.input<typeof AnswersInput>;

export const exampleAnswers = [
  {
    questionId: questionIds.who,
    question: "Who is coming?",
    kind: "short_text",
    answer: "Maya, Sam and the twins",
  },
  {
    questionId: questionIds.style,
    question: "Which look do you want?",
    kind: "one_choice",
    answer: "Natural",
  },
  { questionId: questionIds.pets, question: "Are you bringing a pet?", kind: "yes_no", answer: true },
] satisfies z.output<typeof AnswerSchema>[];

export const exampleContract = {
  id: "4b7e1c9a-6d2f-4a5e-9c8b-1e3f7a0d5c62",
  version: 2,
  text: "The studio keeps the copyright of the images; you may print and share them for personal use.",
  sha256: "a1804d99dce3bdd49b05bf2f34e66b111d2ebd7a9c8a24d4b6f5453057dc7b2d",
} satisfies z.output<typeof ContractSchema>;

export const exampleSignatureInput = {
  contractId: exampleContract.id,
  name: "Maya Okafor",
} satisfies z.input<typeof SignatureInput>;

export const exampleSignature = {
  contractId: exampleContract.id,
  version: exampleContract.version,
  sha256: exampleContract.sha256,
  name: "Maya Okafor",
  signedAt: "2027-10-02T18:03:41.000Z",
  ip: "203.0.113.24",
} satisfies z.output<typeof SignatureSchema>;

import type { FC } from "hono/jsx";
import type { Contract } from "../../../domain/contract.ts";
import { Checkbox, ErrorSummary, Field, PostForm, SelectField, TextArea } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import type { FormState } from "../form.ts";
import { paths } from "../paths.ts";

const kinds = [
  { value: "short_text", label: "Short text" },
  { value: "long_text", label: "Long text" },
  { value: "one_choice", label: "One choice" },
  { value: "several_choices", label: "Several choices" },
  { value: "yes_no", label: "Yes or no" },
];

const QuestionRow: FC<{ form: FormState; row: number }> = ({ form, row }) => {
  const name = (field: string) => `questions.${row}.${field}`;
  const existing = Boolean(form.values[name("id")]);
  return (
    <fieldset class="package-row">
      <legend>{existing ? `Question ${row + 1}` : `New question ${row + 1}`}</legend>
      {existing && <input type="hidden" name={name("id")} value={form.values[name("id")]} />}
      <Field form={form} name={name("label")} label="Question" />
      <SelectField form={form} name={name("kind")} label="Answer" choices={kinds} />
      <Checkbox form={form} name={name("required")} label="Required" />
      <TextArea
        form={form}
        name={name("choices")}
        label="Choices"
        hint="For one choice or several choices: one choice a line."
      />
      <Field
        form={form}
        name={name("maxLength")}
        label="Most characters"
        hint="For text answers; leave blank for 200 (short) or 5,000 (long)."
        inputmode="numeric"
      />
      {existing && <Checkbox form={form} name={name("remove")} label="Remove this question" />}
    </fieldset>
  );
};

/** A session type's questionnaire and contract: what its clients answer and sign before the session. */
export const SessionTypeFormsPage: FC<{
  form: FormState;
  typeId: string;
  typeName: string;
  rows: number;
  contract: Contract | null;
}> = ({ form, typeId, typeName, rows, contract }) => (
  <>
    <Heading text={`Questions and Contract: ${typeName}`} />
    <ErrorSummary form={form} />
    <PostForm action={paths.sessionTypeForms(typeId)}>
      <fieldset id="questions">
        <legend>Questions</legend>
        <p class="hint">
          Clients answer them when they book, or on their confirmation page. Answers keep the question's words
          as asked. Fill in a blank row to add a question; blank rows are ignored.
        </p>
        {Array.from({ length: rows }, (_, row) => (
          <QuestionRow form={form} row={row} />
        ))}
      </fieldset>
      <TextArea
        form={form}
        name="contract"
        label="Contract"
        rows={16}
        hint={`Clients read this exact text and sign it by typing their full name; a booking is not confirmed unsigned. Saving a change makes a new version (bookings keep the version they signed); leave it empty for no contract.${contract ? ` Now: version ${contract.version}.` : ""}`}
      />
      <button type="submit">Save Questions and Contract</button>
    </PostForm>
    <p>
      <a href={paths.sessionType(typeId)}>Back to the Session Type</a>
    </p>
  </>
);

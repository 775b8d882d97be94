import type { Context } from "hono";
import { Hono } from "hono";
import { sessionTypeOf, updateSessionType } from "../../../actions/session-types.ts";
import { isChoiceKind, type Question } from "../../../domain/questionnaire.ts";
import { studioContext } from "../../../middleware/context.ts";
import type { SessionTypeWithPackages } from "../../../queries/session-types.ts";
import { UpdateSessionType } from "../../../schemas/session-types.ts";
import { parseInput } from "../../../schemas/validate.ts";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, type FormValues, formOf, readForm, rowsNamed } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { SessionTypeFormsPage } from "../views/session-type-forms.tsx";

/** /admin/session-types/:id/questions: the questionnaire and the contract of one session type. */
export const sessionTypeFormPages = new Hono<AdminEnv>();

const blankRows = 2;

const rowsOf = (values: FormValues) => rowsNamed(values, "questions");

function valuesOf(type: SessionTypeWithPackages): FormValues {
  const values: FormValues = { contract: type.contract?.text ?? "" };
  type.questions.forEach((q: Question, row) => {
    const name = (field: string) => `questions.${row}.${field}`;
    values[name("id")] = q.id;
    values[name("label")] = q.label;
    values[name("kind")] = q.kind;
    values[name("choices")] = q.choices.join("\n");
    values[name("maxLength")] = q.maxLength === null ? "" : String(q.maxLength);
    if (q.required) values[name("required")] = "on";
  });
  return values;
}

/** The API's questions from the form's rows; the API's `questions.N` paths map back to the rows sent. */
function questionsInput(typed: Converter) {
  const sentRows: number[] = [];
  const questions = rowsOf(typed.values).flatMap((row) => {
    const field = (name: string) => `questions.${row}.${name}`;
    const id = typed.optional(field("id"));
    if (typed.checked(field("remove")) || (!id && !typed.text(field("label")).trim())) return [];
    sentRows.push(row);
    const kind = typed.text(field("kind"));
    const choices = typed
      .text(field("choices"))
      .split("\n")
      .map((c) => c.trim())
      .filter(Boolean);
    const longest = typed.text(field("maxLength")).trim();
    return [
      {
        ...(id && { id }),
        label: typed.text(field("label")),
        kind,
        required: typed.checked(field("required")),
        choices: isChoiceKind(kind as Question["kind"]) ? choices : [],
        maxLength: longest ? typed.whole(field("maxLength"), "Enter a whole number of characters.") : null,
      },
    ];
  });
  const fieldFor = (path: string) => {
    const [, index, name = ""] = /^questions\.(\d+)\.(\w+)/.exec(path) ?? [];
    return index === undefined ? path : `questions.${sentRows[Number(index)] ?? index}.${name}`;
  };
  return { questions, fieldFor };
}

const show = (c: Context<AdminEnv>, type: SessionTypeWithPackages, form: FormState, rows: number) =>
  c.render(
    <SessionTypeFormsPage
      form={form}
      typeId={type.id}
      typeName={type.name}
      rows={rows}
      contract={type.contract}
    />,
  );

sessionTypeFormPages.get("/:id/questions", async (c) => {
  const type = await sessionTypeOf(studioContext(c), c.req.param("id"));
  return show(c, type, formOf(valuesOf(type)), type.questions.length + blankRows);
});

sessionTypeFormPages.post("/:id/questions", async (c) => {
  const type = await sessionTypeOf(studioContext(c), c.req.param("id"));
  const typed = new Converter(await readForm(c));
  const { questions, fieldFor } = questionsInput(typed);
  // A textarea sends CRLF line ends; the contract's text (and its hash) keeps plain LF.
  const contract = typed.text("contract").replace(/\r\n/g, "\n");
  return submitForm(
    c,
    typed,
    (ctx) => updateSessionType(ctx, type.id, parseInput(UpdateSessionType, { questions, contract })),
    {
      done: () => paths.sessionTypeForms(type.id),
      refused: (form) => show(c, type, form, (rowsOf(typed.values).at(-1) ?? -1) + 1),
    },
    fieldFor,
  );
});

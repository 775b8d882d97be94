import type { FC } from "hono/jsx";
import type { ClientRow } from "../../../queries/clients.ts";
import type { SessionTypeWithPackages } from "../../../queries/session-types.ts";
import { maxSpotsPerRequest } from "../../../schemas/fields.ts";
import { clientChoices } from "../components/client-choice.tsx";
import { DateTimeFields } from "../components/date-time.tsx";
import { Checkbox, ErrorSummary, Field, PostForm, SelectField } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import type { FormState } from "../form.ts";
import { classificationLabels } from "../format.ts";
import { paths } from "../paths.ts";

/** Schedule a New Session; without a session type there is nothing to schedule yet. */
export const SchedulePage: FC<{
  form: FormState;
  types: SessionTypeWithPackages[];
  clients: ClientRow[];
  /** The studio's zone: a new session's date and time are read in it. */
  timeZone: string;
}> = ({ form, types, clients, timeZone }) => {
  if (types.length === 0) {
    return (
      <>
        <Heading text="Schedule a New Session" />
        <p>
          A session needs a session type first: it sets the length, the breaks and the packages.{" "}
          <a href={paths.newSessionType}>Create a Session Type</a>
        </p>
      </>
    );
  }
  const typeGroups = (["single", "multi"] as const).map((classification) => ({
    label: classificationLabels[classification],
    classification,
    choices: types
      .filter((t) => t.classification === classification)
      .map((t) => ({ value: t.id, label: t.name })),
  }));
  const packageGroups = types
    .filter((t) => t.classification === "single")
    .map((t) => ({
      label: t.name,
      sessionType: t.id,
      choices: t.packages.map((p) => ({ value: p.id, label: p.name })),
    }));
  return (
    <>
      <Heading text="Schedule a New Session" />
      <ErrorSummary form={form} />
      <PostForm action={paths.newSession}>
        <Field
          form={form}
          name="name"
          label="Session Name"
          hint="Clients see it, and it appears in every email about this session."
          required
        />
        <SelectField
          form={form}
          name="classification"
          label="Classification"
          choices={[
            { value: "single", label: "Single" },
            { value: "multi", label: "Multi" },
          ]}
        />
        <SelectField
          form={form}
          name="sessionTypeId"
          label="Session Type"
          hint="Choose a session type of the same classification."
          blank="Choose a session type"
          choices={typeGroups.filter((g) => g.choices.length > 0)}
        />
        <fieldset data-classification="single">
          <legend>Single sessions</legend>
          <SelectField
            form={form}
            name="packageId"
            label="Package Option"
            hint="Leave blank to let the client choose the package."
            blank="Let the client choose"
            choices={packageGroups}
          />
          <SelectField
            form={form}
            name="clientId"
            label="Session Client"
            hint="Leave blank to assign a client later."
            blank="Assign a client later"
            choices={clientChoices(clients)}
          />
        </fieldset>
        <DateTimeFields
          form={form}
          timeZone={timeZone}
          dateHint="A placeholder date is fine; it can change until the client confirms."
        />
        <fieldset data-classification="multi">
          <legend>Multi sessions</legend>
          <Field
            form={form}
            name="spots"
            label="Session Spots"
            type="number"
            min="1"
            max={String(maxSpotsPerRequest)}
            hint="How many spots to create one after another, from the date and time above."
          />
          <Checkbox form={form} name="sameTime" label="Schedule all sessions at the same time" />
        </fieldset>
        <button type="submit">Next</button>
      </PostForm>
    </>
  );
};

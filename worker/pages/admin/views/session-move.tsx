import type { FC } from "hono/jsx";
import type { SessionDetailsView } from "../../../schemas/session-views.ts";
import { ErrorSummary, Field, PostForm } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import type { FormState } from "../form.ts";
import { paths } from "../paths.ts";

/** Move Session: every remaining spot by some minutes, or the whole session to another date. */
export const MoveSessionPage: FC<{ view: SessionDetailsView; form: FormState }> = ({ view, form }) => (
  <>
    <Heading text="Move Session" />
    <p>
      Running late, or rain on the day: move every spot of {view.name} that has not started. Each booked
      client gets one email with their new time and an updated calendar file.
    </p>
    <ErrorSummary form={form} />
    <PostForm action={paths.sessionAction(view.id, "shift")}>
      <Field
        form={form}
        name="minutes"
        label="Move by minutes"
        hint="Later by this many minutes; a minus sign moves earlier."
        inputmode="numeric"
      />
      <button type="submit">Move Spots</button>
    </PostForm>
    <PostForm action={paths.sessionAction(view.id, "shift")}>
      <Field
        form={form}
        name="date"
        label="Move to date"
        hint={`Each spot keeps its time, in ${view.timeZone}.`}
        type="date"
      />
      <button type="submit">Move to Date</button>
    </PostForm>
    <p>
      <a href={paths.session(view.id)}>Back to {view.name}</a>
    </p>
  </>
);

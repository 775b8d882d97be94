import type { FC } from "hono/jsx";
import type { LineSummary } from "../../../actions/launch.ts";
import type { SessionDetailsView } from "../../../schemas/session-views.ts";
import { Field, PostForm } from "../components/fields.tsx";
import type { FormState } from "../form.ts";
import { formatDateTime } from "../format.ts";
import { paths } from "../paths.ts";

/**
 * A Multi session's opening time: when booking opens, and once it has, its line. Visitors who
 * arrive before it wait on the page and are let in at the opening in a random order, so a
 * sell-out launch goes to whoever was there, not to whoever clicked first.
 */
export const Opening: FC<{
  view: SessionDetailsView;
  line: LineSummary;
  form: FormState;
  locale: string;
}> = ({ view, line, form, locale }) => (
  <section aria-labelledby="opening-title" id="opening">
    <h2 id="opening-title">Launch</h2>
    {line.opensAt === null ? (
      <p>
        Booking is open now. Set an opening time to launch the session: visitors who come before it wait on
        the page, and at the opening they are let in one by one, in a random order.
      </p>
    ) : (
      <p>
        Booking opens <strong>{formatDateTime(line.opensAt, { timeZone: view.timeZone, locale })}</strong>.
        Visitors who come before then wait on the page; at the opening they are let in one by one, in a random
        order, as many at a time as there are free spots.
      </p>
    )}
    {line.opened && (
      <dl class="summary">
        <dt>In line</dt>
        <dd>{line.waiting} waiting</dd>
        <dt>Let in</dt>
        <dd>
          {line.admitted} of {line.arrived} visitors
        </dd>
      </dl>
    )}
    <PostForm action={paths.sessionAction(view.id, "opening")}>
      <Field form={form} name="openingDate" label="Opening Date" type="date" required />
      <Field
        form={form}
        name="openingTime"
        label="Opening Time"
        type="time"
        hint={`In ${view.timeZone}.`}
        required
      />
      <button type="submit" class="secondary">
        Set Opening Time
      </button>
    </PostForm>
    {line.opensAt !== null && (
      <PostForm action={paths.sessionAction(view.id, "opening/remove")}>
        <button type="submit" class="secondary">
          Remove Opening Time
        </button>
      </PostForm>
    )}
  </section>
);

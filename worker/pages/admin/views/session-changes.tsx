import type { FC } from "hono/jsx";
import { formatMoney } from "../../../domain/money.ts";
import type { SessionDetailsView, SpotView } from "../../../schemas/session-views.ts";
import { DateTimeFields } from "../components/date-time.tsx";
import { ErrorSummary, Field, PostForm, TextArea } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { SpotTime, SpotWhen } from "../components/spots.tsx";
import type { FormState } from "../form.ts";
import { formatDay } from "../format.ts";
import { paths } from "../paths.ts";

/** The pages that change a whole session or one of its free spots: each one form, and a way back. */

const Back: FC<{ view: SessionDetailsView; label?: string }> = ({ view, label }) => (
  <p>
    <a href={paths.session(view.id)}>{label ?? `Back to ${view.name}`}</a>
  </p>
);

export const EditSessionPage: FC<{ view: SessionDetailsView; form: FormState }> = ({ view, form }) => (
  <>
    <Heading text="Edit Session" />
    <ErrorSummary form={form} />
    <PostForm action={paths.sessionAction(view.id, "edit")}>
      <Field
        form={form}
        name="name"
        label="Session Name"
        hint="Viewable to the visitors of your site, and used in every email sent for this session."
        required
      />
      <Field form={form} name="location" label="Location" hint="Where the session takes place." />
      <TextArea form={form} name="description" label="Description" hint="Shown on the session's page." />
      <button type="submit">Save Session</button>
    </PostForm>
    <Back view={view} />
  </>
);

/** The clients a cancellation emails, and what each paid. */
export const CancelSessionPage: FC<{ view: SessionDetailsView; locale: string; form: FormState }> = ({
  view,
  locale,
  form,
}) => {
  const booked = view.spots.flatMap((s) => (s.booking?.client ? [{ spot: s, booking: s.booking }] : []));
  const zoned = { timeZone: view.timeZone, locale };
  const money = (cents: number) => formatMoney(cents, view.totals.currency, locale);
  return (
    <>
      <Heading text="Cancel this session?" />
      <ErrorSummary form={form} />
      <p>
        {view.name}: every booking is cancelled and its spot closed. The session's page tells visitors it is
        cancelled and offers nothing to book.
      </p>
      {booked.length > 0 ? (
        <table>
          <caption>
            {booked.length === 1 ? "1 client is emailed" : `${booked.length} clients are emailed`} that the
            session is cancelled
          </caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Spot</th>
              <th scope="col">Paid, to refund</th>
            </tr>
          </thead>
          <tbody>
            {booked.map(({ spot, booking }) => (
              <tr>
                <td>
                  {booking.client?.name} ({booking.client?.email})
                </td>
                <td>
                  {formatDay(Date.parse(spot.startsAt), zoned)}, <SpotTime spot={spot} zoned={zoned} />
                </td>
                <td>{money(booking.paidCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Nobody has booked yet, so nobody is emailed.</p>
      )}
      <p>
        Money paid is not refunded automatically: the session's page lists it, and each booking's page records
        the refund.
      </p>
      <PostForm action={paths.sessionAction(view.id, "cancel")} class="actions">
        <button type="submit" class="danger">
          Cancel Session
        </button>
        <a href={paths.session(view.id)}>Keep the session</a>
      </PostForm>
    </>
  );
};

export const DeleteSessionPage: FC<{ view: SessionDetailsView; form: FormState }> = ({ view, form }) => (
  <>
    <Heading text="Delete this session?" />
    <ErrorSummary form={form} />
    <p>
      {view.name} and its {view.spots.length === 1 ? "spot are" : `${view.spots.length} spots are`} deleted
      for good. Only a session nobody has booked can be deleted; once a client has booked, cancel the session
      instead, which emails them.
    </p>
    <PostForm action={paths.sessionAction(view.id, "delete")} class="actions">
      <button type="submit" class="danger">
        Delete Session
      </button>
      <a href={paths.session(view.id)}>Keep the session</a>
    </PostForm>
  </>
);

export const MoveSpotPage: FC<{
  view: SessionDetailsView;
  spot: SpotView;
  locale: string;
  form: FormState;
}> = ({ view, spot, locale, form }) => (
  <>
    <Heading text="Move this Spot" />
    <SpotWhen view={view} spot={spot} locale={locale} />
    <ErrorSummary form={form} />
    <p>The spot keeps its length. It may not overlap another spot of the session.</p>
    <PostForm action={paths.spotAction(view.id, spot.id, "move")}>
      <DateTimeFields form={form} timeZone={view.timeZone} />
      <button type="submit">Move Spot</button>
    </PostForm>
    <PostForm action={paths.spotAction(view.id, spot.id, "remove")} class="actions">
      <button type="submit" class="danger">
        Remove this Spot
      </button>
    </PostForm>
    <Back view={view} />
  </>
);

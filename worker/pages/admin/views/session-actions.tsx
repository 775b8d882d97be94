import type { FC } from "hono/jsx";
import type { ClientRow } from "../../../queries/clients.ts";
import { maxSpotsPerRequest } from "../../../schemas/fields.ts";
import type { AdminBookingView, SessionDetailsView, SpotView } from "../../../schemas/session-views.ts";
import { ClientChoiceForms } from "../components/client-choice.tsx";
import { DateTimeFields } from "../components/date-time.tsx";
import { Checkbox, ErrorSummary, Field, PostForm } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { SpotWhen } from "../components/spots.tsx";
import type { FormState } from "../form.ts";
import { paths } from "../paths.ts";

/** The pages behind the session details' buttons: each one form, and a way back. */

const Back: FC<{ view: SessionDetailsView }> = ({ view }) => (
  <p>
    <a href={paths.session(view.id)}>Back to {view.name}</a>
  </p>
);

export const AssignClientPage: FC<{ view: SessionDetailsView; form: FormState; clients: ClientRow[] }> = ({
  view,
  form,
  clients,
}) => (
  <>
    <Heading text="Assign to Client" />
    <p>Choose who this session is for: {view.name}.</p>
    <ErrorSummary form={form} />
    <ClientChoiceForms
      form={form}
      action={paths.sessionAction(view.id, "client")}
      clients={clients}
      chooseLabel="Assign to Client"
      addLabel="Add and Assign to Client"
    />
    <Back view={view} />
  </>
);

export const ReserveSpotPage: FC<{
  view: SessionDetailsView;
  spot: SpotView;
  locale: string;
  form: FormState;
  clients: ClientRow[];
}> = ({ view, spot, locale, form, clients }) => (
  <>
    <Heading text="Reserve this Spot" />
    <SpotWhen view={view} spot={spot} locale={locale} />
    <ErrorSummary form={form} />
    {spot.available ? (
      <>
        <p>The client is emailed a link to confirm and pay; until then the spot is kept for them.</p>
        <ClientChoiceForms
          form={form}
          action={paths.spot(view.id, spot.id)}
          clients={clients}
          chooseLabel="Reserve this Spot"
          addLabel="Add Client and Reserve this Spot"
        />
      </>
    ) : (
      <p>Someone already has this spot. Choose another one.</p>
    )}
    <Back view={view} />
  </>
);

export const AddSpotsPage: FC<{ view: SessionDetailsView; form: FormState }> = ({ view, form }) => (
  <>
    <Heading text="Add Additional Spots" />
    <p>
      New spots for {view.name} follow one another: {view.sessionType.durationMinutes} minutes each, with{" "}
      {view.sessionType.breakMinutes} minutes between them.
    </p>
    <ErrorSummary form={form} />
    <PostForm action={paths.sessionAction(view.id, "spots")}>
      <DateTimeFields form={form} timeZone={view.timeZone} />
      <Field
        form={form}
        name="spots"
        label="Session Spots"
        type="number"
        min="1"
        max={String(maxSpotsPerRequest)}
        required
      />
      <Checkbox form={form} name="sameTime" label="Schedule all sessions at the same time" />
      <button type="submit">Add Spots</button>
    </PostForm>
    <Back view={view} />
  </>
);

export const CancelBookingPage: FC<{
  view: SessionDetailsView;
  spot: SpotView;
  booking: AdminBookingView;
  locale: string;
}> = ({ view, spot, booking, locale }) => (
  <>
    <Heading text="Cancel this booking?" />
    <SpotWhen view={view} spot={spot} locale={locale} />
    {booking.client && (
      <p>
        Client: {booking.client.name} ({booking.client.email})
      </p>
    )}
    <p>The spot becomes free for others to book. Payments already made are not refunded automatically.</p>
    <PostForm action={paths.cancelBooking(view.id, booking.id)} class="actions">
      <button type="submit" class="danger">
        Cancel Booking
      </button>
      <a href={paths.session(view.id)}>Keep the booking</a>
    </PostForm>
  </>
);

import type { FC } from "hono/jsx";
import { can } from "../../../domain/bookings.ts";
import { formatMoney } from "../../../domain/money.ts";
import type { SessionDetailsView } from "../../../schemas/session-views.ts";
import { DateTimeFields } from "../components/date-time.tsx";
import { ErrorSummary, PostForm } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import { Embed, PublicLink } from "../components/share.tsx";
import { Spots } from "../components/spots.tsx";
import type { FormState } from "../form.ts";
import { bookingStatusLabels, classificationLabels } from "../format.ts";
import { paths } from "../paths.ts";
import { Waitlist, type WaitlistData } from "./waitlist.tsx";

const Summary: FC<{ view: SessionDetailsView; locale: string }> = ({ view, locale }) => {
  const money = (cents: number) => formatMoney(cents, view.totals.currency, locale);
  const booking = view.spots[0]?.booking;
  return (
    <dl class="summary">
      <dt>Classification</dt>
      <dd>{classificationLabels[view.classification]}</dd>
      <dt>Session Type</dt>
      <dd>{view.sessionType.name}</dd>
      <dt>Package</dt>
      <dd>{view.package ? view.package.name : "The client chooses"}</dd>
      {view.classification === "single" && (
        <>
          <dt>Client</dt>
          <dd>{view.client ? `${view.client.name} (${view.client.email})` : "Not assigned yet"}</dd>
          <dt>Booking</dt>
          <dd>{booking ? bookingStatusLabels[booking.status] : "Not booked yet"}</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>{view.status === "scheduled" ? "Scheduled" : "Cancelled"}</dd>
      <dt>Amount</dt>
      <dd>{money(view.totals.amountCents)}</dd>
      <dt>Paid</dt>
      <dd>{money(view.totals.paidCents)}</dd>
      <dt>Balance due</dt>
      <dd>{money(view.totals.balanceCents)}</dd>
    </dl>
  );
};

/** The buttons the help page names, each shown only when it can apply. */
const Actions: FC<{ view: SessionDetailsView }> = ({ view }) => {
  const booking = view.spots[0]?.booking;
  const single = view.classification === "single";
  return (
    <div class="actions">
      {single && !view.confirmed && (
        <a class={view.client ? "button secondary" : "button"} href={paths.sessionAction(view.id, "client")}>
          {view.client ? "Change Client" : "Assign to Client"}
        </a>
      )}
      {single && view.client && booking && can("confirm", booking.status) && (
        <PostForm action={paths.sessionAction(view.id, "confirmation-request")}>
          <button type="submit">Send Confirmation Request to Client</button>
        </PostForm>
      )}
      {!single && (
        <a class="button" href={paths.sessionAction(view.id, "spots")}>
          Add Additional Spots
        </a>
      )}
      {view.totals.balanceCents > 0 && (
        <PostForm action={paths.sessionAction(view.id, "payment-reminders")}>
          <button type="submit" class="secondary">
            Send Reminder
          </button>
        </PostForm>
      )}
    </div>
  );
};

/** A Single's date and time, adjustable until the client confirms. */
const When: FC<{ view: SessionDetailsView; form: FormState }> = ({ view, form }) => (
  <section aria-labelledby="when-title">
    <h2 id="when-title">Date and time</h2>
    <PostForm action={paths.sessionAction(view.id, "when")}>
      <DateTimeFields form={form} timeZone={view.timeZone} />
      <button type="submit" class="secondary">
        Change Date and Time
      </button>
    </PostForm>
  </section>
);

export const SessionDetailsPage: FC<{
  view: SessionDetailsView;
  locale: string;
  origin: string;
  when: FormState;
  action: FormState;
  notice?: string;
  waitlist?: WaitlistData | undefined;
}> = ({ view, locale, origin, when, action, notice, waitlist }) => (
  <>
    <p>
      <a href={paths.sessions}>Booking Sessions</a>
    </p>
    <Heading text={view.name} />
    <Notice code={notice} />
    <ErrorSummary form={action} />
    <ErrorSummary form={when} />
    {/* A Single is private to its client: only Multi sessions are shared and embedded. */}
    {view.classification === "multi" && <PublicLink url={view.url} />}
    <Summary view={view} locale={locale} />
    <Actions view={view} />
    {view.classification === "single" && !view.confirmed && <When view={view} form={when} />}
    <Spots view={view} locale={locale} />
    {waitlist && <Waitlist view={view} waitlist={waitlist} locale={locale} />}
    {view.classification === "multi" && <Embed slug={view.slug} origin={origin} />}
  </>
);

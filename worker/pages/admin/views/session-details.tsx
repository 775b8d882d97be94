import type { FC } from "hono/jsx";
import type { LineSummary } from "../../../actions/launch.ts";
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
import { Opening } from "./launch.tsx";
import { Waitlist, type WaitlistData } from "./waitlist.tsx";

/** What a Single costs before anyone is booked on it: its package's price, if one is chosen. */
function unbookedAmount(view: SessionDetailsView): number | null {
  if (view.classification !== "single" || view.spots[0]?.booking) return null;
  return view.package?.priceCents ?? null;
}

const Summary: FC<{ view: SessionDetailsView; locale: string }> = ({ view, locale }) => {
  const money = (cents: number) => formatMoney(cents, view.totals.currency, locale);
  const booking = view.spots[0]?.booking;
  const packagePrice = unbookedAmount(view);
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
      {view.location && (
        <>
          <dt>Location</dt>
          <dd>{view.location}</dd>
        </>
      )}
      {view.description && (
        <>
          <dt>Description</dt>
          <dd>{view.description}</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>{view.status === "scheduled" ? "Scheduled" : "Cancelled"}</dd>
      <dt>Amount</dt>
      <dd>{money(packagePrice ?? view.totals.amountCents)}</dd>
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
  if (view.status === "cancelled") return null;
  return (
    <div class="actions">
      <a class="button secondary" href={paths.sessionAction(view.id, "edit")}>
        Edit Session
      </a>
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
      {!single && (
        <a class="button secondary" href={paths.sessionAction(view.id, "shift")}>
          Move Session
        </a>
      )}
      {!single && (
        <a class="button secondary" href={paths.sessionAction(view.id, "announce")}>
          Announce this session
        </a>
      )}
      <a class="button secondary" href={paths.sessionEmails(view.id)}>
        Choose Emails
      </a>
      {/* Send Reminder is for confirmed bookings with a balance due, as the action sends. */}
      {view.spots.some((s) => s.booking?.status === "confirmed" && s.booking.balanceCents > 0) && (
        <PostForm action={paths.sessionAction(view.id, "payment-reminders")}>
          <button type="submit" class="secondary">
            Send Reminder
          </button>
        </PostForm>
      )}
      {view.spots.some((s) => s.booking) ? (
        <a class="button danger" href={paths.sessionAction(view.id, "cancel")}>
          Cancel Session
        </a>
      ) : (
        <a class="button danger" href={paths.sessionAction(view.id, "delete")}>
          Delete Session
        </a>
      )}
    </div>
  );
};

/** Cancelled bookings still holding what their clients paid: each one's page records the refund. */
const RefundsDue: FC<{ view: SessionDetailsView; locale: string }> = ({ view, locale }) =>
  view.refundsDue.length === 0 ? null : (
    <section aria-labelledby="refunds-title">
      <h2 id="refunds-title">Refunds due</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Paid, to refund</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.refundsDue.map((r) => (
            <tr>
              <td>{r.client ? `${r.client.name} (${r.client.email})` : "—"}</td>
              <td>{formatMoney(r.paidCents, r.currency, locale)}</td>
              <td>
                <a href={paths.booking(r.bookingId)}>
                  Record Refund<span class="visually-hidden"> for {r.client?.name ?? "this booking"}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );

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
  /** The studio's websites the widget may be embedded on. */
  allowedOrigins: string[];
  when: FormState;
  action: FormState;
  notice?: string;
  waitlist?: WaitlistData | undefined;
  /** A Multi session's launch line (its opening time), while it is scheduled. */
  line?: LineSummary | undefined;
  opening: FormState;
}> = ({ view, locale, origin, allowedOrigins, when, action, notice, waitlist, line, opening }) => (
  <>
    <p>
      <a href={paths.sessions}>Booking Sessions</a>
    </p>
    <Heading text={view.name} />
    <Notice code={notice} />
    {view.status === "cancelled" && (
      <p class="notice cancelled" role="status">
        This session is cancelled. Its clients were emailed, and its page offers nothing to book.
      </p>
    )}
    <ErrorSummary form={action} />
    <ErrorSummary form={when} />
    <ErrorSummary form={opening} />
    {/* A Single is private to its client: only Multi sessions are shared and embedded. */}
    {view.classification === "multi" && <PublicLink url={view.url} />}
    <Summary view={view} locale={locale} />
    <Actions view={view} />
    <RefundsDue view={view} locale={locale} />
    {view.classification === "single" && !view.confirmed && view.status === "scheduled" && (
      <When view={view} form={when} />
    )}
    {line && <Opening view={view} line={line} form={opening} locale={locale} />}
    <Spots view={view} locale={locale} />
    {waitlist && <Waitlist view={view} waitlist={waitlist} locale={locale} />}
    {view.classification === "multi" && view.status === "scheduled" && (
      <Embed slug={view.slug} origin={origin} allowedOrigins={allowedOrigins} />
    )}
  </>
);

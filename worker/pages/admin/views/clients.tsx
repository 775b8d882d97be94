import type { FC } from "hono/jsx";
import type { ClientOverview } from "../../../actions/overview.ts";
import { balanceDue, formatMoney } from "../../../domain/money.ts";
import type { Studio } from "../../../env.ts";
import type { ClientRow } from "../../../queries/clients.ts";
import { ClientFields } from "../components/client-choice.tsx";
import { ErrorSummary, PostForm } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import type { FormState } from "../form.ts";
import { bookingStatusLabels, formatDateTime } from "../format.ts";
import { paths } from "../paths.ts";

export const ClientsPage: FC<{ studio: Studio; clients: ClientRow[]; q: string; notice?: string }> = ({
  studio,
  clients,
  q,
  notice,
}) => (
  <>
    <Heading text="Studio & Clients" />
    <Notice code={notice} />
    <h2>Studio</h2>
    <dl class="summary">
      <dt>Name</dt>
      <dd>{studio.name}</dd>
      <dt>Sign-in email</dt>
      <dd>{studio.email ?? "—"}</dd>
      <dt>Time zone</dt>
      <dd>{studio.timeZone}</dd>
      <dt>Currency</dt>
      <dd>{studio.currency}</dd>
    </dl>
    <h2 id="clients-title">Clients</h2>
    <div class="actions">
      <a class="button" href={paths.newClient}>
        Add a Client
      </a>
    </div>
    <form method="get" action={paths.clients}>
      <div class="field">
        <label for="q">Search by name or email</label>
        <input id="q" name="q" type="search" value={q} />
      </div>
      <button type="submit" class="secondary">
        Search
      </button>
    </form>
    {clients.length === 0 ? (
      <p>{q ? "No client matches that search." : "No clients yet."}</p>
    ) : (
      <table aria-labelledby="clients-title">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr>
              <td>
                <a href={paths.client(client.id)}>{client.name}</a>
              </td>
              <td>{client.email}</td>
              <td>{client.phone ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);

export const ClientFormPage: FC<{ form: FormState; action: string; heading: string }> = ({
  form,
  action,
  heading,
}) => (
  <>
    <Heading text={heading} />
    <ErrorSummary form={form} />
    <PostForm action={action}>
      <ClientFields form={form} />
      <button type="submit">Save Client</button>
    </PostForm>
    <p>
      <a href={paths.clients}>Back to Studio &amp; Clients</a>
    </p>
  </>
);

/** A client's page: their bookings and what each owes, the mail they were sent, then their details. */
export const ClientPage: FC<{
  overview: ClientOverview;
  form: FormState;
  studio: { locale: string; currency: string; timeZone: string };
}> = ({ overview, form, studio }) => {
  const { locale, currency } = studio;
  const { client } = overview;
  const money = (cents: number) => formatMoney(cents, currency, locale);
  return (
    <>
      <p>
        <a href={paths.clients}>Studio &amp; Clients</a>
      </p>
      <Heading text={client.name} />
      <ErrorSummary form={form} />
      <dl class="summary">
        <dt>Email</dt>
        <dd>{client.email}</dd>
        <dt>Phone</dt>
        <dd>{client.phone ?? "—"}</dd>
        <dt>Announcements</dt>
        <dd>{client.unsubscribedAt === null ? "Receives them" : "Unsubscribed: sent no announcements"}</dd>
        <dt>Paid in all</dt>
        <dd>{money(overview.paidCents)}</dd>
        <dt>Balance due</dt>
        <dd>{money(overview.balanceDueCents)}</dd>
      </dl>
      <section aria-labelledby="client-bookings">
        <h2 id="client-bookings">Bookings</h2>
        {overview.bookings.length === 0 ? (
          <p>No bookings yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Session</th>
                <th scope="col">Spot</th>
                <th scope="col">State</th>
                <th scope="col">Paid</th>
                <th scope="col">Balance due</th>
              </tr>
            </thead>
            <tbody>
              {overview.bookings.map((r) => (
                <tr>
                  <td>
                    <a href={paths.booking(r.booking.id)}>{r.session.name}</a>
                  </td>
                  <td>{formatDateTime(r.spot.startsAt, { timeZone: r.session.timeZone, locale })}</td>
                  <td>{bookingStatusLabels[r.booking.status]}</td>
                  <td>{money(r.booking.paidCents)}</td>
                  <td>{r.booking.status === "cancelled" ? "—" : money(balanceDue(r.booking))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="client-mail">
        <h2 id="client-mail">Emails</h2>
        {overview.mail.length === 0 ? (
          <p>No email sent yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Subject</th>
                <th scope="col">Sent</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {overview.mail.map((m) => (
                <tr>
                  <td>
                    <a href={paths.message(m.id)}>{m.subject}</a>
                  </td>
                  <td>{formatDateTime(m.createdAt, studio)}</td>
                  <td>{m.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="client-edit">
        <h2 id="client-edit">Edit Client</h2>
        <PostForm action={paths.client(client.id)}>
          <ClientFields form={form} />
          <button type="submit">Save Client</button>
        </PostForm>
      </section>
    </>
  );
};

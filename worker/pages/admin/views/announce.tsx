import type { FC } from "hono/jsx";
import type { AudienceCounts } from "../../../actions/announcements.ts";
import type { SessionDetailsView } from "../../../schemas/session-views.ts";
import { ErrorSummary, PostForm, SelectField } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import type { FormState } from "../form.ts";
import { formatDateTime } from "../format.ts";
import { paths } from "../paths.ts";

export type AnnouncePageProps = {
  view: SessionDetailsView;
  form: FormState;
  sessionTypes: { value: string; label: string }[];
  counts: AudienceCounts;
  announced: { clientId: string; name: string; email: string; announcedAt: number }[];
  zoned: { timeZone: string; locale: string };
  notice?: string;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Announce this session: choose the clients, see how many it reaches, then send once. */
export const AnnouncePage: FC<AnnouncePageProps> = ({
  view,
  form,
  sessionTypes,
  counts,
  announced,
  zoned,
  notice,
}) => {
  const action = paths.sessionAction(view.id, "announce");
  const { alreadyAnnounced, unsubscribed } = counts.skipped;
  return (
    <>
      <Heading text="Announce this session" />
      <Notice code={notice} />
      <p>
        Email {view.name}'s link to your clients. Each client hears of a session once, and every email carries
        a link to stop announcements; those who used it are skipped. Booking emails are not affected.
      </p>
      <ErrorSummary form={form} />
      <form method="get" action={action}>
        <SelectField
          form={form}
          name="sessionTypeId"
          label="Send to"
          blank="All clients"
          choices={sessionTypes.map((t) => ({ value: t.value, label: `Past clients of ${t.label}` }))}
        />
        <button type="submit" class="secondary">
          Count
        </button>
      </form>
      <p role="status" id="audience-count">
        {plural(counts.recipients, "client", "clients")} will receive it. Skipped:{" "}
        {plural(alreadyAnnounced, "already announced", "already announced")},{" "}
        {plural(unsubscribed, "unsubscribed", "unsubscribed")}.
      </p>
      <PostForm action={action}>
        <input type="hidden" name="sessionTypeId" value={form.values.sessionTypeId ?? ""} />
        <button type="submit" disabled={counts.recipients === 0}>
          Send to {plural(counts.recipients, "client", "clients")}
        </button>
      </PostForm>
      <h2>Announced to</h2>
      {announced.length === 0 ? (
        <p>Nobody yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Email</th>
              <th scope="col">Sent</th>
            </tr>
          </thead>
          <tbody>
            {announced.map((a) => (
              <tr>
                <td>
                  <a href={paths.client(a.clientId)}>{a.name}</a>
                </td>
                <td>{a.email}</td>
                <td>{formatDateTime(a.announcedAt, zoned)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <a href={paths.session(view.id)}>Back to {view.name}</a>
      </p>
    </>
  );
};

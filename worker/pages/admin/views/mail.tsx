import type { FC } from "hono/jsx";
import type { Mail, MailSummary } from "../../../queries/mail.ts";
import { Heading } from "../components/heading.tsx";
import { formatDateTime } from "../format.ts";
import { paths } from "../paths.ts";

type Zoned = { timeZone: string; locale: string };

const statusLabels: Record<Mail["status"], string> = { queued: "Queued", sent: "Sent", failed: "Failed" };

export const MailPage: FC<{ mail: MailSummary[]; zoned: Zoned }> = ({ mail, zoned }) => (
  <>
    <Heading text="Mail" />
    <p>
      Every email Spotbook writes for your studio. With the local mail setting, nothing leaves this outbox:
      read the messages here.
    </p>
    {mail.length === 0 ? (
      <p>No mail yet.</p>
    ) : (
      <table>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">Recipient</th>
            <th scope="col">Status</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {mail.map((m) => (
            <tr>
              <td>
                <a href={paths.message(m.id)}>{m.subject}</a>
              </td>
              <td>{m.recipient}</td>
              <td>{statusLabels[m.status]}</td>
              <td>{formatDateTime(m.createdAt, zoned)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </>
);

/** One message: its text as sent, and its HTML in a sandboxed frame served with its own policy. */
export const MessagePage: FC<{ mail: Mail; zoned: Zoned }> = ({ mail, zoned }) => (
  <>
    <p>
      <a href={paths.mail}>Mail</a>
    </p>
    <Heading text={mail.subject} />
    <dl class="summary">
      <dt>To</dt>
      <dd>{mail.recipient}</dd>
      <dt>Status</dt>
      <dd>{statusLabels[mail.status]}</dd>
      <dt>Created</dt>
      <dd>{formatDateTime(mail.createdAt, zoned)}</dd>
      {mail.lastError && (
        <>
          <dt>Last error</dt>
          <dd>{mail.lastError}</dd>
        </>
      )}
    </dl>
    <h2>Text</h2>
    <pre class="mail">{mail.text}</pre>
    <h2>HTML</h2>
    <iframe
      class="mail"
      title={`The HTML of “${mail.subject}”`}
      sandbox=""
      src={paths.messageHtml(mail.id)}
    />
  </>
);

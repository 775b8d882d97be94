import type { FC } from "hono/jsx";
import type { Studio } from "../../../env.ts";
import type { ClientRow } from "../../../queries/clients.ts";
import { ClientFields } from "../components/client-choice.tsx";
import { ErrorSummary, PostForm } from "../components/fields.tsx";
import { Heading } from "../components/heading.tsx";
import { Notice } from "../components/notice.tsx";
import type { FormState } from "../form.ts";
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

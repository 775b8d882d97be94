import type { FC } from "hono/jsx";
import type { ClientRow } from "../../../queries/clients.ts";
import type { FormState } from "../form.ts";
import { Field, PostForm, SelectField } from "./fields.tsx";

export const clientChoices = (clients: ClientRow[]) =>
  clients.map((c) => ({ value: c.id, label: `${c.name} (${c.email})` }));

/** A client's name, email and phone; `prefix` names the fields inside a larger form ("client."). */
export const ClientFields: FC<{ form: FormState; prefix?: string }> = ({ form, prefix = "" }) => (
  <>
    <Field form={form} name={`${prefix}name`} label="Name" autocomplete="off" required />
    <Field form={form} name={`${prefix}email`} label="Email" type="email" autocomplete="off" required />
    <Field form={form} name={`${prefix}phone`} label="Phone" type="tel" autocomplete="off" />
  </>
);

/** "Select or add" a client: two forms to one address, told apart by their fields. */
export const ClientChoiceForms: FC<{
  form: FormState;
  action: string;
  clients: ClientRow[];
  chooseLabel: string;
  addLabel: string;
}> = ({ form, action, clients, chooseLabel, addLabel }) => (
  <>
    {clients.length > 0 && (
      <section aria-labelledby="choose-title">
        <h2 id="choose-title">An existing client</h2>
        <PostForm action={action}>
          <SelectField
            form={form}
            name="clientId"
            label="Client"
            blank="Choose a client"
            choices={clientChoices(clients)}
          />
          <button type="submit">{chooseLabel}</button>
        </PostForm>
      </section>
    )}
    <section aria-labelledby="add-title">
      <h2 id="add-title">A new client</h2>
      <PostForm action={action}>
        <ClientFields form={form} prefix="client." />
        <button type="submit">{addLabel}</button>
      </PostForm>
    </section>
  </>
);

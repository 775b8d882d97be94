import type { Context } from "hono";
import { Hono } from "hono";
import { addClient, findClients, updateClient } from "../../../actions/clients.ts";
import type { StudioContext } from "../../../actions/context.ts";
import { clientOverview } from "../../../actions/overview.ts";
import { studioContext } from "../../../middleware/context.ts";
import { ClientInput } from "../../../schemas/fields.ts";
import { parseInput } from "../../../schemas/validate.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { paths } from "../paths.ts";
import { submitForm } from "../submit.ts";
import { ClientFormPage, ClientPage, ClientsPage } from "../views/clients.tsx";
import { clientInput } from "./inputs.ts";

export const clientPages = new Hono<AdminEnv>();

const showForm = (c: Context<AdminEnv>, form: FormState, action: string) => {
  const heading = action === paths.newClient ? "Add a Client" : "Edit Client";
  return c.render(<ClientFormPage form={form} action={action} heading={heading} />);
};

/** Saves a new client, or the one `id` names; a refusal shows the form again with what was typed. */
async function save(c: Context<AdminEnv>, action: string, id?: string) {
  const typed = new Converter(await readForm(c));
  const act = (ctx: StudioContext) =>
    id === undefined
      ? addClient(ctx, parseInput(ClientInput, clientInput(typed)))
      : updateClient(ctx, id, parseInput(ClientInput.partial(), clientInput(typed)));
  return submitForm(c, typed, act, {
    done: () => withNotice(paths.clients, "client-saved"),
    refused: (form) => (id === undefined ? showForm(c, form, action) : showClient(c, id, form)),
  });
}

clientPages.get("/", async (c) => {
  const q = (c.req.query("q") ?? "").trim().slice(0, 200);
  const clients = await findClients(studioContext(c), q);
  return c.render(<ClientsPage studio={c.var.studio} clients={clients} q={q} notice={c.req.query("done")} />);
});

clientPages.get("/new", (c) => showForm(c, formOf(), paths.newClient));
clientPages.post("/new", (c) => save(c, paths.newClient));

/** The client's bookings, balances and mail, with their details to edit. */
async function showClient(c: Context<AdminEnv>, id: string, form?: FormState) {
  const overview = await clientOverview(studioContext(c), id);
  const { client } = overview;
  const values = { name: client.name, email: client.email, phone: client.phone ?? "" };
  return c.render(<ClientPage overview={overview} form={form ?? formOf(values)} studio={c.var.studio} />);
}

clientPages.get("/:id", (c) => showClient(c, c.req.param("id")));

clientPages.post("/:id", (c) => {
  const id = c.req.param("id");
  return save(c, paths.client(id), id);
});

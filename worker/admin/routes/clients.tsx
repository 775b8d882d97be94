import type { Context } from "hono";
import { Hono } from "hono";
import { notFound } from "../../http/problem.ts";
import { getClient, searchClients } from "../../queries/clients.ts";
import { submitForm } from "../api.ts";
import { withNotice } from "../components/notice.tsx";
import type { AdminEnv } from "../env.ts";
import { Converter, type FormState, formOf, readForm } from "../form.ts";
import { ClientFormPage, ClientsPage } from "../pages/clients.tsx";
import { paths } from "../paths.ts";
import { clientInput } from "./inputs.ts";

export const clientPages = new Hono<AdminEnv>();

const showForm = (c: Context<AdminEnv>, form: FormState, action: string) => {
  const heading = action === paths.newClient ? "Add a Client" : "Edit Client";
  return c.render(<ClientFormPage form={form} action={action} heading={heading} />);
};

/** Saves through the API; a refusal shows the form again with what was typed. */
async function save(c: Context<AdminEnv>, action: string, method: "POST" | "PATCH", apiPath: string) {
  const typed = new Converter(await readForm(c));
  return submitForm(c, { method, path: apiPath, body: clientInput(typed) }, typed, {
    done: () => withNotice(paths.clients, "client-saved"),
    refused: (form) => showForm(c, form, action),
  });
}

clientPages.get("/", async (c) => {
  const q = (c.req.query("q") ?? "").trim().slice(0, 200);
  const clients = await searchClients(c.var.db, c.var.studio.id, q || undefined);
  return c.render(<ClientsPage studio={c.var.studio} clients={clients} q={q} notice={c.req.query("done")} />);
});

clientPages.get("/new", (c) => showForm(c, formOf(), paths.newClient));
clientPages.post("/new", (c) => save(c, paths.newClient, "POST", "/v1/admin/clients"));

clientPages.get("/:id", async (c) => {
  const client = await getClient(c.var.db, c.var.studio.id, c.req.param("id"));
  if (!client) throw notFound("client");
  const values = { name: client.name, email: client.email, phone: client.phone ?? "" };
  return showForm(c, formOf(values), paths.client(client.id));
});

clientPages.post("/:id", (c) => {
  const id = c.req.param("id");
  return save(c, paths.client(id), "PATCH", `/v1/admin/clients/${encodeURIComponent(id)}`);
});

import { createRoute, z } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { clients } from "../../../db/schema.ts";
import type { Db } from "../../env.ts";
import { type ClientRow, getClient, searchClients } from "../../queries/clients.ts";
import { isUniqueViolation } from "../../queries/constraints.ts";
import { createRouter } from "../app.ts";
import { ApiError, notFound } from "../problem.ts";
import { adminSecurity, ClientInput, IdParam, json, jsonBody, problems } from "../schemas.ts";

export const ClientSchema = z
  .object({ id: z.string(), name: z.string(), email: z.string(), phone: z.string().nullable() })
  .openapi("Client");

export const toClient = (c: ClientRow): z.infer<typeof ClientSchema> => ({
  id: c.id,
  name: c.name,
  email: c.email,
  phone: c.phone,
});

const emailTaken = (email: string) =>
  new ApiError(409, "already_exists", `A client with the email ${email} already exists.`, [
    { path: "email", message: "Another client has this email." },
  ]);

/** Adds a client, answering 409 already_exists when the studio has that email already. */
export async function addClient(
  db: Db,
  studioId: string,
  input: z.infer<typeof ClientInput>,
): Promise<ClientRow> {
  try {
    const [row] = await db
      .insert(clients)
      .values({ studioId, name: input.name, email: input.email, phone: input.phone || null })
      .returning();
    if (!row) throw new Error("client insert returned nothing");
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email);
    throw err;
  }
}

const Wrapped = json(z.object({ client: ClientSchema }));

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    tags: ["Clients"],
    summary: "List clients; `q` searches name and email",
    security: adminSecurity,
    request: { query: z.object({ q: z.string().trim().max(200).optional() }) },
    responses: {
      200: { description: "OK", ...json(z.object({ clients: z.array(ClientSchema) })) },
      ...problems(401, 422),
    },
  }),
  async (c) => {
    const rows = await searchClients(c.var.db, c.var.studio.id, c.req.valid("query").q || undefined);
    return c.json({ clients: rows.map(toClient) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    tags: ["Clients"],
    summary: "Add a client (email unique per studio)",
    security: adminSecurity,
    request: jsonBody(ClientInput.openapi("ClientInput")),
    responses: { 201: { description: "Created", ...Wrapped }, ...problems(401, 409, 415, 422) },
  }),
  async (c) => {
    const client = await addClient(c.var.db, c.var.studio.id, c.req.valid("json"));
    return c.json({ client: toClient(client) }, 201);
  },
);

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}",
    tags: ["Clients"],
    summary: "A client",
    security: adminSecurity,
    request: { params: IdParam },
    responses: { 200: { description: "OK", ...Wrapped }, ...problems(401, 404) },
  }),
  async (c) => {
    const client = await getClient(c.var.db, c.var.studio.id, c.req.valid("param").id);
    if (!client) throw notFound("client");
    return c.json({ client: toClient(client) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/{id}",
    tags: ["Clients"],
    summary: "Edit a client",
    security: adminSecurity,
    request: { params: IdParam, ...jsonBody(ClientInput.partial().openapi("UpdateClient")) },
    responses: { 200: { description: "OK", ...Wrapped }, ...problems(401, 404, 409, 415, 422) },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const input = c.req.valid("json");
    const studioId = c.var.studio.id;
    const changes = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.email !== undefined && { email: input.email }),
      ...(input.phone !== undefined && { phone: input.phone || null }),
    };
    if (Object.keys(changes).length === 0) {
      const client = await getClient(c.var.db, studioId, id);
      if (!client) throw notFound("client");
      return c.json({ client: toClient(client) }, 200);
    }
    try {
      const [row] = await c.var.db
        .update(clients)
        .set(changes)
        .where(and(eq(clients.studioId, studioId), eq(clients.id, id)))
        .returning();
      if (!row) throw notFound("client");
      return c.json({ client: toClient(row) }, 200);
    } catch (err) {
      if (isUniqueViolation(err)) throw emailTaken(input.email ?? "");
      throw err;
    }
  },
);

export default router;

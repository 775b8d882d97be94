import { createRoute, z } from "@hono/zod-openapi";
import { addClient, clientOf, findClients, updateClient } from "../../actions/clients.ts";
import { studioContext } from "../../middleware/context.ts";
import { ClientSchema, toClient } from "../../schemas/catalog-views.ts";
import { exampleClient, exampleNewClient } from "../../schemas/examples/index.ts";
import { ClientInput } from "../../schemas/fields.ts";
import { createRouter } from "../app.ts";
import { adminSecurity, IdParam, json, jsonBody, problems } from "../openapi.ts";

const Wrapped = DOCUMENTED && json(z.object({ client: ClientSchema }), { client: exampleClient });

const router = createRouter();

router.openapi(
  createRoute({
    method: "get",
    path: "/",
    request: { query: z.object({ q: z.string().trim().max(200).optional() }) },
    ...(DOCUMENTED && {
      tags: ["Clients"],
      summary: "List clients; `q` searches name and email",
      security: adminSecurity,
      responses: {
        200: {
          description: "OK",
          ...json(z.object({ clients: z.array(ClientSchema) }), { clients: [exampleClient] }),
        },
      },
    }),
  }),
  async (c) => {
    const rows = await findClients(studioContext(c), c.req.valid("query").q);
    return c.json({ clients: rows.map(toClient) }, 200);
  },
);

router.openapi(
  createRoute({
    method: "post",
    path: "/",
    request: jsonBody(ClientInput.openapi("ClientInput"), DOCUMENTED && exampleNewClient),
    ...(DOCUMENTED && {
      tags: ["Clients"],
      summary: "Add a client (email unique per studio)",
      security: adminSecurity,
      responses: { 201: { description: "Created", ...Wrapped }, ...problems(409) },
    }),
  }),
  async (c) => c.json({ client: toClient(await addClient(studioContext(c), c.req.valid("json"))) }, 201),
);

router.openapi(
  createRoute({
    method: "get",
    path: "/{id}",
    request: { params: IdParam },
    ...(DOCUMENTED && {
      tags: ["Clients"],
      summary: "A client",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404) },
    }),
  }),
  async (c) => c.json({ client: toClient(await clientOf(studioContext(c), c.req.valid("param").id)) }, 200),
);

router.openapi(
  createRoute({
    method: "patch",
    path: "/{id}",
    request: {
      params: IdParam,
      ...jsonBody(ClientInput.partial().openapi("UpdateClient"), DOCUMENTED && { phone: "+1 555 0199" }),
    },
    ...(DOCUMENTED && {
      tags: ["Clients"],
      summary: "Edit a client",
      security: adminSecurity,
      responses: { 200: { description: "OK", ...Wrapped }, ...problems(404, 409) },
    }),
  }),
  async (c) => {
    const client = await updateClient(studioContext(c), c.req.valid("param").id, c.req.valid("json"));
    return c.json({ client: toClient(client) }, 200);
  },
);

export default router;

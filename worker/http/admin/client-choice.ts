import { z } from "@hono/zod-openapi";
import type { Db } from "../../env.ts";
import { type ClientRow, getClient, getClientByEmail } from "../../queries/clients.ts";
import { invalid } from "../problem.ts";
import { ClientInput, Id } from "../schemas.ts";
import { addClient } from "./clients.ts";

/** "Select or add" a client: an existing client's id, or a new client's details. */
export const ClientChoice = z
  .union([z.object({ clientId: Id }).strict(), z.object({ client: ClientInput }).strict()])
  .openapi("ClientChoice");

/** The chosen client; a new one whose email the studio already has is that same client. */
export async function resolveClient(
  db: Db,
  studioId: string,
  choice: z.infer<typeof ClientChoice>,
): Promise<ClientRow> {
  if ("clientId" in choice) {
    const client = await getClient(db, studioId, choice.clientId);
    if (!client) throw invalid("clientId", "No client with that id.");
    return client;
  }
  return (
    (await getClientByEmail(db, studioId, choice.client.email)) ?? addClient(db, studioId, choice.client)
  );
}

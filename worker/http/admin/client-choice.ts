import { z } from "@hono/zod-openapi";
import type { BatchItem } from "drizzle-orm/batch";
import { clients } from "../../../db/schema.ts";
import type { Db } from "../../env.ts";
import { type ClientRow, getClient, getClientByEmail } from "../../queries/clients.ts";
import { invalid } from "../problem.ts";
import { ClientInput, Id } from "../schemas.ts";

/** "Select or add" a client: an existing client's id, or a new client's details. */
export const ClientChoice = z
  .union([z.object({ clientId: Id }).strict(), z.object({ client: ClientInput }).strict()])
  .openapi("ClientChoice");

/**
 * The chosen client, and for a new one the insert that adds it: the caller puts that in the same
 * batch as the reservation or assignment, so a refused action leaves no stray client behind. A
 * new client whose email the studio already has is that same client.
 */
export async function resolveClient(
  db: Db,
  studioId: string,
  choice: z.infer<typeof ClientChoice>,
): Promise<{ client: ClientRow; writes: BatchItem<"sqlite">[] }> {
  if ("clientId" in choice) {
    const client = await getClient(db, studioId, choice.clientId);
    if (!client) throw invalid("clientId", "No client with that id.");
    return { client, writes: [] };
  }
  const known = await getClientByEmail(db, studioId, choice.client.email);
  if (known) return { client: known, writes: [] };
  const client: ClientRow = {
    id: crypto.randomUUID(),
    studioId,
    name: choice.client.name,
    email: choice.client.email,
    phone: choice.client.phone || null,
    createdAt: Date.now(),
  };
  return { client, writes: [db.insert(clients).values(client)] };
}

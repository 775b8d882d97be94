import { and, eq } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { clients } from "../../db/schema.ts";
import { invalid, notFound, refusal } from "../domain/errors.ts";
import { type ClientRow, getClient, getClientByEmail, searchClients } from "../queries/clients.ts";
import { isUniqueViolation } from "../queries/constraints.ts";
import type { ClientInput } from "../schemas/fields.ts";
import type { ClientChoice } from "../schemas/sessions.ts";
import type { StudioContext } from "./context.ts";

const emailTaken = (email: string) =>
  refusal(
    "already_exists",
    `A client with the email ${email} already exists.`,
    "email",
    "Another client has this email.",
  );

/** The studio's clients whose name or email contains `q`, by name. */
export const findClients = (ctx: StudioContext, q?: string, limit?: number): Promise<ClientRow[]> =>
  searchClients(ctx.db, ctx.studio.id, q || undefined, limit);

export async function clientOf(ctx: StudioContext, id: string): Promise<ClientRow> {
  const client = await getClient(ctx.db, ctx.studio.id, id);
  if (!client) throw notFound("client");
  return client;
}

/** Adds a client, refused (already_exists) when the studio has that email already. */
export async function addClient(ctx: StudioContext, input: ClientInput): Promise<ClientRow> {
  try {
    const [row] = await ctx.db
      .insert(clients)
      .values({ studioId: ctx.studio.id, name: input.name, email: input.email, phone: input.phone || null })
      .returning();
    if (!row) throw new Error("client insert returned nothing");
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email);
    throw err;
  }
}

export async function updateClient(
  ctx: StudioContext,
  id: string,
  input: Partial<ClientInput>,
): Promise<ClientRow> {
  const changes = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.email !== undefined && { email: input.email }),
    ...(input.phone !== undefined && { phone: input.phone || null }),
  };
  if (Object.keys(changes).length === 0) return clientOf(ctx, id);
  try {
    const [row] = await ctx.db
      .update(clients)
      .set(changes)
      .where(and(eq(clients.studioId, ctx.studio.id), eq(clients.id, id)))
      .returning();
    if (!row) throw notFound("client");
    return row;
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(input.email ?? "");
    throw err;
  }
}

/**
 * The chosen client, and for a new one the insert that adds it: the caller puts that in the same
 * batch as the reservation or assignment, so a refused action leaves no stray client behind. A
 * new client whose email the studio already has is that same client.
 */
export async function chosenClient(
  ctx: StudioContext,
  choice: ClientChoice,
): Promise<{ client: ClientRow; writes: BatchItem<"sqlite">[] }> {
  const studioId = ctx.studio.id;
  if ("clientId" in choice) {
    const client = await getClient(ctx.db, studioId, choice.clientId);
    if (!client) throw invalid("clientId", "No client with that id.");
    return { client, writes: [] };
  }
  const known = await getClientByEmail(ctx.db, studioId, choice.client.email);
  if (known) return { client: known, writes: [] };
  const client: ClientRow = {
    id: crypto.randomUUID(),
    studioId,
    name: choice.client.name,
    email: choice.client.email,
    phone: choice.client.phone || null,
    createdAt: ctx.now,
    unsubscribedAt: null,
  };
  return { client, writes: [ctx.db.insert(clients).values(client)] };
}

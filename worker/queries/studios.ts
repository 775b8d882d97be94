import { eq, inArray } from "drizzle-orm";
import { adminTokens, studios } from "../../db/schema.ts";
import { sha256 } from "../domain/tokens.ts";
import type { Db, Studio } from "../env.ts";

/** The studio an admin token belongs to, or null: the API's bearer and the admin set-up page. */
export async function studioByAdminToken(db: Db, token: string): Promise<Studio | null> {
  const owner = db
    .select({ id: adminTokens.studioId })
    .from(adminTokens)
    .where(eq(adminTokens.tokenHash, await sha256(token)));
  const [studio] = await db.select().from(studios).where(inArray(studios.id, owner));
  return studio ?? null;
}

import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../env.ts";

/** Runs writes as one atomic D1 batch; a list that turned out empty is no round trip at all. */
export async function writeAll(db: Db, writes: BatchItem<"sqlite">[]): Promise<void> {
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
}

import { fillPlaceholders, type Query } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../env.ts";

/** Runs writes as one atomic D1 batch; a list that turned out empty is no round trip at all. */
export async function writeAll(db: Db, writes: BatchItem<"sqlite">[]): Promise<void> {
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
}

/** A read prepared once with `sql.placeholder`s (a builder's `.prepare()`). */
type PreparedRead<T> = {
  all(): Promise<T>;
  getQuery(): Query;
  mapResult(response: unknown, isFromBatch?: boolean): unknown;
};

/**
 * Reads prepared once and run as one D1 batch with this call's values for their placeholders,
 * each answer mapped to typed rows as drizzle's `db.batch` maps it. `db.batch` builds every
 * query's SQL again on each call (and fills no placeholders): for the widget's session read, the
 * Worker's hottest path, that building was most of drizzle's cost.
 */
export async function readPrepared<const P extends readonly PreparedRead<unknown>[]>(
  db: Db,
  reads: P,
  values: Record<string, unknown>,
): Promise<{ -readonly [K in keyof P]: Awaited<ReturnType<P[K]["all"]>> }> {
  const answers = await db.$client.batch(
    reads.map((read) => {
      const query = read.getQuery();
      return db.$client.prepare(query.sql).bind(...fillPlaceholders(query.params, values));
    }),
  );
  return reads.map((read, i) => read.mapResult(answers[i], true)) as {
    -readonly [K in keyof P]: Awaited<ReturnType<P[K]["all"]>>;
  };
}

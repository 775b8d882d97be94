import { getTableColumns, is, SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../env.ts";

type RowOf<T extends SQLiteTable> = { [K in keyof T["$inferInsert"]]?: T["$inferInsert"][K] | SQL };

/**
 * `INSERT INTO table SELECT <row> <tail>`: an insert whose values may come from other tables and
 * which happens only when `tail` finds a row. Drizzle lists every column in table order, so the
 * row is laid out the same way, missing columns taking their defaults.
 */
export function insertSelect<T extends SQLiteTable>(db: Db, table: T, row: RowOf<T>, tail: SQL) {
  const values: SQL[] = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const given = (row as Record<string, unknown>)[key];
    if (is(given, SQL)) return given;
    const value = given !== undefined ? given : (column.defaultFn?.() ?? column.default ?? null);
    return value === null ? sql`null` : sql`${column.mapToDriverValue(value)}`;
  });
  return db.insert(table).select(sql`select ${sql.join(values, sql`, `)} ${tail}`);
}

/**
 * An insert that happens only if the statement before it in the same D1 batch changed exactly one
 * row (SQLite's changes()). It chains follow-ups (a link, an email) to a guarded update, so when
 * the guard fails (the hold expired a moment ago) nothing after it is written either.
 */
export const insertIfLastChanged = <T extends SQLiteTable>(db: Db, table: T, row: RowOf<T>) =>
  insertSelect(db, table, row, sql`where changes() = 1`);

/**
 * D1 reports a violated UNIQUE constraint only in its message (sometimes on the cause), as
 * "UNIQUE constraint failed: table.column". With `column` ("studios.email"), only a violation that
 * names it.
 */
export function isUniqueViolation(err: unknown, column?: string): boolean {
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    const failed = /UNIQUE constraint failed: ?([^\n]*)/i.exec(current.message);
    if (failed) return column === undefined || namesColumn(failed[1] ?? "", column);
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** Whether SQLite's list of columns ("studios.slug" or "t.a, t.b", then maybe ": SQLITE_…") has it. */
const namesColumn = (list: string, column: string): boolean =>
  list
    .split(":")[0]
    ?.split(",")
    .some((c) => c.trim().toLowerCase() === column.toLowerCase()) ?? false;

/**
 * D1 reports a violated UNIQUE constraint only in its message (sometimes on the cause), as
 * "UNIQUE constraint failed: table.column". With `column` ("studios.email"), only a violation that
 * names it.
 */
export function isUniqueViolation(err: unknown, column?: string): boolean {
  const failed = messageMatch(err, /UNIQUE constraint failed: ?([^\n]*)/i);
  return failed !== null && (column === undefined || namesColumn(failed[1] ?? "", column));
}

/** A row that names one missing (D1 enforces foreign keys), as "FOREIGN KEY constraint failed". */
export const isForeignKeyViolation = (err: unknown): boolean =>
  messageMatch(err, /FOREIGN KEY constraint failed/i) !== null;

function messageMatch(err: unknown, pattern: RegExp): RegExpExecArray | null {
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    const found = pattern.exec(current.message);
    if (found) return found;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Whether SQLite's list of columns ("studios.slug" or "t.a, t.b", then maybe ": SQLITE_…") has it. */
const namesColumn = (list: string, column: string): boolean =>
  list
    .split(":")[0]
    ?.split(",")
    .some((c) => c.trim().toLowerCase() === column.toLowerCase()) ?? false;

/** D1 reports a violated UNIQUE constraint only in its message (sometimes on the cause). */
export function isUniqueViolation(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; current instanceof Error && depth < 4; depth++) {
    if (/UNIQUE constraint failed/i.test(current.message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

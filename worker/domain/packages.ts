/** Which package a booking uses: the one asked for, else the session's, else the type's only one. */
export function choosePackage<P extends { id: string }>(
  available: readonly P[],
  ...preferences: (string | null | undefined)[]
): P | "unknown" | null {
  for (const id of preferences) {
    if (id) return available.find((p) => p.id === id) ?? "unknown";
  }
  return available.length === 1 ? (available[0] as P) : null;
}

import { DomainError, invalid } from "./errors.ts";

/** Which package a booking uses: the one asked for, else the session's, else the type's only one. */
function choosePackage<P extends { id: string }>(
  available: readonly P[],
  ...preferences: (string | null | undefined)[]
): P | "unknown" | null {
  for (const id of preferences) {
    if (id) return available.find((p) => p.id === id) ?? "unknown";
  }
  return available.length === 1 ? (available[0] as P) : null;
}

/** The package chosen as above, or null when none is chosen yet; one not offered is refused. */
export function offeredPackage<P extends { id: string }>(
  available: readonly P[],
  ...preferences: (string | null | undefined)[]
): P | null {
  const pkg = choosePackage(available, ...preferences);
  if (pkg === "unknown") throw invalid("packageId", "That package is not offered for this session.");
  return pkg;
}

/** The package a booking needs before it can be confirmed: chosen as above, and chosen at all. */
export function requirePackage<P extends { id: string }>(
  available: readonly P[],
  ...preferences: (string | null | undefined)[]
): P {
  const pkg = offeredPackage(available, ...preferences);
  if (!pkg) {
    throw new DomainError("package_required", "Choose a package.", {
      errors: [{ path: "packageId", message: "Choose a package." }],
    });
  }
  return pkg;
}

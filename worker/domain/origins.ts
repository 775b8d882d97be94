import { DomainError } from "./errors.ts";

/** A studio's booking answers only the sites it allows; our own pages (no other origin) always. */
export function requireAllowedSite(allowed: readonly string[], origin: string | null): void {
  if (origin && !allowed.includes(origin)) {
    throw new DomainError(
      "forbidden",
      `This studio has not allowed ${origin} to embed its booking sessions.`,
    );
  }
}

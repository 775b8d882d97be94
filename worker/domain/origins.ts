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

/**
 * The origin a photographer means by what they typed: "www.example.com", "example.com/book" and
 * "https://example.com/" all mean an https origin; anything else is kept as typed, for the
 * schema to refuse with its message.
 */
export function typedOrigin(typed: string): string {
  const value = typed.trim();
  if (!value) return value;
  try {
    const url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(value) ? value : `https://${value}`);
    return url.protocol === "https:" || url.protocol === "http:" ? url.origin : value;
  } catch {
    return value;
  }
}

/**
 * The other host a site is reached by: www.example.com for example.com and back. Visitors land
 * on either, so a site allowed by one name only turns half of them away. Null for an address
 * (localhost, an IP) that has no such twin.
 */
export function twinOrigin(origin: string): string | null {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }
  const host = url.hostname;
  if (!host.includes(".") || /^[\d.]+$/.test(host) || host.startsWith("[")) return null;
  url.hostname = host.startsWith("www.") ? host.slice(4) : `www.${host}`;
  return url.origin;
}

import { sameSecret } from "./tokens.ts";

/**
 * Passwords as PBKDF2-SHA256 through Web Crypto, stored self-describing:
 * `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64), so the cost can rise without a migration.
 */

// Cloudflare's runtime caps PBKDF2 at 100,000 iterations (workerd issue 1346), below OWASP's
// advice for SHA-256: one reason sign-in is also throttled after a few failures.
const iterations = 100_000;
const scheme = "pbkdf2-sha256";

async function derive(password: string, salt: Uint8Array, rounds: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(password), "PBKDF2", false, [
    "deriveBits",
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: "PBKDF2", hash: "SHA-256", salt, iterations: rounds },
    key,
    256,
  );
  return new Uint8Array(bits);
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (ch) => ch.charCodeAt(0));

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(password, salt, iterations);
  return [scheme, iterations, toBase64(salt), toBase64(hash)].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [name, rounds, salt, hash] = stored.split("$");
  if (name !== scheme || !rounds || !salt || !hash) return false;
  const derived = await derive(password, fromBase64(salt), Number(rounds));
  return sameSecret(toBase64(derived), hash);
}

let decoy: Promise<string> | undefined;

/** A hash to check against when there is no account, so a wrong email costs as long as a wrong password. */
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword(crypto.randomUUID());
  return decoy;
};

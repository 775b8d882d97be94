/** URL-safe, readable slugs: "Fall Minis at Café Rose" -> "fall-minis-at-cafe-rose". */
export function slugify(name: string, fallback = "session"): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || fallback;
}

/** A short random tail so that two sessions with one name get distinct, unguessable links. */
export function withRandomTail(slug: string): string {
  const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
  const tail = [...crypto.getRandomValues(new Uint8Array(5))]
    .map((b) => alphabet[b % alphabet.length])
    .join("");
  return `${slug}-${tail}`;
}

export const isSlug = (value: string): boolean =>
  /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value) && value.length <= 64;

/**
 * The network a visitor's address stands for, as a rate-limit and hold-cap key: an IPv4 address
 * itself, an IPv6 address by its /64 (one household or phone is given a whole /64, so each of its
 * addresses must not be a fresh bucket). Anything unreadable is "unknown", one shared bucket.
 */
export function networkOf(ip: string | undefined): string {
  const address = ip?.trim().toLowerCase() ?? "";
  const v4 = ipv4(address);
  if (v4) return `v4:${v4}`;
  const groups = ipv6Groups(address);
  if (!groups) return "unknown";
  // An IPv4 address written as IPv6 (::ffff:1.2.3.4) is that IPv4 address.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `v4:${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return `v6:${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}`;
}

function ipv4(address: string): string | null {
  const parts = address.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number).join(".");
}

/** The eight 16-bit groups of an IPv6 address (with `::` and a trailing IPv4 part), or null. */
function ipv6Groups(address: string): number[] | null {
  if (!address.includes(":") || address.length > 45) return null;
  let text = address.replace(/%.*$/, "");
  const tail = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail?.[1]) {
    const v4 = ipv4(tail[1]);
    if (!v4) return null;
    const [a = 0, b = 0, c = 0, d = 0] = v4.split(".").map(Number);
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const read = (half: string | undefined) => (half ? half.split(":") : []);
  const head = read(halves[0]);
  const rest = read(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => Number.parseInt(g, 16));
}

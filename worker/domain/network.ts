/**
 * The network a client's address belongs to, as a key for counting what one client does: an IPv4
 * address is its own network ("v4:203.0.113.7"); an IPv6 address counts by its /64 prefix
 * ("v6:2001:db8:0:0"), since one subscriber is usually handed a whole /64 and can pick any address
 * in it. An IPv4-mapped IPv6 address (::ffff:1.2.3.4) is the IPv4 address it maps. A missing or
 * malformed address is "unknown" (one network for all of them). Never throws.
 */
export function networkOf(ip: string | undefined): string {
  const text = ip?.trim() ?? "";
  if (text.length === 0 || text.length > 45) return "unknown";
  if (!text.includes(":")) {
    const v4 = ipv4Octets(text);
    return v4 ? `v4:${v4.join(".")}` : "unknown";
  }
  const groups = ipv6Groups(text);
  if (!groups) return "unknown";
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return `v4:${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  return `v6:${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}`;
}

/** Four decimal octets 0-255, without leading zeros (which some parsers read as octal). */
function ipv4Octets(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const octet = Number(part);
    if (octet > 255) return null;
    octets.push(octet);
  }
  return octets;
}

/**
 * The eight 16-bit groups of an IPv6 address in RFC 4291 text form: one to four hex digits a
 * group, at most one "::" for a run of zero groups, optionally ending in dotted IPv4 (two groups).
 * No zone ("%eth0") and no brackets: a client address header never has them.
 */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (half: string, last: boolean): number[] | null => {
    if (half === "") return [];
    const parts = half.split(":");
    const groups: number[] = [];
    for (const [i, part] of parts.entries()) {
      if (last && i === parts.length - 1 && part.includes(".")) {
        const v4 = ipv4Octets(part);
        if (!v4) return null;
        const [a = 0, b = 0, c = 0, d = 0] = v4;
        groups.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        groups.push(Number.parseInt(part, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const [head = "", tail] = halves;
  if (tail === undefined) {
    const groups = parse(head, true);
    return groups?.length === 8 ? groups : null;
  }
  const before = parse(head, false);
  const after = parse(tail, true);
  if (!before || !after) return null;
  const zeros = 8 - before.length - after.length;
  // "::" stands for at least one zero group.
  if (zeros < 1) return null;
  return [...before, ...Array<number>(zeros).fill(0), ...after];
}

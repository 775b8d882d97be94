import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { networkOf } from "../../worker/domain/network.ts";

const hex = (g: number) => g.toString(16);
/** The /64 as networkOf names it, from the eight groups. */
const v6Key = (groups: number[]) => `v6:${groups.slice(0, 4).map(hex).join(":")}`;
const isMapped = (groups: number[]) => groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
const mappedKey = (groups: number[]) => {
  const [hi = 0, lo = 0] = groups.slice(6);
  return `v4:${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
};

/** Every RFC 4291 spelling of an address: any run of zero groups as "::", any case, padded or not. */
function spellings(groups: number[]): fc.Arbitrary<string> {
  const runs: [number, number][] = [];
  for (let start = 0; start < 8; start++) {
    for (let end = start; end < 8 && groups[end] === 0; end++) runs.push([start, end + 1]);
  }
  const group = (g: number) =>
    fc.tuple(fc.integer({ min: hex(g).length, max: 4 }), fc.boolean()).map(([width, upper]) => {
      const text = hex(g).padStart(width, "0");
      return upper ? text.toUpperCase() : text;
    });
  const [hi = 0, lo = 0] = groups.slice(6);
  const dotted = `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  return fc
    .tuple(
      fc.tuple(...groups.map(group)),
      runs.length ? fc.option(fc.constantFrom(...runs), { nil: undefined }) : fc.constant(undefined),
      fc.boolean(),
    )
    .map(([texts, run, dottedTail]) => {
      // The last 32 bits may be written as dotted IPv4 (unless "::" swallows them).
      const parts: string[] = dottedTail && (!run || run[1] < 7) ? [...texts.slice(0, 6), dotted] : texts;
      const end = parts.length === 7 && run ? Math.min(run[1], 6) : run?.[1];
      if (!run || end === undefined) return parts.join(":");
      return `${parts.slice(0, run[0]).join(":")}::${parts.slice(end).join(":")}`;
    });
}

/**
 * The reference: the URL parser's IPv6 host grammar (WHATWG), which agrees with RFC 4291's text
 * forms, canonicalized back to eight groups. Null when it refuses the address.
 */
function referenceGroups(text: string): number[] | null {
  let host: string;
  try {
    host = new URL(`http://[${text}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
  const [head = "", tail] = host.split("::");
  const split = (half: string) => (half ? half.split(":").map((g) => Number.parseInt(g, 16)) : []);
  const before = split(head);
  const after = tail === undefined ? [] : split(tail);
  return [...before, ...Array<number>(8 - before.length - after.length).fill(0), ...after];
}

/** A valid spelling with a few characters inserted, deleted or replaced. */
const mutated = (text: string) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom("insert", "delete", "replace"),
        fc.nat(),
        fc.constantFrom(..."0123456789abcdefABCDEF:."),
      ),
      { minLength: 0, maxLength: 3 },
    )
    .map((edits) => {
      let out = text;
      for (const [kind, at, ch] of edits) {
        const i = out.length ? at % (out.length + (kind === "insert" ? 1 : 0)) : 0;
        if (kind === "insert") out = out.slice(0, i) + ch + out.slice(i);
        else if (kind === "delete") out = out.slice(0, i) + out.slice(i + 1);
        else out = out.slice(0, i) + ch + out.slice(i + 1);
      }
      return out;
    });

/** Groups with plenty of zero runs, so compressed forms come up often. */
const groupsArb = fc.array(fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
  minLength: 8,
  maxLength: 8,
});
const octet = fc.integer({ min: 0, max: 255 });
const ipv4Arb = fc.tuple(octet, octet, octet, octet);

describe("networkOf: a client address to the network it is counted by", () => {
  it("keeps an IPv4 address whole", () => {
    expect(networkOf("203.0.113.7")).toBe("v4:203.0.113.7");
    expect(networkOf(" 198.51.100.255 ")).toBe("v4:198.51.100.255");
    expect(networkOf("0.0.0.0")).toBe("v4:0.0.0.0");
  });

  it("groups IPv6 by its /64, in full and in compressed forms", () => {
    expect(networkOf("2001:db8::1")).toBe("v6:2001:db8:0:0");
    expect(networkOf("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("v6:2001:db8:0:0");
    expect(networkOf("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe("v6:2001:db8:85a3:8d3");
    expect(networkOf("2001:db8:85a3:8d3::ffff")).toBe("v6:2001:db8:85a3:8d3");
    expect(networkOf("2001:db8:85a3::8d3:1:2:3")).toBe("v6:2001:db8:85a3:0");
    expect(networkOf("::1")).toBe("v6:0:0:0:0");
    expect(networkOf("::")).toBe("v6:0:0:0:0");
    expect(networkOf("fe80::")).toBe("v6:fe80:0:0:0");
    expect(networkOf("1:2:3:4:5:6::")).toBe("v6:1:2:3:4");
    expect(networkOf("::5:6:7:8")).toBe("v6:0:0:0:0");
    expect(networkOf("1:2:3:4:5:6:1.2.3.4")).toBe("v6:1:2:3:4");
  });

  it("reads an IPv4-mapped IPv6 address as the IPv4 address, however it is written", () => {
    expect(networkOf("::ffff:1.2.3.4")).toBe("v4:1.2.3.4");
    expect(networkOf("::FFFF:203.0.113.7")).toBe("v4:203.0.113.7");
    expect(networkOf("::ffff:cb00:7107")).toBe("v4:203.0.113.7");
    expect(networkOf("0:0:0:0:0:ffff:203.0.113.7")).toBe("v4:203.0.113.7");
    // Not mapped: another prefix before ffff.
    expect(networkOf("1::ffff:1.2.3.4")).toBe("v6:1:0:0:0");
  });

  it("answers unknown for a missing or malformed address", () => {
    for (const garbage of [
      undefined,
      "",
      "   ",
      "unknown",
      "localhost",
      "1.2.3",
      "1.2.3.4.5",
      "1.2.3.256",
      "01.2.3.4",
      "1.2.3.-4",
      "1.2.3.4\u0000",
      "1.2.3.4\n5",
      "+1.2.3.4",
      "1..2.3",
      "1.2.3.4/24",
      "0x7f.0.0.1",
      "１.２.３.４",
      ":",
      ":::",
      "1::2::3",
      ":1::2",
      "1::2:",
      "1:2:3:4:5:6:7",
      "1:2:3:4:5:6:7:8:9",
      "1:2:3:4::5:6:7:8",
      "::1:2:3:4:5:6:7:8",
      "12345::",
      "g::1",
      "2001:db8::1%eth0",
      "[2001:db8::1]",
      "::ffff:1.2.3",
      "::ffff:1.2.3.4.5",
      "::1.2.3.4:5",
      "1.2.3.4::",
      "1:2:3:4:5:6:7:1.2.3.4",
      "2001:db8::1, 203.0.113.7",
      `${"1:".repeat(40)}1`,
      "a".repeat(10_000),
    ]) {
      expect(networkOf(garbage), JSON.stringify(garbage)).toBe("unknown");
    }
  });

  it("gives every spelling of an IPv6 address the same /64 (generated)", () => {
    fc.assert(
      fc.property(
        groupsArb.chain((groups) => fc.tuple(fc.constant(groups), spellings(groups))),
        ([groups, text]) => {
          expect(networkOf(text)).toBe(isMapped(groups) ? mappedKey(groups) : v6Key(groups));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("puts two addresses in one network exactly when their first 64 bits agree (generated)", () => {
    fc.assert(
      fc.property(groupsArb, groupsArb, (a, b) => {
        fc.pre(!isMapped(a) && !isMapped(b));
        const same = a.slice(0, 4).join() === b.slice(0, 4).join();
        const text = (g: number[]) => g.map(hex).join(":");
        expect(networkOf(text(a)) === networkOf(text(b))).toBe(same);
        // Any interface id inside the /64 is the same network.
        const inside = [...a.slice(0, 4), ...b.slice(4)];
        if (!isMapped(inside)) expect(networkOf(text(inside))).toBe(networkOf(text(a)));
      }),
      { numRuns: 1000 },
    );
  });

  it("reads an IPv4 address and its mapped IPv6 forms alike (generated)", () => {
    fc.assert(
      fc.property(ipv4Arb, ([a, b, c, d]) => {
        const dotted = `${a}.${b}.${c}.${d}`;
        const key = `v4:${dotted}`;
        expect(networkOf(dotted)).toBe(key);
        expect(networkOf(`::ffff:${dotted}`)).toBe(key);
        expect(networkOf(`::FFFF:${hex((a << 8) | b)}:${hex((c << 8) | d)}`)).toBe(key);
        expect(networkOf(`0:0:0:0:0:ffff:${dotted}`)).toBe(key);
      }),
      { numRuns: 500 },
    );
  });

  it("accepts and groups IPv6 exactly as the URL parser's grammar does, valid or mangled (adversarial)", () => {
    fc.assert(
      fc.property(groupsArb.chain(spellings).chain(mutated), (text) => {
        fc.pre(text.includes(":"));
        const groups = referenceGroups(text);
        const expected = !groups ? "unknown" : isMapped(groups) ? mappedKey(groups) : v6Key(groups);
        return networkOf(text) === expected;
      }),
      { numRuns: 3000 },
    );
  }, 20_000);

  it("never throws, and answers only the three shapes, whatever the header holds (generated)", () => {
    const shape = /^(unknown|v4:(\d{1,3}\.){3}\d{1,3}|v6:([0-9a-f]{1,4}:){3}[0-9a-f]{1,4})$/;
    const near = fc
      .array(fc.constantFrom(..."0123456789abcdefABCDEF:.%[] "), { maxLength: 50 })
      .map((chars) => chars.join(""));
    for (const text of [near, fc.string({ maxLength: 60 }), fc.string({ unit: "binary" })]) {
      fc.assert(
        fc.property(text, (text) => {
          const key = networkOf(text);
          if (!shape.test(key)) return false;
          // Whatever it accepted, it accepts written again from its own answer.
          if (key.startsWith("v4:")) return networkOf(key.slice(3)) === key;
          if (key.startsWith("v6:")) return networkOf(`${key.slice(3)}::`) === key;
          return true;
        }),
        { numRuns: 1000 },
      );
    }
  }, 20_000);
});

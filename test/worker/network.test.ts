import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { networkOf } from "../../worker/domain/network.ts";

describe("the network a visitor's address stands for", () => {
  it("keeps IPv4 addresses whole and groups IPv6 by its /64", () => {
    expect(networkOf("203.0.113.7")).toBe("v4:203.0.113.7");
    expect(networkOf("2001:db8:abcd:12:1:2:3:4")).toBe("v6:2001:db8:abcd:12");
    expect(networkOf("2001:DB8:ABCD:12::ffff")).toBe("v6:2001:db8:abcd:12");
    expect(networkOf("2001:db8::1")).toBe("v6:2001:db8:0:0");
    expect(networkOf("::1")).toBe("v6:0:0:0:0");
    expect(networkOf("::ffff:198.51.100.9")).toBe("v4:198.51.100.9");
    expect(networkOf("fe80::1%eth0")).toBe("v6:fe80:0:0:0");
  });

  it("reads anything else as one unknown network", () => {
    for (const bad of [
      undefined,
      "",
      "unknown",
      "256.1.1.1",
      "1.2.3",
      "1::2::3",
      "12345::",
      "g::1",
      "1:2:3:4:5:6:7:8:9",
    ]) {
      expect(networkOf(bad)).toBe("unknown");
    }
  });

  it("gives every address of one /64 the same key, and addresses of two /64s different keys", () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    const groups = fc.array(group, { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(groups, groups, (a, b) => {
        const full = (g: number[]) => g.map((x) => x.toString(16)).join(":");
        const samePrefix = [...a.slice(0, 4), ...b.slice(4)];
        // The URL parser writes an address compressed (and a mapped IPv4 one in hex).
        const compressed = new URL(`http://[${full(a)}]`).hostname.slice(1, -1);
        expect(networkOf(compressed)).toBe(networkOf(full(a)));
        // An address of the same /64 lands in the same bucket.
        expect(networkOf(full(samePrefix))).toBe(networkOf(full(a)));
        const isMapped = a.slice(0, 5).every((x) => x === 0) && a[5] === 0xffff;
        const otherPrefix = a.slice(0, 4).join() !== b.slice(0, 4).join();
        if (otherPrefix && !isMapped && !(b.slice(0, 5).every((x) => x === 0) && b[5] === 0xffff)) {
          expect(networkOf(full(a))).not.toBe(networkOf(full(b)));
        }
      }),
      { numRuns: 500 },
    );
  });
});

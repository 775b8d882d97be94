import { describe, expect, it } from "vitest";
import { createFormat } from "../../widget/format.ts";
import { fakeApi, session } from "./fake-api.ts";
import { click, mount, spotButton, summary } from "./render.ts";

// Intl separates with no-break spaces; compare words, not the kind of space.
const plain = (s: string) => s.replace(/\s/g, " ");

describe("money", () => {
  it("turns minor units into the currency's own decimals", () => {
    const format = createFormat("en-US", "UTC");
    expect(format.money(15000, "USD")).toBe("$150.00");
    expect(format.money(15000, "JPY")).toBe("¥15,000");
    expect(plain(format.money(15000, "BHD"))).toBe("BHD 15.000");
    expect(format.money(0, "USD")).toBe("$0.00");
  });

  it("is written the visitor's way", () => {
    expect(plain(createFormat("de-DE", "UTC").money(1999, "EUR"))).toBe("19,99 €");
    expect(plain(createFormat("fr-FR", "UTC").money(250000, "JPY"))).toBe("250 000 JPY");
  });

  it("shows a session's prices in its own currency", async () => {
    fakeApi({ session: session({ currency: "JPY", packageId: "pkg-full" }) });
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await click(element, spotButton(element, "9:30 AM"));
    expect(summary(element).Price).toBe("¥25,000");
  });
});

describe("dates", () => {
  it("shows the session's wall clock with its zone's name to a visitor elsewhere", () => {
    const format = createFormat("en-GB", "America/New_York");
    expect(format.time("2026-10-17T13:30:00.000Z")).toBe("9:30");
    expect(format.day("2026-10-17T13:30:00.000Z")).toBe("Saturday 17 October");
    expect(plain(format.range("2026-10-17T13:30:00.000Z", "2026-10-17T13:50:00.000Z"))).toBe(
      "Saturday, 17 October 2026, 09:30–09:50 GMT-4",
    );
    expect(format.zone("2026-10-17T13:30:00.000Z")).toBe("Eastern Daylight Time");
    expect(format.zone("2026-12-17T13:30:00.000Z")).toBe("Eastern Standard Time");
  });

  it("names no zone to a visitor in the session's own", () => {
    const here = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(createFormat("en-US", here).zone("2026-10-17T13:30:00.000Z")).toBe("");
  });
});

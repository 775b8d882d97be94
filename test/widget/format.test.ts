import { describe, expect, it, vi } from "vitest";
import { createFormat } from "../../widget/format.ts";
import { fakeApi, session, spots } from "./fake-api.ts";
import { click, find, mount, spotButton, summary, text } from "./render.ts";

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

describe("the server's labels", () => {
  // A zone no other test formats in, so no formatter of it is cached from before.
  const zone = "Pacific/Chatham";
  const labelled = (offsetMinutes: number) =>
    spots(["2026-10-17T20:15:00.000Z"], ["2026-10-18T20:15:00.000Z"]).map((spot, i) => ({
      ...spot,
      label: { day: `Day ${i + 1}`, time: `Time ${i + 1}`, zone: "Chatham Daylight Time", offsetMinutes },
    }));
  const here = (iso: string) => -new Date(iso).getTimezoneOffset();

  it("shows the spots as the server spelled them, building no date formatter", async () => {
    const built = vi.spyOn(Intl, "DateTimeFormat");
    try {
      fakeApi({
        session: session({ timeZone: zone }),
        spots: labelled(here("2026-10-17T20:15:00.000Z") + 60),
      });
      const element = await mount({ session: "fall-minis", locale: "en-US" });
      expect(text(find(element, "section"))).toContain("Day 1");
      expect(spotButton(element, "Time 2")).toBeTruthy();
      expect(text(find(element, "section"))).toContain("Times are shown in Chatham Daylight Time.");
      expect(built).not.toHaveBeenCalled();
    } finally {
      built.mockRestore();
    }
  });

  it("names no zone when the visitor's clock reads the same as the session's", async () => {
    fakeApi({ session: session({ timeZone: zone }), spots: labelled(here("2026-10-17T20:15:00.000Z")) });
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    expect(spotButton(element, "Time 1")).toBeTruthy();
    expect(text(find(element, "section"))).not.toContain("Times are shown in");
  });
});

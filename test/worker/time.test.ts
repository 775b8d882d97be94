import { describe, expect, it } from "vitest";
import {
  isValidDate,
  isValidTime,
  isValidTimeZone,
  localToUtc,
  utcToLocal,
} from "../../worker/domain/time.ts";

describe("local date and time to UTC", () => {
  it("applies standard and daylight offsets in New York", () => {
    expect(
      new Date(localToUtc({ date: "2026-01-15", time: "09:00" }, "America/New_York")).toISOString(),
    ).toBe("2026-01-15T14:00:00.000Z");
    expect(
      new Date(localToUtc({ date: "2026-07-15", time: "09:00" }, "America/New_York")).toISOString(),
    ).toBe("2026-07-15T13:00:00.000Z");
  });

  it("refuses a time the clocks skip on the second Sunday of March", () => {
    expect(() => localToUtc({ date: "2026-03-08", time: "02:30" }, "America/New_York")).toThrow(
      /does not exist/,
    );
  });

  it("takes the first of the two 1:30s on the first Sunday of November", () => {
    expect(
      new Date(localToUtc({ date: "2026-11-01", time: "01:30" }, "America/New_York")).toISOString(),
    ).toBe("2026-11-01T05:30:00.000Z");
  });

  it("handles half-hour zones and zones without daylight saving", () => {
    expect(new Date(localToUtc({ date: "2026-03-08", time: "02:30" }, "Asia/Kolkata")).toISOString()).toBe(
      "2026-03-07T21:00:00.000Z",
    );
    expect(new Date(localToUtc({ date: "2026-06-01", time: "12:00" }, "UTC")).toISOString()).toBe(
      "2026-06-01T12:00:00.000Z",
    );
  });

  it("round-trips through the zone's wall clock", () => {
    const instant = localToUtc({ date: "2026-10-25", time: "23:45" }, "Europe/London");
    expect(utcToLocal(instant, "Europe/London")).toEqual({ date: "2026-10-25", time: "23:45" });
  });
});

describe("input checks", () => {
  it("knows real dates from impossible ones", () => {
    expect(isValidDate("2028-02-29")).toBe(true);
    expect(isValidDate("2026-02-29")).toBe(false);
    expect(isValidDate("2026-02-30")).toBe(false);
    expect(isValidDate("2026-13-01")).toBe(false);
    expect(isValidDate("26-01-01")).toBe(false);
  });

  it("knows times and zones", () => {
    expect(isValidTime("23:59")).toBe(true);
    expect(isValidTime("25:00")).toBe(false);
    expect(isValidTime("9:00")).toBe(false);
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });
});

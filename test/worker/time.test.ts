import { describe, expect, it } from "vitest";
import {
  isValidDate,
  isValidTime,
  isValidTimeZone,
  localToUtc,
  NonexistentLocalTime,
  toIso,
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

/** The instant of a local time, as an ISO string; or "nonexistent" for a time the clocks skip. */
function instantOf(date: string, time: string, zone: string): string {
  try {
    return toIso(localToUtc({ date, time }, zone));
  } catch (err) {
    if (err instanceof NonexistentLocalTime) return "nonexistent";
    throw err;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
const clock = (minutes: number) => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

describe("local times across the clock changes of zones around the world", () => {
  it("keeps Chatham's 02:00 to 02:44 on the day its clocks jump from 02:45 to 03:45", () => {
    expect(instantOf("2027-09-26", "02:00", "Pacific/Chatham")).toBe("2027-09-25T13:15:00.000Z");
    expect(instantOf("2027-09-26", "02:30", "Pacific/Chatham")).toBe("2027-09-25T13:45:00.000Z");
    expect(instantOf("2027-09-26", "02:44", "Pacific/Chatham")).toBe("2027-09-25T13:59:00.000Z");
    expect(instantOf("2027-09-26", "03:45", "Pacific/Chatham")).toBe("2027-09-25T14:00:00.000Z");
  });

  it("refuses every minute from 02:45 to 03:44 in Chatham that day", () => {
    const skipped = Array.from({ length: 60 }, (_, i) => clock(2 * 60 + 45 + i));
    expect([skipped[0], skipped.at(-1)]).toEqual(["02:45", "03:44"]);
    for (const time of skipped) {
      expect(instantOf("2027-09-26", time, "Pacific/Chatham"), time).toBe("nonexistent");
    }
  });

  it("takes the earlier instant of a time that happens twice in Chatham and Auckland", () => {
    // Chatham falls back from 03:45 to 02:45, Auckland from 03:00 to 02:00, at 14:00Z.
    expect(instantOf("2027-04-04", "03:00", "Pacific/Chatham")).toBe("2027-04-03T13:15:00.000Z");
    expect(instantOf("2027-04-04", "02:45", "Pacific/Chatham")).toBe("2027-04-03T13:00:00.000Z");
    expect(instantOf("2027-04-04", "03:44", "Pacific/Chatham")).toBe("2027-04-03T13:59:00.000Z");
    expect(instantOf("2027-04-04", "02:30", "Pacific/Auckland")).toBe("2027-04-03T13:30:00.000Z");
    expect(instantOf("2027-04-04", "02:00", "Pacific/Auckland")).toBe("2027-04-03T13:00:00.000Z");
    expect(instantOf("2027-04-04", "03:00", "Pacific/Auckland")).toBe("2027-04-03T15:00:00.000Z");
    expect(instantOf("2027-09-26", "02:30", "Pacific/Auckland")).toBe("nonexistent");
  });

  it("follows Lord Howe's half-hour shift both ways", () => {
    expect(instantOf("2027-10-03", "01:59", "Australia/Lord_Howe")).toBe("2027-10-02T15:29:00.000Z");
    expect(instantOf("2027-10-03", "02:00", "Australia/Lord_Howe")).toBe("nonexistent");
    expect(instantOf("2027-10-03", "02:29", "Australia/Lord_Howe")).toBe("nonexistent");
    expect(instantOf("2027-10-03", "02:30", "Australia/Lord_Howe")).toBe("2027-10-02T15:30:00.000Z");
    // Back from 02:00 to 01:30: 01:45 happens at +11 and again at +10:30.
    expect(instantOf("2027-04-04", "01:45", "Australia/Lord_Howe")).toBe("2027-04-03T14:45:00.000Z");
    expect(instantOf("2027-04-04", "02:00", "Australia/Lord_Howe")).toBe("2027-04-03T15:30:00.000Z");
  });

  it("handles quarter-hour offsets and the zones furthest ahead", () => {
    expect(instantOf("2027-06-01", "09:00", "Asia/Kathmandu")).toBe("2027-06-01T03:15:00.000Z");
    expect(instantOf("2027-01-01", "00:00", "Pacific/Kiritimati")).toBe("2026-12-31T10:00:00.000Z");
    expect(instantOf("2027-06-01", "12:00", "Pacific/Apia")).toBe("2027-05-31T23:00:00.000Z");
  });

  it("refuses the whole day Samoa skipped when it crossed the date line", () => {
    expect(instantOf("2011-12-29", "23:59", "Pacific/Apia")).toBe("2011-12-30T09:59:00.000Z");
    expect(instantOf("2011-12-30", "00:00", "Pacific/Apia")).toBe("nonexistent");
    expect(instantOf("2011-12-30", "12:00", "Pacific/Apia")).toBe("nonexistent");
    expect(instantOf("2011-12-30", "23:59", "Pacific/Apia")).toBe("nonexistent");
    expect(instantOf("2011-12-31", "00:00", "Pacific/Apia")).toBe("2011-12-30T10:00:00.000Z");
  });

  it("handles St. John's half-hour offset across both changes", () => {
    expect(instantOf("2027-03-14", "02:30", "America/St_Johns")).toBe("nonexistent");
    expect(instantOf("2027-03-14", "03:00", "America/St_Johns")).toBe("2027-03-14T05:30:00.000Z");
    expect(instantOf("2027-11-07", "01:30", "America/St_Johns")).toBe("2027-11-07T04:00:00.000Z");
  });

  it("keeps the same rules in London and New York", () => {
    expect(instantOf("2027-03-28", "01:30", "Europe/London")).toBe("nonexistent");
    expect(instantOf("2027-03-28", "02:00", "Europe/London")).toBe("2027-03-28T01:00:00.000Z");
    expect(instantOf("2027-10-31", "01:30", "Europe/London")).toBe("2027-10-31T00:30:00.000Z");
    expect(instantOf("2027-03-14", "02:30", "America/New_York")).toBe("nonexistent");
    expect(instantOf("2027-11-07", "01:30", "America/New_York")).toBe("2027-11-07T05:30:00.000Z");
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

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spotLabeller } from "../../worker/domain/spot-labels.ts";
import { dayText, nextMonthDay } from "../dates.ts";
import { call, newSession, newSessionType, newStudio } from "./support.ts";

// Intl separates with no-break spaces; compare words, not the kind of space.
const plain = (s: string) => s.replace(/\s/g, " ");

/**
 * The zone's offset as Intl names it ("GMT+13:45", "GMT-04:00", "GMT"), in minutes: a reading of
 * the offset that shares nothing with worker/domain/time.ts, which compares wall clocks.
 */
function namedOffset(instant: number, zone: string): number {
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(new Date(instant))
      .find((p) => p.type === "timeZoneName")?.value ?? "";
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (!m) throw new Error(`unexpected offset name ${name}`);
  return m[1] ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** A wall clock as en-GB, fr and de write an hour: "9:05", "23:40". */
const clock = (wall: Date) => `${wall.getUTCHours()}:${String(wall.getUTCMinutes()).padStart(2, "0")}`;

// East of UTC+12, the half and quarter hours, the date line, both hemispheres' summers.
const zones = [
  "Pacific/Kiritimati",
  "Pacific/Chatham",
  "Pacific/Auckland",
  "Pacific/Apia",
  "Pacific/Tongatapu",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Asia/Kolkata",
  "America/St_Johns",
  "America/New_York",
  "Europe/London",
  "Africa/Casablanca",
  "America/Santiago",
  "UTC",
];

describe("a spot's label", () => {
  it("reads the session's clock in the visitor's language, with the zone's name of that day", () => {
    const newYork = spotLabeller("de", "America/New_York");
    // The clocks fall back on 1 November 2026: the same 9:00 is four hours from UTC, then five.
    expect(newYork(Date.parse("2026-10-31T13:00:00Z"))).toEqual({
      day: "Samstag, 31. Oktober",
      time: "9:00",
      zone: "Nordamerikanische Ostküsten-Sommerzeit",
      offsetMinutes: -240,
    });
    expect(newYork(Date.parse("2026-11-01T14:00:00Z"))).toEqual({
      day: "Sonntag, 1. November",
      time: "9:00",
      zone: "Nordamerikanische Ostküsten-Normalzeit",
      offsetMinutes: -300,
    });
    const english = spotLabeller("en-US", "America/New_York")(Date.parse("2026-10-31T13:30:00Z"));
    expect(plain(english.time)).toBe("9:30 AM");
    expect(english.day).toBe("Saturday, October 31");
  });

  it("shows the wall clock its offset gives, in every kind of zone, before and after each change", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // Whole minutes from 2026 to 2031: every clock change of five years is somewhere in here.
        fc.integer({ min: Date.UTC(2026, 0, 1) / 60_000, max: Date.UTC(2031, 0, 1) / 60_000 }),
        (zone, minute) => {
          const instant = minute * 60_000;
          const label = spotLabeller("en-GB", zone)(instant);
          expect(label.offsetMinutes).toBe(namedOffset(instant, zone));
          const wall = new Date(instant + label.offsetMinutes * 60_000);
          expect(label.time).toBe(clock(wall));
          // The day is the wall clock's day, whichever side of UTC's midnight it falls.
          expect(label.day).toContain(`${wall.getUTCDate()} `);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("gives each of many spots its own day and time, though it formats each only once", () => {
    const label = spotLabeller("en-GB", "Pacific/Chatham");
    // 9:00 and 9:30 on three days, across Chatham's change to summer time on 27 September 2026.
    const starts = ["2026-09-26", "2026-09-27", "2026-09-28"].flatMap((day) =>
      ["09:00", "09:30"].map((time) => ({ day, time })),
    );
    const offsets = { "2026-09-26": 765, "2026-09-27": 825, "2026-09-28": 825 } as const;
    for (const { day, time } of starts) {
      const offset = offsets[day as keyof typeof offsets];
      const instant = Date.parse(`${day}T${time}:00Z`) - offset * 60_000;
      const got = label(instant);
      expect(got.time).toBe(time.replace(/^0/, ""));
      expect(got.offsetMinutes).toBe(offset);
      expect(got.day).toContain(`${Number(day.slice(8))} September`);
    }
  });
});

describe("the session read", () => {
  it("labels every spot in the visitor's language on the session's clock", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token, { durationMinutes: 20, breakMinutes: 10 });
    // 16 October is on New Zealand's summer time every year (UTC+13).
    const date = nextMonthDay("10-16");
    const session = await newSession(token, {
      classification: "multi",
      name: "Fall Minis",
      sessionTypeId: type.id,
      timeZone: "Pacific/Auckland",
      date,
      time: "09:00",
      spots: 3,
    });
    const read = await call("GET", `/v1/sessions/${session.slug}`, {
      headers: { "accept-language": "fr-CH, fr;q=0.9" },
    });
    expect(read.status).toBe(200);
    expect(read.body.locale).toBe("fr-CH");
    expect(read.body.spots.map((s: { label: { time: string } }) => s.label.time)).toEqual([
      "9:00",
      "9:30",
      "10:00",
    ]);
    expect(read.body.spots[0].label).toMatchObject({
      day: dayText(date, "fr-CH", { weekday: "long", month: "long", day: "numeric" }),
      offsetMinutes: 780,
    });
    expect(read.body.spots[0].label.zone).toMatch(/Nouvelle-Zélande/);
  });
});

import { describe, expect, it } from "vitest";
import { localToUtc, NonexistentLocalTime } from "../../worker/domain/time.ts";

/*
 * Every clock change of every zone in 2026–2030, checked against a reference that shares no code
 * with worker/domain/time.ts: the changes are found by scanning UTC instants with a plain read of
 * the zone's wall clock, and the instants of a wall time are found by listing the instants that
 * show it, not by offset arithmetic. Listing at quarter-hour steps finds every instant of a wall
 * time because every offset is a whole number of quarter hours, which each zone's test checks.
 */

const minute = 60_000;
const quarter = 15 * minute;
const hour = 60 * minute;
const scanFrom = Date.UTC(2026, 0, 1);
const scanTo = Date.UTC(2031, 0, 1);
/**
 * The scan reads the offset this often and looks closer only where it changed, which finds every
 * change while no offset lasts under a day: the shortest in 2026–2030 lasts 35 days (Casablanca's
 * month around Ramadan).
 */
const scanStep = 24 * hour;
/** How much wall time to check either side of a gap or an overlap. */
const margin = 3 * hour;
/** The wall minutes checked in each quarter hour: on it, just after it, just before the next. */
const phases = [0, minute, 14 * minute];

/** The zone's wall clock at an instant, as if it were UTC (ms), from Intl's formatted string. */
function wallClockReader(zone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  return (instant) => {
    const text = format.format(instant);
    const m = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/.exec(text);
    if (!m) throw new Error(`unexpected wall clock "${text}" in ${zone}`);
    const [month = 0, day = 0, year = 0, h = 0, mi = 0, s = 0] = m.slice(1).map(Number);
    return Date.UTC(year, month - 1, day, h, mi, s);
  };
}

/** A change of offset: from `at` on (the first quarter hour showing it), `after` replaces `before`. */
type Transition = { at: number; before: number; after: number };

function scan(read: (instant: number) => number): { transitions: Transition[]; offsets: Set<number> } {
  const offsetAt = (instant: number) => read(instant) - instant;
  const transitions: Transition[] = [];
  let before = offsetAt(scanFrom);
  const offsets = new Set([before]);
  for (let sample = scanFrom + scanStep; sample < scanTo; sample += scanStep) {
    const offset = offsetAt(sample);
    offsets.add(offset);
    if (offset === before) continue;
    let at = sample - scanStep + quarter;
    while (offsetAt(at) === before) at += quarter;
    const after = offsetAt(at);
    if (after !== offset) throw new Error(`two changes in a day at ${new Date(at).toISOString()}`);
    transitions.push({ at, before, after });
    before = offset;
  }
  return { transitions, offsets };
}

const alignedUp = (at: number, phase: number) => at + ((((phase - at) % quarter) + quarter) % quarter);

/**
 * The wall times from `first` to `last` in one phase of the quarter hour, each with the earliest
 * instant that shows it (none for a time the clocks skip), found by reading every instant in
 * that phase from the earliest that could show `first` to the latest that could show `last`.
 */
function earliestInstants(
  read: (instant: number) => number,
  offsets: { lowest: number; highest: number },
  [first, last]: [number, number],
  phase: number,
): Map<number, number | undefined> {
  const earliest = new Map<number, number | undefined>();
  for (let wall = alignedUp(first, phase); wall <= last; wall += quarter) earliest.set(wall, undefined);
  for (
    let instant = alignedUp(first - offsets.highest, phase);
    instant <= last - offsets.lowest;
    instant += quarter
  ) {
    const wall = read(instant);
    if (earliest.has(wall) && earliest.get(wall) === undefined) earliest.set(wall, instant);
  }
  return earliest;
}

const nonexistent = "nonexistent";

function converted(wall: number, zone: string): number | typeof nonexistent {
  const iso = new Date(wall).toISOString();
  try {
    return localToUtc({ date: iso.slice(0, 10), time: iso.slice(11, 16) }, zone);
  } catch (err) {
    if (err instanceof NonexistentLocalTime) return nonexistent;
    throw err;
  }
}

const zones = [...Intl.supportedValuesOf("timeZone"), "UTC"];

describe("the reference scan", () => {
  it("finds New York's, Chatham's and Lord Howe's changes, and none in Kathmandu", () => {
    const iso = (t: Transition) => [new Date(t.at).toISOString(), (t.after - t.before) / minute];
    const newYork = scan(wallClockReader("America/New_York")).transitions;
    expect(newYork).toHaveLength(10);
    expect(newYork.slice(0, 2).map(iso)).toEqual([
      ["2026-03-08T07:00:00.000Z", 60],
      ["2026-11-01T06:00:00.000Z", -60],
    ]);
    expect(scan(wallClockReader("Pacific/Chatham")).transitions.map(iso)).toContainEqual([
      "2027-09-25T14:00:00.000Z",
      60,
    ]);
    expect(scan(wallClockReader("Australia/Lord_Howe")).transitions.map(iso)).toContainEqual([
      "2027-10-02T15:30:00.000Z",
      30,
    ]);
    expect(scan(wallClockReader("Asia/Kathmandu")).transitions).toEqual([]);
  });
});

describe("local time to UTC in every zone, around every change in 2026–2030", () => {
  it.each(zones)("%s", (zone) => {
    const read = wallClockReader(zone);
    const { transitions, offsets } = scan(read);
    expect([...offsets].filter((offset) => offset % quarter !== 0)).toEqual([]);
    const range = { lowest: Math.min(...offsets), highest: Math.max(...offsets) };
    // Around each change, from before the gap or overlap to after it; and two ordinary middays a year.
    const windows: [number, number][] = transitions.map(({ at, before, after }) => [
      at + Math.min(before, after) - margin,
      at + Math.max(before, after) + margin,
    ]);
    for (let year = 2026; year <= 2030; year++) {
      for (const month of [0, 6]) {
        const midday = Date.UTC(year, month, 15, 12);
        windows.push([midday, midday]);
      }
    }
    const wrong: string[] = [];
    for (const window of windows) {
      for (const phase of phases) {
        for (const [wall, expected = nonexistent] of earliestInstants(read, range, window, phase)) {
          const actual = converted(wall, zone);
          if (actual !== expected) {
            const shown = (v: number | string) => (typeof v === "number" ? new Date(v).toISOString() : v);
            const local = new Date(wall).toISOString().slice(0, 16);
            wrong.push(`${local} local: ${shown(actual)}, expected ${shown(expected)}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

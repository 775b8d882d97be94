import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type PlannedSpot, planSpots, type SpotPlan } from "../../worker/domain/spots.ts";
import { NonexistentLocalTime, utcToLocal } from "../../worker/domain/time.ts";
import { call, newSessionType, newStudio, rowCount } from "./support.ts";

/*
 * Slot generation over every plan: any IANA zone (and UTC offsets), dates from 1900 to 2200, the
 * days the clocks change, up to 500 spots (the domain function; the API takes 100 at most). A plan
 * gives exactly its spots in elapsed time from the local start the photographer typed, or refuses
 * a time that does not exist there; the API also refuses a start that has passed; nothing else.
 */

const pad = (n: number) => String(n).padStart(2, "0");

const zone = fc.constantFrom(...Intl.supportedValuesOf("timeZone"), "UTC", "+05:45", "-03:30", "Etc/GMT-14");
const anyDate = fc
  .date({ min: new Date("1900-01-01T00:00Z"), max: new Date("2200-12-31T00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Days when clocks jump somewhere, including a whole day Samoa skipped, with their small hours. */
const changeDay = fc.constantFrom(
  "2027-03-14",
  "2027-03-28",
  "2027-04-04",
  "2027-10-03",
  "2027-10-31",
  "2027-11-07",
  "2011-12-30",
);
const anyTime = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);
const smallHours = fc
  .tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 15, 30, 59))
  .map(([h, m]) => `${pad(h)}:${pad(m)}`);

/** Days still to come, for plans the API should schedule rather than refuse as past. */
const laterDate = fc
  .date({
    min: new Date(Date.now() + 2 * 86_400_000),
    max: new Date("2200-12-31T00:00Z"),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

const plan = (
  maxSpots: number,
  date: fc.Arbitrary<string> = fc.oneof(anyDate, changeDay),
): fc.Arbitrary<SpotPlan> =>
  fc.record({
    date,
    time: fc.oneof(anyTime, smallHours),
    timeZone: fc.oneof(
      zone,
      fc.constantFrom("America/New_York", "Europe/London", "Pacific/Apia", "Australia/Lord_Howe"),
    ),
    spots: fc.integer({ min: 1, max: maxSpots }),
    durationMinutes: fc.integer({ min: 5, max: 24 * 60 }),
    breakMinutes: fc.integer({ min: 0, max: 24 * 60 }),
    sameTime: fc.boolean(),
  });

/** The plan's spots, or null for a local time the clocks skip; any other error fails the property. */
function spotsOrSkipped(p: SpotPlan): PlannedSpot[] | null {
  try {
    return planSpots(p);
  } catch (err) {
    if (err instanceof NonexistentLocalTime) return null;
    throw err;
  }
}

describe("planSpots", () => {
  // Thousands of generated plans: under a loaded machine this outlasts vitest's default 5 s.
  it("gives exactly the spots asked, one after another in elapsed time from the local start typed", () => {
    fc.assert(
      fc.property(plan(500), (p) => {
        const spots = spotsOrSkipped(p);
        if (spots === null) return;
        const step = p.sameTime ? 0 : (p.durationMinutes + p.breakMinutes) * 60_000;
        expect(spots).toHaveLength(p.spots);
        expect(utcToLocal(spots[0]?.startsAt ?? Number.NaN, p.timeZone)).toEqual({
          date: p.date,
          time: p.time,
        });
        spots.forEach((s, i) => {
          expect(Number.isSafeInteger(s.startsAt)).toBe(true);
          expect(s.endsAt - s.startsAt).toBe(p.durationMinutes * 60_000);
          expect(s.startsAt - (spots[0]?.startsAt ?? 0)).toBe(i * step);
        });
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

/** Today's date in a zone, as the photographer's calendar there shows it. */
const todayIn = (zone: string, now: number) =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);

describe("POST /v1/admin/sessions, a Multi session from any plan", () => {
  it("creates the planned spots, or refuses a skipped or past time with a 422 and writes nothing", async () => {
    const { token } = await newStudio();
    const types = new Map<string, string>();
    const typeFor = async (durationMinutes: number, breakMinutes: number) => {
      const key = `${durationMinutes}/${breakMinutes}`;
      types.set(key, types.get(key) ?? (await newSessionType(token, { durationMinutes, breakMinutes })).id);
      return types.get(key) as string;
    };
    await fc.assert(
      // Mostly days to come; past days (and Samoa's skipped 2011-12-30) must be refused.
      fc.asyncProperty(
        plan(40, fc.oneof({ weight: 3, arbitrary: laterDate }, anyDate, changeDay)),
        async (p) => {
          const [sessions, spots] = [await rowCount("sessions"), await rowCount("spots")];
          const res = await call("POST", "/v1/admin/sessions", {
            token,
            body: {
              classification: "multi",
              name: "Minis",
              sessionTypeId: await typeFor(p.durationMinutes, p.breakMinutes),
              date: p.date,
              time: p.time,
              timeZone: p.timeZone,
              spots: p.spots,
              sameTime: p.sameTime,
            },
          });
          const expected = spotsOrSkipped(p);
          if (expected === null) {
            expect(res.status).toBe(422);
            expect(res.body.errors).toEqual([expect.objectContaining({ path: "time" })]);
            expect([await rowCount("sessions"), await rowCount("spots")]).toEqual([sessions, spots]);
            return;
          }
          const first = expected[0]?.startsAt ?? 0;
          const now = Date.now();
          // Within a minute of now the answer depends on the instant the Worker read the clock.
          if (Math.abs(first - now) < 60_000) return;
          if (first < now) {
            expect(res.status, JSON.stringify(res.body)).toBe(422);
            const field = p.date < todayIn(p.timeZone, now) ? "date" : "time";
            expect(res.body.errors).toEqual([expect.objectContaining({ path: field })]);
            expect([await rowCount("sessions"), await rowCount("spots")]).toEqual([sessions, spots]);
            return;
          }
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          const startsAt = res.body.session.spots.map((s: { startsAt: string }) => Date.parse(s.startsAt));
          expect(startsAt).toEqual(expected.map((s) => s.startsAt).sort((a, b) => a - b));
        },
      ),
      { numRuns: 40 },
    );
  }, 30_000);
});

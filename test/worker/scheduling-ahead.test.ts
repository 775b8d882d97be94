import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { studios } from "../../db/schema.ts";
import { contextFor, type StudioContext } from "../../worker/actions/context.ts";
import { addSpots, scheduleSession, updateSession } from "../../worker/actions/sessions.ts";
import { DomainError } from "../../worker/domain/errors.ts";
import { localToUtc, utcToLocal } from "../../worker/domain/time.ts";
import type { AddSpots, CreateSession, UpdateSession } from "../../worker/schemas/sessions.ts";
import { nextMonthDay } from "../dates.ts";
import { field, multiFields, signedInStudio } from "./admin-browser.ts";
import { call, newSessionType, newStudio, rowCount } from "./support.ts";

/*
 * Sessions and spots are scheduled ahead: a first start at or before now is refused, 422 on
 * `date` when that day is over in the session's zone, else on `time`, and nothing is written.
 * Through the API at the real now (a minute ago, a minute ahead, in another zone than the
 * studio's), and through the actions at chosen instants around New York's clock changes.
 */

const minute = 60_000;
const zone = "America/New_York";
/**
 * The studio's zone at the real now: one without clock changes, so a minute ahead is never New
 * York's repeated hour (read as its first pass, already begun) nor its skipped one, whatever the
 * day the suite runs; it still differs from UTC by a date at night.
 */
const here = "America/Phoenix";

/** The session's wall clock at `instant`, rounded to the minute away from now (so a minute ago stays past). */
function wallClock(instant: number, timeZone: string) {
  const rounded =
    instant < Date.now() ? Math.floor(instant / minute) * minute : Math.ceil(instant / minute) * minute;
  return utcToLocal(rounded, timeZone);
}

/** Where a start at `instant` is refused: its date when that day is over there, else its time. */
const refusedOn = (instant: number, timeZone: string) =>
  wallClock(instant, timeZone).date < utcToLocal(Date.now(), timeZone).date ? "date" : "time";

const written = () => Promise.all(["sessions", "spots", "bookings"].map(rowCount));

async function studioWithTypes(timeZone = zone) {
  const { token } = await newStudio({ timeZone });
  const multi = await newSessionType(token, { durationMinutes: 20, breakMinutes: 10 });
  const single = await newSessionType(token, {
    name: "Wedding",
    classification: "single",
    durationMinutes: 60,
  });
  return { token, multi, single };
}

const expectRefused = async (
  res: { status: number; body: { code: string; errors: unknown } },
  path: string,
) => {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.code).toBe("validation_failed");
  expect(res.body.errors).toEqual([{ path, message: expect.stringMatching(/has passed/) }]);
};

describe("scheduling at the real now, through the API", () => {
  for (const classification of ["multi", "single"] as const) {
    it(`refuses a ${classification} session starting a minute ago, on the field to change, writing nothing`, async () => {
      const { token, multi, single } = await studioWithTypes(here);
      const at = Date.now() - minute;
      const before = await written();
      const res = await call("POST", "/v1/admin/sessions", {
        token,
        body: {
          classification,
          name: "Too late",
          sessionTypeId: classification === "multi" ? multi.id : single.id,
          ...wallClock(at, here),
          ...(classification === "multi" && { spots: 3 }),
        },
      });
      await expectRefused(res, refusedOn(at, here));
      expect(await written()).toEqual(before);
    });

    it(`accepts a ${classification} session starting a minute ahead`, async () => {
      const { token, multi, single } = await studioWithTypes(here);
      const res = await call("POST", "/v1/admin/sessions", {
        token,
        body: {
          classification,
          name: "Just in time",
          sessionTypeId: classification === "multi" ? multi.id : single.id,
          ...wallClock(Date.now() + minute, here),
          ...(classification === "multi" && { spots: 3 }),
        },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    });
  }

  it("refuses yesterday on `date`, whatever the time", async () => {
    const { token, multi } = await studioWithTypes(here);
    const yesterday = utcToLocal(Date.now() - 86_400_000, here).date;
    const res = await call("POST", "/v1/admin/sessions", {
      token,
      body: {
        classification: "multi",
        name: "Old",
        sessionTypeId: multi.id,
        date: yesterday,
        time: "23:59",
        spots: 1,
      },
    });
    await expectRefused(res, "date");
  });

  it("refuses a 2020 date with 100 spots, and 500 spots on any date", async () => {
    const { token, multi } = await studioWithTypes(here);
    const body = {
      classification: "multi",
      name: "Old",
      sessionTypeId: multi.id,
      date: "2020-04-04",
      time: "09:00",
    };
    await expectRefused(
      await call("POST", "/v1/admin/sessions", { token, body: { ...body, spots: 100 } }),
      "date",
    );
    const many = await call("POST", "/v1/admin/sessions", {
      token,
      body: { ...body, date: nextMonthDay("04-10"), spots: 500 },
    });
    expect(many.status).toBe(422);
    expect(many.body.errors).toEqual([
      { path: "spots", message: expect.stringContaining("At most 100 spots") },
    ]);
  });

  it("reads the clock in the session's here, not the studio's", async () => {
    const { token, multi } = await studioWithTypes(here);
    const before = await written();
    // Two hours ago in Kiritimati (UTC+14) is a wall clock still to come in Phoenix: refused.
    const past = Date.now() - 2 * 60 * minute;
    const there = { timeZone: "Pacific/Kiritimati", ...wallClock(past, "Pacific/Kiritimati") };
    expect(localToUtc(there, here)).toBeGreaterThan(Date.now());
    const refused = await call("POST", "/v1/admin/sessions", {
      token,
      body: { classification: "multi", name: "Islands", sessionTypeId: multi.id, spots: 2, ...there },
    });
    await expectRefused(refused, refusedOn(past, "Pacific/Kiritimati"));
    expect(await written()).toEqual(before);
    // Two hours ahead in Pago Pago (UTC-11) is a wall clock already past in Phoenix: accepted.
    const ahead = {
      timeZone: "Pacific/Pago_Pago",
      ...wallClock(Date.now() + 2 * 60 * minute, "Pacific/Pago_Pago"),
    };
    expect(localToUtc(ahead, here)).toBeLessThan(Date.now());
    const accepted = await call("POST", "/v1/admin/sessions", {
      token,
      body: { classification: "multi", name: "Islands", sessionTypeId: multi.id, spots: 2, ...ahead },
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
  });

  it("refuses Additional Spots starting a minute ago and accepts them a minute ahead", async () => {
    const { token, multi } = await studioWithTypes(here);
    const session = await call("POST", "/v1/admin/sessions", {
      token,
      body: {
        classification: "multi",
        name: "Minis",
        sessionTypeId: multi.id,
        date: nextMonthDay("04-10"),
        time: "09:00",
        spots: 1,
      },
    });
    const id = session.body.session.id;
    const before = await written();
    const at = Date.now() - minute;
    const refused = await call("POST", `/v1/admin/sessions/${id}/spots`, {
      token,
      body: { ...wallClock(at, here), spots: 2 },
    });
    await expectRefused(refused, refusedOn(at, here));
    expect(await written()).toEqual(before);
    const added = await call("POST", `/v1/admin/sessions/${id}/spots`, {
      token,
      body: { ...wallClock(Date.now() + minute, here), spots: 2 },
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.session.spots).toHaveLength(3);
  });

  it("refuses moving a Single to a minute ago, keeping its time, and accepts a minute ahead", async () => {
    const { token, single } = await studioWithTypes(here);
    const date = nextMonthDay("06-12");
    const created = await call("POST", "/v1/admin/sessions", {
      token,
      body: {
        classification: "single",
        name: "Wedding",
        sessionTypeId: single.id,
        date,
        time: "14:00",
      },
    });
    const id = created.body.session.id;
    const at = Date.now() - minute;
    await expectRefused(
      await call("PATCH", `/v1/admin/sessions/${id}`, {
        token,
        body: { ...wallClock(at, here), name: "Moved" },
      }),
      refusedOn(at, here),
    );
    const unchanged = await call("GET", `/v1/admin/sessions/${id}`, { token });
    expect(unchanged.body.session).toMatchObject({
      name: "Wedding",
      spots: [{ startsAt: `${date}T21:00:00.000Z` }],
    });
    // Only the date, into the past: the time it keeps makes a start that has passed.
    await expectRefused(
      await call("PATCH", `/v1/admin/sessions/${id}`, { token, body: { date: "2026-06-12" } }),
      "date",
    );
    const moved = await call("PATCH", `/v1/admin/sessions/${id}`, {
      token,
      body: wallClock(Date.now() + minute, here),
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  });

  it("shows the refusal next to the date in the admin's schedule form", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    await browser.get("/admin/sessions/new");
    const res = await browser.post(
      "/admin/sessions/new",
      multiFields(type.id, { date: "2020-04-04", spots: "1" }),
    );
    expect(res.status).toBe(422);
    expect(await field(res.html, "date")).toMatchObject({
      value: "2020-04-04",
      error: "That date has passed; choose today or a later day.",
      describedByError: true,
    });
  });
});

/** The studio's context at a chosen instant, as the API would build it then. */
async function contextAt(token: string, now: number): Promise<StudioContext> {
  const base = contextFor(env, now, "https://spotbook.test");
  const studioId = (await call("GET", "/v1/admin/studio", { token })).body.studio.id as string;
  const [studio] = await base.db.select().from(studios).where(eq(studios.id, studioId));
  if (!studio) throw new Error("no studio");
  return { ...base, studio };
}

/** The field an action refused, or "scheduled". */
async function outcome(act: () => Promise<unknown>): Promise<string> {
  try {
    await act();
    return "scheduled";
  } catch (err) {
    if (err instanceof DomainError && err.code === "validation_failed") return err.errors?.[0]?.path ?? "?";
    throw err;
  }
}

describe("scheduling across New York's clock changes, through the actions at chosen instants", () => {
  const multiAt = (sessionTypeId: string, date: string, time: string, timeZone?: string): CreateSession => ({
    classification: "multi",
    name: "Night minis",
    sessionTypeId,
    date,
    time,
    spots: 2,
    ...(timeZone && { timeZone }),
  });

  it("spring forward (2027-03-14, 01:59 EST then 03:00 EDT): a minute either side of now", async () => {
    const { token, multi } = await studioWithTypes();
    const ctx = await contextAt(token, Date.parse("2027-03-14T06:59:00Z")); // 01:59 EST
    const before = await written();
    expect(await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-03-14", "01:58")))).toBe("time");
    expect(await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-03-14", "01:59")))).toBe("time");
    expect(await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-03-14", "02:30")))).toBe("time");
    expect(await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-03-13", "23:59")))).toBe("date");
    expect(await written()).toEqual(before);
    // 03:00 EDT is one minute after 01:59 EST.
    expect(await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-03-14", "03:00")))).toBe(
      "scheduled",
    );
  });

  it("fall back (2027-11-07, 01:00-01:59 twice): a repeated time is its earlier instant, already past", async () => {
    const { token, multi } = await studioWithTypes();
    const ctx = await contextAt(token, Date.parse("2027-11-07T06:00:30Z")); // 01:00:30 EST, the second time round
    const before = await written();
    // 01:30 means 01:30 EDT (05:30Z), half an hour ago, though 01:30 EST is still to come.
    expect(await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-11-07", "01:30")))).toBe("time");
    expect(await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-11-07", "00:59")))).toBe("time");
    expect(await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-11-06", "23:59")))).toBe("date");
    expect(await written()).toEqual(before);
    expect(await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-11-07", "02:00")))).toBe(
      "scheduled",
    );
  });

  it("in another zone than the studio's, on New York's change day: London's clock decides", async () => {
    const { token, multi } = await studioWithTypes();
    const ctx = await contextAt(token, Date.parse("2027-03-14T06:59:00Z")); // 06:59 in London, 01:59 in New York
    expect(
      await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-03-14", "06:58", "Europe/London"))),
    ).toBe("time");
    expect(
      await outcome(() => scheduleSession(ctx, multiAt(multi.id, "2027-03-14", "07:00", "Europe/London"))),
    ).toBe("scheduled");
  });

  it("adds spots and moves a Single by the same rule, writing nothing when refused", async () => {
    const { token, multi, single } = await studioWithTypes();
    const later = await contextAt(token, Date.parse("2027-01-01T00:00:00Z"));
    const minis = await scheduleSession(later, multiAt(multi.id, "2027-04-10", "09:00"));
    const wedding = await scheduleSession(later, {
      classification: "single",
      name: "Wedding",
      sessionTypeId: single.id,
      date: "2027-06-12",
      time: "14:00",
    });
    const ctx = await contextAt(token, Date.parse("2027-03-14T06:59:00Z"));
    const before = await written();
    const spots = (date: string, time: string): AddSpots => ({ date, time, spots: 2 });
    expect(await outcome(() => addSpots(ctx, minis.id, spots("2027-03-14", "01:58")))).toBe("time");
    expect(await outcome(() => addSpots(ctx, minis.id, spots("2027-03-01", "09:00")))).toBe("date");
    const move = (input: UpdateSession) => updateSession(ctx, wedding.id, input);
    expect(await outcome(() => move({ date: "2027-03-14", time: "01:58" }))).toBe("time");
    expect(await outcome(() => move({ date: "2027-03-13" }))).toBe("date");
    expect(await written()).toEqual(before);
    expect((await updateSession(later, wedding.id, {})).spots[0]?.startsAt).toBe("2027-06-12T18:00:00.000Z");
    expect(await outcome(() => addSpots(ctx, minis.id, spots("2027-03-14", "03:00")))).toBe("scheduled");
    expect(await outcome(() => move({ date: "2027-03-14", time: "03:00" }))).toBe("scheduled");
  });
});

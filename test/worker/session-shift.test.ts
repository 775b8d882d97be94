import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { addDays, nextClockChange, nextMonthDay } from "../dates.ts";
import { signedInStudio } from "./admin-browser.ts";
import { bookHeld, rowsOf } from "./payments-support.ts";
import { call, newSession, newSessionType, newStudio } from "./support.ts";

async function studioWithSession(session: Record<string, unknown>) {
  const { token } = await newStudio();
  const type = await newSessionType(token);
  const made = await newSession(token, {
    classification: "multi",
    name: "Garden Minis",
    sessionTypeId: type.id,
    spots: 3,
    ...session,
  });
  return { token, type, session: made };
}

const starts = (s: { spots: { startsAt: string }[] }) => s.spots.map((spot) => spot.startsAt);
const sequenceOf = (ics: string) =>
  new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent") ?? undefined).sequence;

describe("POST /v1/admin/sessions/:id/shift", () => {
  it("moves every spot by minutes, emails each booked client once with a newer calendar event, and the public page follows", async () => {
    const date = nextMonthDay("05-01");
    const { token, session } = await studioWithSession({ date, time: "10:00" });
    const booked = await bookHeld(session.slug, session.spots[1].id);
    const before = sequenceOf((await call("GET", `/v1/bookings/${booked.token}/calendar.ics`)).body);
    const res = await call("POST", `/v1/admin/sessions/${session.id}/shift`, {
      token,
      body: { minutes: 20 },
    });
    expect(res.status).toBe(200);
    expect(starts(res.body.session)).toEqual(["14:20", "14:50", "15:20"].map((t) => `${date}T${t}:00.000Z`));
    const open = await call("GET", `/v1/sessions/${session.slug}`);
    expect(starts(open.body)).toEqual(starts(res.body.session));
    const mail = (await rowsOf<{ kind: string; text: string }>("emails", booked.bookingId)).filter(
      (m) => m.kind === "session_moved",
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toContain("10:50");
    expect(sequenceOf((await call("GET", `/v1/bookings/${booked.token}/calendar.ics`)).body)).toBe(
      before + 1,
    );
  });

  it("moves to another date keeping each spot's wall-clock time and order, across a DST change, in the session's zone", async () => {
    // The studio is in New York; this session is in Berlin, the day before its clocks go forward.
    const forward = nextClockChange("Europe/Berlin", "forward");
    const dayBefore = addDays(forward, -1);
    const { token, session } = await studioWithSession({
      date: dayBefore,
      time: "10:00",
      timeZone: "Europe/Berlin",
    });
    expect(starts(session)[0]).toBe(`${dayBefore}T09:00:00.000Z`);
    const res = await call("POST", `/v1/admin/sessions/${session.id}/shift`, {
      token,
      body: { date: forward },
    });
    expect(res.status).toBe(200);
    expect(starts(res.body.session)).toEqual(
      ["08:00", "08:30", "09:00"].map((t) => `${forward}T${t}:00.000Z`),
    );
  });

  it("refuses a move onto another of the studio's sessions (shift_overlaps) and into the past (shift_into_past)", async () => {
    const date = nextMonthDay("05-01");
    const { token, type, session } = await studioWithSession({ date, time: "10:00" });
    await newSession(token, {
      classification: "multi",
      name: "Afternoon Minis",
      sessionTypeId: type.id,
      date,
      time: "13:00",
      spots: 2,
    });
    const onto = await call("POST", `/v1/admin/sessions/${session.id}/shift`, {
      token,
      body: { minutes: 180 },
    });
    expect([onto.status, onto.body.code]).toEqual([409, "shift_overlaps"]);
    const past = await call("POST", `/v1/admin/sessions/${session.id}/shift`, {
      token,
      body: { date: "2020-01-01" },
    });
    expect([past.status, past.body.code]).toEqual([409, "shift_into_past"]);
    const unchanged = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(starts(unchanged.body.session)[0]).toBe(`${date}T14:00:00.000Z`);
  });
});

describe("Move Session, on the session's admin page", () => {
  it("moves the spots by minutes from the form, and says why a move into the past is refused", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    const date = nextMonthDay("05-01");
    const session = await newSession(token, {
      classification: "multi",
      name: "Garden Minis",
      sessionTypeId: type.id,
      date,
      time: "10:00",
      spots: 2,
    });
    const page = await browser.get(`/admin/sessions/${session.id}/shift`);
    expect(page.html).toContain("Move Session");
    const moved = await browser.post(`/admin/sessions/${session.id}/shift`, { minutes: "20", date: "" });
    expect(moved.location).toContain("done=session-moved");
    const after = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(starts(after.body.session)[0]).toBe(`${date}T14:20:00.000Z`);
    const refused = await browser.post(`/admin/sessions/${session.id}/shift`, {
      minutes: "",
      date: "2020-01-01",
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain("That move would put spots in the past");
  });
});

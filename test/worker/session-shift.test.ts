import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
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
    const { token, session } = await studioWithSession({ date: "2027-05-01", time: "10:00" });
    const booked = await bookHeld(session.slug, session.spots[1].id);
    const before = sequenceOf((await call("GET", `/v1/bookings/${booked.token}/calendar.ics`)).body);
    const res = await call("POST", `/v1/admin/sessions/${session.id}/shift`, {
      token,
      body: { minutes: 20 },
    });
    expect(res.status).toBe(200);
    expect(starts(res.body.session)).toEqual([
      "2027-05-01T14:20:00.000Z",
      "2027-05-01T14:50:00.000Z",
      "2027-05-01T15:20:00.000Z",
    ]);
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
    // The studio is in New York; this session is in Berlin, where the clocks go forward on 28 March 2027.
    const { token, session } = await studioWithSession({
      date: "2027-03-27",
      time: "10:00",
      timeZone: "Europe/Berlin",
    });
    expect(starts(session)[0]).toBe("2027-03-27T09:00:00.000Z");
    const res = await call("POST", `/v1/admin/sessions/${session.id}/shift`, {
      token,
      body: { date: "2027-03-28" },
    });
    expect(res.status).toBe(200);
    expect(starts(res.body.session)).toEqual([
      "2027-03-28T08:00:00.000Z",
      "2027-03-28T08:30:00.000Z",
      "2027-03-28T09:00:00.000Z",
    ]);
  });

  it("refuses a move onto another of the studio's sessions (shift_overlaps) and into the past (shift_into_past)", async () => {
    const { token, type, session } = await studioWithSession({ date: "2027-05-01", time: "10:00" });
    await newSession(token, {
      classification: "multi",
      name: "Afternoon Minis",
      sessionTypeId: type.id,
      date: "2027-05-01",
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
    expect(starts(unchanged.body.session)[0]).toBe("2027-05-01T14:00:00.000Z");
  });
});

describe("Move Session, on the session's admin page", () => {
  it("moves the spots by minutes from the form, and says why a move into the past is refused", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    const session = await newSession(token, {
      classification: "multi",
      name: "Garden Minis",
      sessionTypeId: type.id,
      date: "2027-05-01",
      time: "10:00",
      spots: 2,
    });
    const page = await browser.get(`/admin/sessions/${session.id}/shift`);
    expect(page.html).toContain("Move Session");
    const moved = await browser.post(`/admin/sessions/${session.id}/shift`, { minutes: "20", date: "" });
    expect(moved.location).toContain("done=session-moved");
    const after = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(starts(after.body.session)[0]).toBe("2027-05-01T14:20:00.000Z");
    const refused = await browser.post(`/admin/sessions/${session.id}/shift`, {
      minutes: "",
      date: "2020-01-01",
    });
    expect(refused.status).toBe(409);
    expect(refused.html).toContain("That move would put spots in the past");
  });
});

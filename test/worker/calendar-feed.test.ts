import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { addDays, nextClockChange, nextMonthDay } from "../dates.ts";
import { call, hold, newClient, newSession, newSessionType, newStudio } from "./support.ts";

const octets = (line: string) => new TextEncoder().encode(line).length;

/** The feed as a calendar app reads it: its events by UID. */
function parseFeed(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const events = calendar.getAllSubcomponents("vevent").map((v) => ({ event: new ICAL.Event(v), vevent: v }));
  return { calendar, events, byUid: new Map(events.map((e) => [e.event.uid, e])) };
}

const feedPath = (url: string) => new URL(url).pathname;

async function studioWithFeed(name = "Juniper & Pine") {
  const { token } = await newStudio({ name, timeZone: "America/New_York" });
  const made = await call("POST", "/v1/admin/calendar-feed", { token });
  expect(made.status).toBe(201);
  return { token, url: made.body.calendarFeed.url as string };
}

/** A Multi session on `date` at 10:00 New York time, with a type priced $150, $50 deposit. */
async function sessionOn(token: string, date: string, name = "Fall Minis") {
  const type = await newSessionType(token);
  return newSession(token, {
    classification: "multi",
    name,
    sessionTypeId: type.id,
    date,
    time: "10:00",
    spots: 2,
  });
}

/** A visitor books a spot (no Stripe: confirmed, the whole price due at the session). */
async function book(slug: string, spotId: string, name = "Ann Lee", email = "ann@example.com") {
  const held = await hold(slug, spotId);
  const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
    token: held.body.hold.token,
    body: { client: { name, email } },
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  return held.body.hold.id as string;
}

describe("GET /v1/calendar/:token/bookings.ics", () => {
  it("lists the studio's bookings with client, package and balance, at the right instants across a DST change", async () => {
    const { token, url } = await studioWithFeed();
    // New York leaves daylight saving time on a Sunday: 10:00 is 14:00Z the day before, 15:00Z the day after.
    const fallBack = nextClockChange("America/New_York", "back");
    const [saturday, monday] = [addDays(fallBack, -1), addDays(fallBack, 1)];
    const before = await sessionOn(token, saturday, "Saturday Minis");
    const after = await sessionOn(token, monday, "Monday Minis");
    const first = await book(before.slug, before.spots[0].id);
    const second = await book(after.slug, after.spots[1].id, "Bea Ray", "bea@example.com");

    const res = await call("GET", feedPath(url));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const ics = res.body as string;
    expect(ics.split("\r\n").every((line) => octets(line) <= 75)).toBe(true);
    const { calendar, events, byUid } = parseFeed(ics);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Juniper & Pine — bookings");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(events).toHaveLength(2);

    const sat = byUid.get(`${first}@spotbook`);
    const mon = byUid.get(`${second}@spotbook`);
    expect(sat?.event.startDate.toJSDate().toISOString()).toBe(`${saturday}T14:00:00.000Z`);
    expect(sat?.event.endDate.toJSDate().toISOString()).toBe(`${saturday}T14:20:00.000Z`);
    expect(mon?.event.startDate.toJSDate().toISOString()).toBe(`${monday}T15:30:00.000Z`);
    // Read in the session's zone, both are at their local time whatever the offset that day.
    const inNewYork = (d: Date) =>
      new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", timeStyle: "short" }).format(d);
    expect(inNewYork(sat?.event.startDate.toJSDate() as Date)).toBe("10:00 AM");
    expect(inNewYork(mon?.event.startDate.toJSDate() as Date)).toBe("10:30 AM");

    expect(sat?.event.summary).toBe("Ann Lee — Saturday Minis");
    expect(sat?.vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(sat?.vevent.getFirstPropertyValue("sequence")).toBe(0);
    expect(sat?.event.description).toContain("Client: Ann Lee <ann@example.com>");
    expect(sat?.event.description).toContain("Package: Mini");
    expect(sat?.event.description).toContain("Balance due: $150.00 of $150.00");
    expect(sat?.event.description).toContain(`/admin/sessions/${before.id}`);
  });

  it("marks a cancelled booking CANCELLED with a higher SEQUENCE, and keeps its UID", async () => {
    const { token, url } = await studioWithFeed();
    const session = await sessionOn(token, nextMonthDay("10-16"));
    const id = await book(session.slug, session.spots[0].id);
    const cancelled = await call("DELETE", `/v1/admin/bookings/${id}`, { token });
    expect(cancelled.status).toBe(204);
    const { events } = parseFeed((await call("GET", feedPath(url))).body);
    expect(events).toHaveLength(1);
    expect(events[0]?.event.uid).toBe(`${id}@spotbook`);
    expect(events[0]?.vevent.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(events[0]?.vevent.getFirstPropertyValue("sequence")).toBe(1);
    expect(events[0]?.event.description).toContain("Cancelled");
  });

  it("shows a reservation as tentative, and never a visitor's bare hold", async () => {
    const { token, url } = await studioWithFeed();
    const session = await sessionOn(token, nextMonthDay("10-16"));
    const client = await newClient(token, { name: "Cy Twombly" });
    const reserved = await call("POST", `/v1/admin/spots/${session.spots[0].id}/reservation`, {
      token,
      body: { clientId: client.id },
    });
    expect(reserved.status).toBe(201);
    await hold(session.slug, session.spots[1].id);
    const { events } = parseFeed((await call("GET", feedPath(url))).body);
    expect(events.map((e) => e.vevent.getFirstPropertyValue("status"))).toEqual(["TENTATIVE"]);
    expect(events[0]?.event.summary).toBe("Cy Twombly — Fall Minis");
    expect(events[0]?.event.description).toContain("Awaiting the client's confirmation");
  });

  it("escapes a hostile client name: no extra property, event or calendar appears", async () => {
    const { token, url } = await studioWithFeed();
    const session = await sessionOn(token, nextMonthDay("10-16"));
    const hostile = `Eve, "the; one" \\ END:VEVENT BEGIN:VEVENT SUMMARY:pwned ${"é".repeat(40)} 📷`;
    await book(session.slug, session.spots[0].id, hostile, "eve@example.com");
    const ics = (await call("GET", feedPath(url))).body as string;
    expect(ics.split("\r\n").every((line) => octets(line) <= 75)).toBe(true);
    const { events } = parseFeed(ics);
    expect(events).toHaveLength(1);
    expect(events[0]?.event.summary).toBe(`${hostile} — Fall Minis`);
    expect(events[0]?.event.description).toContain(`Client: ${hostile} <eve@example.com>`);
    expect(ics.split("\r\n").filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
  });

  it("never lists another studio's bookings", async () => {
    const mine = await studioWithFeed("Mine");
    const theirs = await studioWithFeed("Theirs");
    const a = await sessionOn(mine.token, nextMonthDay("10-16"));
    const b = await sessionOn(theirs.token, nextMonthDay("10-16"));
    const own = await book(a.slug, a.spots[0].id);
    await book(b.slug, b.spots[0].id, "Zed Other", "zed@example.com");
    const { events } = parseFeed((await call("GET", feedPath(mine.url))).body);
    expect(events.map((e) => e.event.uid)).toEqual([`${own}@spotbook`]);
  });

  it("answers 404 the moment the feed is revoked or replaced, and to a token never made", async () => {
    const { token, url } = await studioWithFeed();
    expect((await call("GET", feedPath(url))).status).toBe(200);

    const again = await call("POST", "/v1/admin/calendar-feed", { token });
    const fresh = again.body.calendarFeed.url as string;
    expect(fresh).not.toBe(url);
    expect((await call("GET", feedPath(url))).status).toBe(404);
    expect((await call("GET", feedPath(fresh))).status).toBe(200);
    expect((await call("GET", "/v1/admin/calendar-feed", { token })).body).toEqual({
      calendarFeed: { createdAt: again.body.calendarFeed.createdAt },
    });

    expect((await call("DELETE", "/v1/admin/calendar-feed", { token })).status).toBe(204);
    const gone = await call("GET", feedPath(fresh));
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe("not_found");
    expect((await call("GET", "/v1/admin/calendar-feed", { token })).body).toEqual({ calendarFeed: null });
    expect((await call("GET", "/v1/calendar/cal_not-a-real-token/bookings.ics")).status).toBe(404);
  });

  it("keeps only a hash of the token, and the admin API needs the studio's token", async () => {
    const { url } = await studioWithFeed();
    const secret = decodeURIComponent(url.split("/")[5] as string);
    expect(secret).toMatch(/^cal_[\w-]{32}$/);
    const { env } = await import("cloudflare:workers");
    const stored = await env.DB.prepare("SELECT token_hash FROM calendar_feeds").all<{
      token_hash: string;
    }>();
    expect(stored.results.some((r) => r.token_hash.includes(secret))).toBe(false);
    expect(stored.results.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    expect((await call("POST", "/v1/admin/calendar-feed")).status).toBe(401);
  });
});

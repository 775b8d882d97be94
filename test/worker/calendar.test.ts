import fc from "fast-check";
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { calendarFile, escapeText, foldLine } from "../../worker/services/ics.ts";
import { addDays, nextMonthDay } from "../dates.ts";
import { call, newClient, newSession, newSessionType, newStudio } from "./support.ts";

const octets = (line: string) => new TextEncoder().encode(line).length;

/** The file's one event, as a calendar app reads it. */
function parseEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return { event: new ICAL.Event(vevent), vevent };
}

async function confirmedSingle() {
  const { token } = await newStudio({ name: "Juniper & Pine" });
  const type = await newSessionType(token, {
    name: "Wedding",
    classification: "single",
    durationMinutes: 360,
    packages: [{ name: "Full day", priceCents: 300000, depositCents: 100000 }],
  });
  const client = await newClient(token, { name: "Jane Austen" });
  const date = nextMonthDay("06-12");
  const session = await newSession(token, {
    classification: "single",
    name: "Austen wedding; reception, dinner \\ dance",
    sessionTypeId: type.id,
    clientId: client.id,
    date,
    time: "14:00",
    location: "Bath Abbey, Bath",
  });
  const sent = await call("POST", `/v1/admin/sessions/${session.id}/confirmation-request`, { token });
  const link = new URL(sent.body.confirmationUrl).searchParams.get("spotbook") as string;
  return { token, session, date, link };
}

describe("GET /v1/bookings/:token/calendar.ics", () => {
  it("answers the appointment as a valid iCalendar event that ical.js reads back", async () => {
    const { date, link } = await confirmedSingle();
    const res = await call("GET", `/v1/bookings/${link}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = res.body as string;
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(ics.split("\r\n").every((line) => octets(line) <= 75)).toBe(true);

    const { event, vevent } = parseEvent(ics);
    expect(event.summary).toBe("Austen wedding; reception, dinner \\ dance — Juniper & Pine");
    expect(event.location).toBe("Bath Abbey, Bath");
    expect(event.startDate.toJSDate().toISOString()).toBe(`${date}T18:00:00.000Z`);
    expect(event.endDate.toJSDate().toISOString()).toBe(`${addDays(date, 1)}T00:00:00.000Z`);
    expect(event.startDate.zone.tzid).toBe("UTC");
    expect(vevent.getFirstPropertyValue("status")).toBe("TENTATIVE");
    expect(event.description).toContain(`Your booking: http://localhost:8787/book/?spotbook=${link}`);
    expect(ics).toContain("SUMMARY:Austen wedding\\; reception\\, dinner \\\\ dance");
  });

  it("keeps the UID of a booking from one download to the next, and follows its status", async () => {
    const { link } = await confirmedSingle();
    const first = parseEvent((await call("GET", `/v1/bookings/${link}/calendar.ics`)).body);
    await call("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    const second = parseEvent((await call("GET", `/v1/bookings/${link}/calendar.ics`)).body);
    expect(second.event.uid).toBe(first.event.uid);
    expect(second.vevent.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(second.event.description).toContain("Balance due: $3,000.00");
  });

  it("is linked from the appointment emails", async () => {
    const { link } = await confirmedSingle();
    const confirmed = await call("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(confirmed.status).toBe(200);
    const { env } = await import("cloudflare:workers");
    const mail = await env.DB.prepare(
      "SELECT kind, text, html FROM emails WHERE booking_id = ? ORDER BY created_at",
    )
      .bind(confirmed.body.booking.id)
      .all<{ kind: string; text: string; html: string }>();
    expect(mail.results.map((m) => m.kind)).toEqual(["confirmation_request", "booking_confirmed"]);
    for (const m of mail.results) {
      expect(m.text).toMatch(
        /Add to calendar: http:\/\/localhost:8787\/v1\/bookings\/sbk_book_[\w-]+\/calendar\.ics/,
      );
      expect(m.html).toContain(">Add to calendar</a>");
    }
  });

  it("answers 404 to a link that opens no booking", async () => {
    const res = await call("GET", "/v1/bookings/sbk_book_nothing/calendar.ics");
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
  });
});

describe("calendarFile", () => {
  const event = {
    uid: "b1@spotbook",
    stamp: Date.UTC(2026, 9, 1, 12),
    startsAt: Date.UTC(2026, 9, 17, 13, 30),
    endsAt: Date.UTC(2026, 9, 17, 13, 50),
    url: "https://juniper.example/book?spotbook=t",
    status: "CONFIRMED" as const,
    sequence: 0,
  };

  it("escapes backslashes, semicolons, commas and newlines in text, and drops other controls", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf\u0000g\th")).toBe("a\\\\b\\;c\\,d\\ne\\nfg\th");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `DESCRIPTION:${"é".repeat(100)}`;
    const folded = foldLine(line).split("\r\n");
    expect(folded.every((l) => octets(l) <= 75)).toBe(true);
    expect(folded.slice(1).every((l) => l.startsWith(" "))).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(line);
  });

  // Any text, with the characters iCalendar must escape or drop mixed in.
  const anyText = fc.string({
    unit: fc.oneof(
      fc.constantFrom(",", ";", "\\", ":", "\n", "\r\n", "\r", "\u0007"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
    ),
    maxLength: 300,
  });
  /** What a reader gets back: newlines as LF, and no controls but tab (iCalendar TEXT holds none). */
  const readBack = (s: string) =>
    [...s.replace(/\r\n|\r/g, "\n")]
      .filter((ch) => {
        const code = ch.codePointAt(0) ?? 0;
        return code === 9 || code === 10 || (code >= 32 && code !== 127);
      })
      .join("");

  it("round-trips any text through ical.js, with every line within 75 octets", () => {
    fc.assert(
      fc.property(anyText, fc.string({ maxLength: 120 }), (text, place) => {
        const ics = calendarFile({ ...event, summary: text, description: text, location: place });
        expect(ics.split("\r\n").every((line) => octets(line) <= 75)).toBe(true);
        const parsed = parseEvent(ics).event;
        const normalized = readBack(text);
        expect(parsed.summary).toBe(normalized);
        expect(parsed.description).toBe(normalized);
        expect(parsed.location ?? "").toBe(readBack(place));
        expect(parsed.startDate.toJSDate().getTime()).toBe(event.startsAt);
      }),
      { numRuns: 200 },
    );
  });
});

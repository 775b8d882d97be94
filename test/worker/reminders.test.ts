import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type ReminderCandidate, remindersDue } from "../../worker/domain/reminders.ts";
import worker from "../../worker/index.ts";
import { bookHeld } from "./payments-support.ts";
import { call, hold, newSession, newSessionType, newStudio, openMultiSession } from "./support.ts";

const hour = 3_600_000;
const day = 24 * hour;

/** One cron run at `at`, through the Worker's own scheduled handler. */
async function cronAt(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/5 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** A Multi session ten days out whose type sends payment reminders three days before; one spot booked. */
async function bookedInTenDays(typeOverrides: Record<string, unknown> = {}) {
  const { token } = await newStudio();
  const type = await newSessionType(token, {
    paymentReminder: true,
    paymentReminderDays: 3,
    ...typeOverrides,
  });
  const session = await newSession(token, {
    classification: "multi",
    name: "Winter Minis",
    sessionTypeId: type.id,
    date: new Date(Date.now() + 10 * day).toISOString().slice(0, 10),
    time: "10:00",
    location: "Studio 2, 14 Elm St.",
    spots: 2,
  });
  const { bookingId } = await bookHeld(session.slug, session.spots[0].id);
  return { admin: token, bookingId, startsAt: Date.parse(session.spots[0].startsAt) };
}

const remindersOf = async (bookingId: string) =>
  (
    await env.DB.prepare(
      "SELECT kind, subject, text, dedupe_key FROM emails WHERE booking_id = ? AND kind LIKE '%_reminder' ORDER BY created_at",
    )
      .bind(bookingId)
      .all<{ kind: string; subject: string; text: string; dedupe_key: string }>()
  ).results;

describe("the cron's reminders", () => {
  it("sends a payment reminder the type's number of days before, once however often the cron runs", async () => {
    const { bookingId, startsAt } = await bookedInTenDays();
    await cronAt(startsAt - 3 * day - hour);
    expect(await remindersOf(bookingId)).toEqual([]);
    await cronAt(startsAt - 2 * day);
    await cronAt(startsAt - 2 * day + 5 * 60_000);
    const [reminder, ...more] = await remindersOf(bookingId);
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({
      kind: "payment_reminder",
      subject: "Payment reminder: Winter Minis",
      dedupe_key: `payment_reminder:${bookingId}`,
    });
    expect(reminder?.text).toContain("A balance of $150.00 is due for your session with Juniper & Pine.");
    expect(reminder?.text).toMatch(/Winter Minis\n\w+day, \w+ \d+, \d{4}, 10:00 AM – 10:20 AM \(E[SD]T\)/);
    expect(reminder?.text).toContain("Where: Studio 2, 14 Elm St.");
  });

  it("sends the session reminder the studio's hours before, with a working calendar link", async () => {
    const { bookingId, startsAt } = await bookedInTenDays();
    await cronAt(startsAt - 2 * day);
    await cronAt(startsAt - 12 * hour);
    await cronAt(startsAt - 11 * hour);
    const reminders = await remindersOf(bookingId);
    expect(reminders.map((r) => r.kind)).toEqual(["payment_reminder", "session_reminder"]);
    const session = reminders[1];
    expect(session?.subject).toBe("See you soon: Winter Minis");
    const calendar = /Add to calendar: (\S+)/.exec(session?.text ?? "")?.[1] as string;
    expect(calendar).toMatch(/^http:\/\/localhost:8787\/v1\/bookings\/sbk_book_[\w-]+\/calendar\.ics$/);
    const ics = await call("GET", new URL(calendar).pathname);
    expect(ics.status).toBe(200);
    expect(ics.body).toContain("SUMMARY:Winter Minis — Juniper & Pine");
  });

  it("sends no reminder for a cancelled booking", async () => {
    const { admin, bookingId, startsAt } = await bookedInTenDays();
    await call("DELETE", `/v1/admin/bookings/${bookingId}`, { token: admin });
    await cronAt(startsAt - 2 * day);
    await cronAt(startsAt - 12 * hour);
    expect(await remindersOf(bookingId)).toEqual([]);
  });

  it("sends no payment reminder once paid in full, nor when the type sends none", async () => {
    const paid = await bookedInTenDays();
    await call("POST", `/v1/admin/bookings/${paid.bookingId}/payments`, {
      token: paid.admin,
      body: { amountCents: 15000 },
    });
    const unreminded = await bookedInTenDays({ paymentReminder: false });
    await cronAt(paid.startsAt - 12 * hour);
    expect((await remindersOf(paid.bookingId)).map((r) => r.kind)).toEqual(["session_reminder"]);
    expect((await remindersOf(unreminded.bookingId)).map((r) => r.kind)).toEqual(["session_reminder"]);
  });

  it("marks holds expired once their time is up", async () => {
    const { session, spotIds } = await openMultiSession(1);
    const held = await hold(session.slug, spotIds[0] as string);
    await cronAt(Date.now() + 16 * 60_000);
    const row = await env.DB.prepare("SELECT status FROM bookings WHERE id = ?")
      .bind(held.body.hold.id)
      .first();
    expect(row).toEqual({ status: "expired" });
  });
});

describe("remindersDue", () => {
  const startsAt = Date.UTC(2026, 9, 17, 14);
  const base: ReminderCandidate = {
    status: "confirmed",
    startsAt,
    confirmedAt: startsAt - 30 * day,
    balanceCents: 10000,
    paymentReminderDays: 3,
    sessionReminderHours: 24,
  };

  it.each([
    ["a week before", base, startsAt - 7 * day, []],
    ["three days before", base, startsAt - 3 * day, ["payment_reminder"]],
    ["the day before", base, startsAt - 23 * hour, ["payment_reminder", "session_reminder"]],
    ["once the session started", base, startsAt, []],
    ["when nothing is owed", { ...base, balanceCents: 0 }, startsAt - hour, ["session_reminder"]],
    [
      "when the type sends none",
      { ...base, paymentReminderDays: null },
      startsAt - hour,
      ["session_reminder"],
    ],
    [
      "when the studio sends none",
      { ...base, sessionReminderHours: 0 },
      startsAt - hour,
      ["payment_reminder"],
    ],
    ["for a cancelled booking", { ...base, status: "cancelled" as const }, startsAt - hour, []],
    [
      "for a booking confirmed inside the lead",
      { ...base, confirmedAt: startsAt - 2 * hour },
      startsAt - hour,
      [],
    ],
  ])("%s", (_, candidate, now, expected) => {
    expect(remindersDue(candidate, now)).toEqual(expected);
  });
});

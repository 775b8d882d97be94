import { describe, expect, it } from "vitest";
import { addDays, nextMonthDay } from "../dates.ts";
import { call, newClient, newSession, newSessionType, newStudio, rowCount } from "./support.ts";

/** Two studios; the intruder holds a valid token of its own and the ids of the victim's rows. */
async function twoStudios() {
  const victim = await newStudio({ name: "Victim" });
  const intruder = await newStudio({ name: "Intruder" });
  const type = await newSessionType(victim.token);
  const client = await newClient(victim.token, { name: "Private Person", email: "private@example.com" });
  const date = nextMonthDay("04-10");
  const session = await newSession(victim.token, {
    classification: "multi",
    name: "Minis",
    sessionTypeId: type.id,
    date,
    time: "09:00",
    spots: 2,
  });
  const reserved = await call("POST", `/v1/admin/spots/${session.spots[0].id}/reservation`, {
    token: victim.token,
    body: { clientId: client.id },
  });
  return { victim, intruder, type, client, session, date, bookingId: reserved.body.booking.id as string };
}

describe("one studio can never read or change another's data", () => {
  it("answers 404 on every admin route that names another studio's row, and changes nothing", async () => {
    const { intruder, type, client, session, date, bookingId } = await twoStudios();
    const t = intruder.token;
    const attempts: [string, string, unknown?][] = [
      ["GET", `/v1/admin/session-types/${type.id}`],
      ["PATCH", `/v1/admin/session-types/${type.id}`, { name: "Mine now" }],
      ["DELETE", `/v1/admin/session-types/${type.id}`],
      ["GET", `/v1/admin/clients/${client.id}`],
      ["PATCH", `/v1/admin/clients/${client.id}`, { name: "Mine now" }],
      ["GET", `/v1/admin/sessions/${session.id}`],
      ["PATCH", `/v1/admin/sessions/${session.id}`, { name: "Mine now" }],
      ["POST", `/v1/admin/sessions/${session.id}/spots`, { date: addDays(date, 1), time: "09:00", spots: 1 }],
      ["POST", `/v1/admin/sessions/${session.id}/client`, { clientId: client.id }],
      ["POST", `/v1/admin/sessions/${session.id}/confirmation-request`],
      ["POST", `/v1/admin/sessions/${session.id}/payment-reminders`],
      [
        "POST",
        `/v1/admin/spots/${session.spots[1].id}/reservation`,
        { client: { name: "X", email: "x@example.com" } },
      ],
      ["DELETE", `/v1/admin/bookings/${bookingId}`],
    ];
    const before = await Promise.all(["sessions", "spots", "bookings", "clients", "emails"].map(rowCount));
    for (const [method, path, body] of attempts) {
      const res = await call(method, path, { token: t, body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(JSON.stringify(res.body), `${method} ${path}`).not.toContain("Private Person");
    }
    expect(await Promise.all(["sessions", "spots", "bookings", "clients", "emails"].map(rowCount))).toEqual(
      before,
    );
  });

  it("lists only the caller's own rows", async () => {
    const { intruder } = await twoStudios();
    for (const path of ["/v1/admin/sessions", "/v1/admin/clients", "/v1/admin/session-types"]) {
      const res = await call("GET", path, { token: intruder.token });
      expect(Object.values(res.body)[0], path).toEqual([]);
    }
    const search = await call("GET", "/v1/admin/clients?q=private", { token: intruder.token });
    expect(search.body.clients).toEqual([]);
  });

  it("answers 401 to missing, malformed and wrong admin tokens", async () => {
    for (const authorization of [undefined, "Bearer", "Basic abc", "Bearer sbk_admin_wrong"]) {
      const res = await call("GET", "/v1/admin/sessions", {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(res.body.code).toBe("unauthorized");
    }
  });

  it("keeps a Single session private to its client's link", async () => {
    const { victim } = await twoStudios();
    const type = await newSessionType(victim.token, { classification: "single", name: "Wedding" });
    const single = await newSession(victim.token, {
      classification: "single",
      name: "Private wedding",
      sessionTypeId: type.id,
      date: nextMonthDay("06-12"),
      time: "14:00",
    });
    expect((await call("GET", `/v1/sessions/${single.slug}`)).status).toBe(404);
    expect((await call("GET", `/s/${single.slug}`)).status).toBe(404);
  });

  it("keeps the public session read free of personal data", async () => {
    const { session } = await twoStudios();
    const res = await call("GET", `/v1/sessions/${session.slug}`);
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toMatch(/Private Person|private@example\.com/);
  });
});

describe("the end-to-end tests' hook that makes time pass", () => {
  it("does not exist where TEST_HOOKS_TOKEN is not set, whatever token is sent", async () => {
    const { token } = await newStudio();
    for (const bearer of [undefined, token, "anything"]) {
      const res = await call("POST", "/v1/test/holds/lapse", { ...(bearer && { token: bearer }) });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe("not_found");
    }
  });
});

import { describe, expect, it } from "vitest";
import { nextMonthDay } from "../dates.ts";
import { call, newSession, newSessionType, newStudio } from "./support.ts";

describe("session types", () => {
  it("are created with their packages in one request", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token, {
      name: "Family",
      durationMinutes: 45,
      breakMinutes: 15,
      paymentReminder: true,
      paymentReminderDays: 5,
      packages: [
        { name: "Digital", priceCents: 30000, depositCents: 10000, description: "20 images" },
        { name: "Prints", priceCents: 45000 },
      ],
    });
    expect(type).toMatchObject({
      name: "Family",
      classification: "multi",
      durationMinutes: 45,
      breakMinutes: 15,
      paymentReminder: true,
      paymentReminderDays: 5,
      active: true,
      packages: [
        { name: "Digital", priceCents: 30000, depositCents: 10000, description: "20 images" },
        { name: "Prints", priceCents: 45000, depositCents: 0 },
      ],
    });
    const listed = await call("GET", "/v1/admin/session-types", { token });
    expect(listed.body.sessionTypes).toHaveLength(1);
  });

  it("edit packages in place by id, add new ones and drop unused ones", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token, {
      packages: [
        { name: "A", priceCents: 100 },
        { name: "B", priceCents: 200 },
      ],
    });
    const [a] = type.packages;
    const res = await call("PATCH", `/v1/admin/session-types/${type.id}`, {
      token,
      body: {
        durationMinutes: 25,
        packages: [
          { id: a.id, name: "A+", priceCents: 150 },
          { name: "C", priceCents: 300 },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.sessionType.durationMinutes).toBe(25);
    expect(
      res.body.sessionType.packages.map((p: { name: string; id: string }) => [p.name, p.id === a.id]),
    ).toEqual([
      ["A+", true],
      ["C", false],
    ]);
  });

  it("cannot be deleted, nor change classification, while a session uses it", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token);
    await newSession(token, {
      classification: "multi",
      name: "Minis",
      sessionTypeId: type.id,
      date: nextMonthDay("04-10"),
      time: "09:00",
      spots: 1,
    });
    const removed = await call("DELETE", `/v1/admin/session-types/${type.id}`, { token });
    expect(removed.status).toBe(409);
    expect(removed.body.code).toBe("session_type_in_use");
    const reclassified = await call("PATCH", `/v1/admin/session-types/${type.id}`, {
      token,
      body: { classification: "single" },
    });
    expect(reclassified.status).toBe(409);
    expect((await call("GET", `/v1/admin/session-types/${type.id}`, { token })).status).toBe(200);
  });

  it("can be deleted when unused", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token);
    expect((await call("DELETE", `/v1/admin/session-types/${type.id}`, { token })).status).toBe(204);
    expect((await call("GET", `/v1/admin/session-types/${type.id}`, { token })).status).toBe(404);
  });

  it("are not offered for new sessions once inactive", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token);
    await call("PATCH", `/v1/admin/session-types/${type.id}`, { token, body: { active: false } });
    const res = await call("POST", "/v1/admin/sessions", {
      token,
      body: {
        classification: "multi",
        name: "X",
        sessionTypeId: type.id,
        date: nextMonthDay("01-01"),
        time: "10:00",
        spots: 1,
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe("sessionTypeId");
  });
});

describe("a session type's location and package descriptions", () => {
  it("starts each new session at the type's location, and shows visitors both", async () => {
    const { token } = await newStudio();
    const type = await newSessionType(token, {
      location: "Prospect Park, by the boathouse",
      packages: [{ name: "Mini", description: "Ten edited photos", priceCents: 15000 }],
    });
    expect(type).toMatchObject({ location: "Prospect Park, by the boathouse" });
    const session = await newSession(token, {
      classification: "multi",
      name: "Fall Minis",
      sessionTypeId: type.id,
      date: nextMonthDay("05-01"),
      time: "10:00",
      spots: 1,
    });
    expect(session.location).toBe("Prospect Park, by the boathouse");
    const shown = await call("GET", `/v1/sessions/${session.slug}`);
    expect(shown.body.session.location).toBe("Prospect Park, by the boathouse");
    expect(shown.body.packages[0].description).toBe("Ten edited photos");
  });
});

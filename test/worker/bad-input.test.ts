import { describe, expect, it } from "vitest";
import { nextClockChange, nextMonthDay } from "../dates.ts";
import { call, newSessionType, newStudio, rowCount } from "./support.ts";

async function multiType() {
  const { token } = await newStudio();
  const type = await newSessionType(token);
  const session = (overrides: Record<string, unknown>) => ({
    classification: "multi",
    name: "Minis",
    sessionTypeId: type.id,
    date: nextMonthDay("04-10"),
    time: "09:00",
    spots: 4,
    ...overrides,
  });
  return { token, type, session };
}

describe("bad input gets a clear problem and writes nothing", () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ["0 spots", { spots: 0 }, "spots"],
    ["10,000 spots", { spots: 10_000 }, "spots"],
    ["a fractional spot count", { spots: 2.5 }, "spots"],
    ["February 30th", { date: "2026-02-30" }, "date"],
    ["25 o'clock", { time: "25:00" }, "time"],
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone"],
    ["a 100 KB name", { name: "x".repeat(100_000) }, "name"],
    ["a missing name", { name: undefined }, "name"],
    [
      "a time the clocks skip",
      { date: nextClockChange("America/New_York", "forward"), time: "02:30", timeZone: "America/New_York" },
      "time",
    ],
    ["an unknown classification", { classification: "triple" }, "classification"],
  ];
  for (const [what, overrides, path] of cases) {
    it(`refuses ${what}`, async () => {
      const { token, session } = await multiType();
      const [sessionsBefore, spotsBefore] = [await rowCount("sessions"), await rowCount("spots")];
      const res = await call("POST", "/v1/admin/sessions", { token, body: session(overrides) });
      expect(res.status).toBe(422);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.body).toMatchObject({ status: 422, code: "validation_failed" });
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(res.body.detail).toEqual(expect.any(String));
      expect([await rowCount("sessions"), await rowCount("spots")]).toEqual([sessionsBefore, spotsBefore]);
    });
  }

  it("refuses negative prices and a deposit above the price", async () => {
    const { token } = await newStudio();
    const before = await rowCount("session_types");
    const res = await call("POST", "/v1/admin/session-types", {
      token,
      body: {
        name: "Bad",
        classification: "multi",
        durationMinutes: 20,
        breakMinutes: 0,
        packages: [
          { name: "Negative", priceCents: -100 },
          { name: "Upside down", priceCents: 100, depositCents: 500 },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      "packages.0.priceCents",
      "packages.1.depositCents",
    ]);
    expect(await rowCount("session_types")).toBe(before);
  });

  it("answers 400 malformed_request to broken JSON", async () => {
    const { token } = await multiType();
    const res = await call("POST", "/v1/admin/sessions", { token, body: '{"name": "Minis",' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("malformed_request");
  });

  it("answers 415 to a form post instead of JSON", async () => {
    const { token } = await multiType();
    const res = await call("POST", "/v1/admin/clients", {
      token,
      body: "name=Ada&email=ada@example.com",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe("unsupported_media_type");
  });

  it("answers 413 to a body over 128 KB", async () => {
    const { token } = await multiType();
    const res = await call("POST", "/v1/admin/clients", {
      token,
      body: { name: "x".repeat(200_000), email: "a@example.com" },
    });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe("payload_too_large");
  });

  it("answers 409 already_exists to a second client with the same email, in any case", async () => {
    const { token } = await newStudio();
    await call("POST", "/v1/admin/clients", { token, body: { name: "Ada", email: "ada@example.com" } });
    const res = await call("POST", "/v1/admin/clients", {
      token,
      body: { name: "Ada L.", email: "ADA@example.com" },
    });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: "already_exists", errors: [{ path: "email" }] });
  });

  it("answers 404 not_found as a problem for unknown paths and ids", async () => {
    const { token } = await newStudio();
    const unknownPath = await call("GET", "/v1/nothing-here");
    const unknownId = await call("GET", "/v1/admin/sessions/does-not-exist", { token });
    expect([unknownPath.status, unknownId.status]).toEqual([404, 404]);
    expect(unknownId.body.code).toBe("not_found");
  });
});

describe("input that once reached D1's limits or was stored as it came", () => {
  it("searches clients with any query up to 200 characters, wildcards taken literally", async () => {
    const { token } = await newStudio();
    await call("POST", "/v1/admin/clients", {
      token,
      body: { name: "Émile 100%_Zola", email: "emile@example.com" },
    });
    for (const q of ["x".repeat(49), "%_".repeat(100), "a%".repeat(100), "\\".repeat(200)]) {
      const res = await call("GET", `/v1/admin/clients?q=${encodeURIComponent(q)}`, { token });
      expect(res.status).toBe(200);
      expect(res.body.clients).toEqual([]);
    }
    for (const q of ["100%_", "Émile", "zola", "EMILE@EXAMPLE"]) {
      const res = await call("GET", `/v1/admin/clients?q=${encodeURIComponent(q)}`, { token });
      expect(res.body.clients.map((c: { email: string }) => c.email)).toEqual(["emile@example.com"]);
    }
  });

  it("creates a session type with as many packages as the schema allows", async () => {
    const { token } = await newStudio();
    const packages = Array.from({ length: 20 }, (_, i) => ({
      name: `Package ${i + 1}`,
      description: "Ten edited images",
      priceCents: 1000 * (i + 1),
      depositCents: 500,
    }));
    const body = { name: "Many", classification: "multi", durationMinutes: 20, packages };
    const res = await call("POST", "/v1/admin/session-types", { token, body });
    expect(res.status).toBe(201);
    expect(res.body.sessionType.packages.map((p: { name: string }) => p.name)).toEqual(
      packages.map((p) => p.name),
    );
  });

  const hostile: [string, string][] = [
    ["a NUL character", "Ann\u0000Elliot"],
    ["a lone surrogate", "Ann \ud83d Elliot"],
    ["an escape sequence", "Ann \u001b[31m Elliot"],
  ];
  for (const [what, name] of hostile) {
    it(`refuses a name with ${what} and stores nothing`, async () => {
      const { token } = await newStudio();
      const before = await rowCount("clients");
      const res = await call("POST", "/v1/admin/clients", {
        token,
        body: { name, email: "ann@example.com" },
      });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(["name"]);
      expect(await rowCount("clients")).toBe(before);
    });
  }
});

import { describe, expect, it } from "vitest";
import { call, newSession, newSessionType, newStudio } from "./support.ts";

describe("the hosted session page", () => {
  it("embeds the widget and carries Open Graph tags, escaped", async () => {
    const { token } = await newStudio({ name: "Ansel & <Co>" });
    const type = await newSessionType(token);
    const session = await newSession(token, {
      classification: "multi",
      name: 'Minis "at dusk"',
      sessionTypeId: type.id,
      date: "2027-04-10",
      time: "17:00",
      spots: 2,
    });
    const res = await call("GET", `/s/${session.slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<spotbook-session session="${session.slug}">`);
    expect(res.body).toContain(
      'property="og:title" content="Minis &quot;at dusk&quot; · Ansel &amp; &lt;Co&gt;"',
    );
    expect(res.body).toContain("Saturday, April 10, 2027");
    expect(res.body).not.toContain("<Co>");
  });

  it("answers 404 for an unknown session", async () => {
    expect((await call("GET", "/s/nope")).status).toBe(404);
  });
});

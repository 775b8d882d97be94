import { describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { signedInStudio, texts } from "./admin-browser.ts";
import { call, hold, newSession, newSessionType, visitorHeaders } from "./support.ts";

/** A signed-in photographer's one-spot session, held by a visitor, with two people in line. */
async function fullWithLine() {
  const { browser, token } = await signedInStudio();
  const type = await newSessionType(token);
  const tomorrow = inDays(1);
  const session = await newSession(token, {
    classification: "multi",
    name: "Minis",
    sessionTypeId: type.id,
    date: tomorrow,
    time: "10:00",
    spots: 1,
  });
  const held = await hold(session.slug, session.spots[0].id);
  const entries = [];
  for (const name of ["Ann", "Bob"]) {
    const res = await call("POST", `/v1/sessions/${session.slug}/waitlist`, {
      body: { client: { name, email: `${name.toLowerCase()}@example.com` } },
      headers: visitorHeaders(),
    });
    entries.push(res.body.entry);
  }
  return { browser, token, session, held: held.body.hold, entries };
}

describe("the session page's waitlist", () => {
  it("shows the line in order, and each offer with its outcome", async () => {
    const { browser, session, held } = await fullWithLine();
    let page = await browser.get(`/admin/sessions/${session.id}`);
    expect(await texts(page.html, "#waitlist caption")).toEqual(["In line"]);
    expect(await texts(page.html, "#waitlist tbody td:nth-child(2)")).toEqual([
      "Ann (ann@example.com)",
      "Bob (bob@example.com)",
    ]);
    await call("DELETE", `/v1/holds/${held.id}`, { token: held.token });
    page = await browser.get(`/admin/sessions/${session.id}`);
    expect(await texts(page.html, "#waitlist caption")).toEqual(["In line", "Offers"]);
    expect(page.html).toContain("Held for them");
  });

  it("moves someone up the line and turns the waitlist off and on", async () => {
    const { browser, session, entries } = await fullWithLine();
    await browser.get(`/admin/sessions/${session.id}`);
    const moved = await browser.post(`/admin/sessions/${session.id}/waitlist/${entries[1].id}/move`, {
      position: "1",
    });
    expect(moved.status, moved.html).toBe(303);
    let page = await browser.get(`/admin/sessions/${session.id}`);
    expect((await texts(page.html, "#waitlist tbody td:nth-child(2)"))[0]).toBe("Bob (bob@example.com)");

    const off = await browser.post(`/admin/sessions/${session.id}/waitlist`, { open: "off" });
    expect(off.location).toBe(`/admin/sessions/${session.id}?done=waitlist-off`);
    page = await browser.get(`/admin/sessions/${session.id}`);
    expect(await texts(page.html, "#waitlist button")).toContain("Turn Waitlist On");
    const bad = await browser.post(`/admin/sessions/${session.id}/waitlist/${entries[0].id}/move`, {
      position: "first",
    });
    expect(bad.status).toBe(422);
  });
});

import { describe, expect, it } from "vitest";
import { fakeApi, json, problem, session, spots } from "./fake-api.ts";
import { click, find, findAll, mount, onDemandUnreachable, settle, submit, text, type } from "./render.ts";

const full = () =>
  fakeApi({
    session: session({ waitlistOpen: true }),
    spots: spots(["2026-10-17T13:30:00.000Z", false], ["2026-10-18T13:30:00.000Z", false]),
  });

const button = (element: HTMLElement & { shadowRoot: ShadowRoot | null }, label: string) => {
  const found = [...(element.shadowRoot?.querySelectorAll<HTMLButtonElement>("button") ?? [])].find(
    (b) => text(b) === label,
  );
  if (!found) throw new Error(`no button ${label}`);
  return found;
};

describe("the waitlist", () => {
  it("is offered only when every time is taken and the studio keeps one", async () => {
    fakeApi({ session: session({ waitlistOpen: true }) });
    const open = await mount({ session: "fall-minis", locale: "en-US" });
    expect(text(open.shadowRoot)).not.toContain("Join the waitlist");
    document.body.replaceChildren();
    fakeApi({ session: session({ waitlistOpen: false }), spots: spots(["2026-10-17T13:30:00.000Z", false]) });
    const closed = await mount({ session: "fall-minis", locale: "en-US" });
    expect(text(closed.shadowRoot)).not.toContain("Join the waitlist");
  });

  it("joins a full session with name, email and the days that suit, and links to one's place", async () => {
    const api = full();
    api.on("POST", /\/waitlist$/, () => json(201, { entry: { id: "e1", position: 3, token: "sbk_wait_x" } }));
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await click(element, button(element, "Join the waitlist"));
    await submit(element);
    expect(text(find(element, "#name-error"))).toBe("Please enter your name.");
    type(element, "name", "Ada Lovelace");
    type(element, "email", "ada@example.com");
    const days = findAll<HTMLInputElement>(element, 'input[name="day"]');
    expect(days.map((d) => d.value)).toEqual(["2026-10-17", "2026-10-18"]);
    (days[1] as HTMLInputElement).checked = true;
    await submit(element);
    const sent = api.requests.find((r) => r.path.endsWith("/waitlist"));
    expect(sent?.body).toEqual({
      client: { name: "Ada Lovelace", email: "ada@example.com" },
      times: [{ date: "2026-10-18" }],
      // The language of the session's answer, so the offer's email speaks it.
      locale: "en-US",
    });
    expect(text(element.shadowRoot)).toContain("You're number 3 in line.");
    const link = find<HTMLAnchorElement>(element, "a[part=link]").href;
    expect(new URL(link).searchParams.get("spotbook-waitlist")).toBe("sbk_wait_x");
  });

  it("says so when the form to join cannot load, and tries again by loading the page afresh", async () => {
    full();
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    const reload = onDemandUnreachable();
    await click(element, button(element, "Join the waitlist"));
    expect(text(find(element, "[role=alert] p"))).toBe(
      "Something went wrong on our side. Please try again in a moment.",
    );
    expect(findAll(element, "#name")).toEqual([]);
    await click(element, find(element, "[role=alert] button"));
    expect(reload).toHaveBeenCalledOnce();
  });

  it("says why joining was refused", async () => {
    const api = full();
    api.on("POST", /\/waitlist$/, () => problem(409, "already_on_waitlist"));
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await click(element, button(element, "Join the waitlist"));
    type(element, "name", "Ada");
    type(element, "email", "ada@example.com");
    await submit(element);
    expect(find(element, "#problem")).toBeTruthy();
  });

  it("shows one's place through one's own link, and leaves the line", async () => {
    const api = fakeApi();
    let status = "waiting";
    api.on("GET", /\/v1\/waitlist\/sbk_wait_x$/, ({ words }) =>
      json(200, {
        ...words,
        entry: {
          status,
          position: status === "waiting" ? 2 : null,
          offerExpiresAt: null,
          session: { name: "Fall Minis", timeZone: "America/New_York" },
        },
      }),
    );
    api.on("DELETE", /\/v1\/waitlist\/sbk_wait_x$/, () => {
      status = "left";
      return new Response(null, { status: 204 });
    });
    window.history.replaceState(null, "", "/?spotbook-waitlist=sbk_wait_x");
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    expect(text(element.shadowRoot)).toContain("You're number 2 in line.");
    await click(element, button(element, "Leave the waitlist"));
    await settle(element);
    expect(text(element.shadowRoot)).toContain("You're no longer on this waitlist.");
  });

  it("opens a spot held from the waitlist straight in the details form, filled in, and books it", async () => {
    const api = full();
    api.on("GET", /\/v1\/offers\/sbk_hold_o$/, () =>
      json(200, {
        offer: {
          session: "fall-minis",
          hold: { id: "hold-o", expiresAt: new Date(Date.now() + 12 * 3_600_000).toISOString() },
          spot: { id: "spot-1", startsAt: "2026-10-17T13:30:00.000Z", endsAt: "2026-10-17T13:50:00.000Z" },
          client: { name: "Ada Lovelace", email: "ada@example.com" },
        },
      }),
    );
    window.history.replaceState(null, "", "/?spotbook-offer=sbk_hold_o");
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    expect(text(find(element, "h3"))).toBe("Your details");
    expect(find<HTMLInputElement>(element, '[name="email"]').value).toBe("ada@example.com");
    find<HTMLInputElement>(element, 'input[value="pkg-full"]').click();
    await submit(element);
    const booked = api.requests.find((r) => r.path === "/v1/holds/hold-o/booking");
    expect(booked?.auth).toBe("Bearer sbk_hold_o");
    expect(text(element.shadowRoot)).toContain("You're booked");
  });
});

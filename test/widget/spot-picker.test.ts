import { describe, expect, it } from "vitest";
import { fakeApi, problem, session, spots } from "./fake-api.ts";
import { click, find, findAll, mount, settle, shadow, spotButton, text } from "./render.ts";

describe("the spot picker", () => {
  it("loads the session with one GET request and no custom header", async () => {
    const api = fakeApi();
    await mount({ session: "fall-minis" });
    expect(api.requests).toEqual([
      { method: "GET", path: "/v1/sessions/fall-minis", body: undefined, auth: null },
    ]);
    const init = api.fetch.mock.calls[0]?.[1];
    expect(Object.keys(init?.headers ?? {})).toEqual([]);
  });

  it("keeps its height while loading and lets go once the spots are there", async () => {
    fakeApi();
    const element = document.createElement("spotbook-session");
    element.setAttribute("api", "https://api.test/");
    element.setAttribute("session", "fall-minis");
    document.body.append(element);
    await element.updateComplete;
    expect(element.getAttribute("aria-busy")).toBe("true");
    expect(text(find(element, "[role=status]"))).toBe("Loading available times…");
    await settle(element);
    expect(element.hasAttribute("aria-busy")).toBe(false);
  });

  it("groups spots by day in the session's zone, not the visitor's", async () => {
    // 03:30 UTC on the 18th is still the evening of the 17th in New York.
    fakeApi({
      spots: spots(["2026-10-17T13:30:00.000Z"], ["2026-10-18T03:30:00.000Z"], ["2026-10-18T14:00:00.000Z"]),
    });
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    const days = findAll(element, "[part=day]").map((day) => ({
      day: text(day.querySelector("h4")),
      times: [...day.querySelectorAll("button")].map((b) => text(b)),
    }));
    expect(days).toEqual([
      { day: "Saturday, October 17", times: ["9:30 AM", "11:30 PM"] },
      { day: "Sunday, October 18", times: ["10:00 AM"] },
    ]);
  });

  it("formats days and times in the visitor's language and names the session's zone", async () => {
    fakeApi({ spots: spots(["2026-10-17T13:30:00.000Z"]) });
    const element = await mount({ session: "fall-minis", locale: "de-DE" });
    expect(text(find(element, "h4"))).toBe("Samstag, 17. Oktober");
    expect(text(find(element, "button.spot"))).toBe("9:30");
    expect(text(find(element, "[part=notice]"))).toContain("Nordamerikanische Ostküsten-Sommerzeit");
  });

  it("does not name the zone when the visitor is in it", async () => {
    const here = new Intl.DateTimeFormat().resolvedOptions().timeZone;
    fakeApi({ session: session({ timeZone: here }) });
    const element = await mount({ session: "fall-minis" });
    expect(findAll(element, "[part=notice]")).toEqual([]);
  });

  it("shows taken spots disabled and labelled taken", async () => {
    fakeApi({ spots: spots(["2026-10-17T13:30:00.000Z", false], ["2026-10-17T14:00:00.000Z"]) });
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    const taken = spotButton(element, "9:30 AM");
    expect(taken.disabled).toBe(true);
    expect(text(taken)).toBe("9:30 AM Taken");
    expect(taken.getAttribute("part")).toBe("spot taken");
    expect(spotButton(element, "10:00 AM").disabled).toBe(false);
  });

  it("says so when every spot is taken", async () => {
    fakeApi({ spots: spots(["2026-10-17T13:30:00.000Z", false]) });
    const element = await mount({ session: "fall-minis" });
    expect(text(shadow(element))).toContain("Every time in this session is booked.");
  });

  it("says a session that does not exist was not found, without a retry", async () => {
    fakeApi();
    const element = await mount({ session: "no-such-session" });
    const alert = find(element, "[role=alert]");
    expect(text(alert)).toBe("We could not find this session. It may have ended, or the link may be wrong.");
    expect(alert.querySelector("button")).toBeNull();
  });

  it("offers a retry after a network failure, and the retry loads the spots", async () => {
    const api = fakeApi();
    let down = true;
    api.on("GET", /sessions/, () => {
      if (down) throw new TypeError("Failed to fetch");
      return undefined;
    });
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    expect(text(find(element, "[role=alert] p"))).toContain("could not reach the booking service");
    down = false;
    await click(element, find(element, "[role=alert] button"));
    expect(text(spotButton(element, "9:30 AM"))).toBe("9:30 AM");
  });

  it("asks the visitor to wait when rate limited", async () => {
    const api = fakeApi();
    api.on("GET", /sessions/, () => problem(429, "rate_limited"));
    const element = await mount({ session: "fall-minis" });
    expect(text(find(element, "[role=alert] p"))).toBe(
      "Too many attempts in a short time. Please wait a minute, then try again.",
    );
  });

  it("reports an error event the host page can listen to", async () => {
    fakeApi();
    const seen: CustomEvent[] = [];
    document.addEventListener("spotbook-error", (event) => seen.push(event));
    await mount({ session: "missing" });
    expect(seen.map((e) => e.detail)).toEqual([
      {
        status: 404,
        code: "not_found",
        message: "We could not find this session. It may have ended, or the link may be wrong.",
      },
    ]);
  });
});

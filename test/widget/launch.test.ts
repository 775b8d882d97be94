import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeApi, json, packages, session, sessionType, spots } from "./fake-api.ts";
import { click, find, findAll, mount, onDemandUnreachable, settle, text } from "./render.ts";

const opensAt = "2026-10-10T16:00:00.000Z";
const slots = () => spots(["2026-10-17T13:30:00.000Z"], ["2026-10-17T14:00:00.000Z"]);

/** A session that opens at `opensAt`; its line answers each ask with the next of `answers`. */
function launch(answers: Record<string, unknown>[]) {
  const api = fakeApi({ spots: slots() });
  api.on("GET", /^\/v1\/sessions\/fall-minis$/, ({ words }) =>
    json(200, {
      session: session(),
      sessionType,
      packages,
      spots: slots(),
      rules: { text: [], opensAt },
      ...words,
    }),
  );
  let asked = 0;
  api.on("POST", /\/queue$/, () => {
    const answer = answers[Math.min(asked++, answers.length - 1)];
    return json(200, {
      place: {
        ticket: "sbk_line_mine",
        status: "waiting",
        position: null,
        opensAt,
        admission: null,
        retryAfterMs: 300,
        seatsLeft: 2,
        ...answer,
      },
    });
  });
  return api;
}

const admitted = {
  status: "admitted",
  admission: { token: "adm-token", expiresAt: new Date(Date.now() + 180_000).toISOString() },
};

describe("a fair launch in the widget", () => {
  afterEach(() => localStorage.clear());

  it("says when booking opens, on the visitor's own clock, and asks the line again until their turn", async () => {
    const api = launch([{}, { position: 3 }, admitted]);
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await vi.waitFor(() => expect(text(element.shadowRoot)).toContain("Booking opens"));
    const heading = text(find(element, "h3"));
    const own = new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit" }).format(
      new Date(opensAt),
    );
    expect(heading).toContain(own);
    expect(text(element.shadowRoot)).toContain("put in a random order");
    expect(findAll(element, "button.spot")).toHaveLength(0);
    await vi.waitFor(() => expect(text(element.shadowRoot)).toContain("It's your turn"), { timeout: 5_000 });
    await settle(element);
    // Every ask after the first presents the ticket kept for this session.
    const asks = api.requests.filter((r) => r.path.endsWith("/queue"));
    expect(asks[0]?.body).toEqual({});
    expect(asks.slice(1).every((r) => (r.body as { ticket?: string }).ticket === "sbk_line_mine")).toBe(true);
    expect(localStorage.getItem("spotbook-line:fall-minis")).toBe("sbk_line_mine");
    // The spots are read again, past any cached copy, and a hold carries the admission.
    await vi.waitFor(() => expect(findAll(element, "button.spot:not([disabled])").length).toBeGreaterThan(0));
    await click(element, find(element, "button.spot"));
    const hold = api.requests.find((r) => r.path.endsWith("/holds"));
    expect(hold?.body).toMatchObject({ spotId: "spot-1", admission: "adm-token" });
  });

  it("presents the ticket a refresh or another tab kept, and offers a new place after a turn passed", async () => {
    localStorage.setItem("spotbook-line:fall-minis", "sbk_line_kept");
    const api = launch([{ ticket: "sbk_line_kept", status: "over" }, { ticket: "sbk_line_new" }]);
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await vi.waitFor(() => expect(text(element.shadowRoot)).toContain("Your turn passed"));
    expect(api.requests.find((r) => r.path.endsWith("/queue"))?.body).toEqual({ ticket: "sbk_line_kept" });
    const again = findAll<HTMLButtonElement>(element, "button").find((b) => text(b) === "Wait in line again");
    await click(element, again as HTMLButtonElement);
    await vi.waitFor(() => expect(localStorage.getItem("spotbook-line:fall-minis")).toBe("sbk_line_new"));
    // The new place is asked for without the old ticket.
    expect(api.requests.filter((r) => r.path.endsWith("/queue"))[1]?.body).toEqual({});
  });

  it("says so when the line cannot be joined, and tries again by loading the page afresh", async () => {
    const api = launch([{}]);
    const reload = onDemandUnreachable();
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    expect(text(find(element, "[role=alert] p"))).toBe(
      "Something went wrong on our side. Please try again in a moment.",
    );
    expect(text(find(element, "h3"))).toContain("Booking opens");
    expect(api.requests.filter((r) => r.path.endsWith("/queue"))).toEqual([]);
    await click(element, find(element, "[role=alert] button"));
    expect(reload).toHaveBeenCalledOnce();
  });
});

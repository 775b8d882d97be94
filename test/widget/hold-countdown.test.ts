import { describe, expect, it, vi } from "vitest";
import { fakeApi, json, later } from "./fake-api.ts";
import { click, find, findAll, focused, mount, settle, spotButton, submit, text, type } from "./render.ts";

// Only the clock and the countdown's interval are faked; fetches and renders still settle.
const fakeClock = () => vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });

async function holdSpot(api = fakeApi()) {
  const element = await mount({ session: "fall-minis", locale: "en-US" });
  await click(element, spotButton(element, "9:30 AM"));
  return { api, element };
}

const clock = (element: Parameters<typeof find>[0]) => text(find(element, "[part=countdown] strong"));
const announced = (element: Parameters<typeof find>[0]) =>
  text(find(element, "[part=countdown] [role=status]"));

async function pass(element: Parameters<typeof settle>[0], ms: number) {
  vi.advanceTimersByTime(ms);
  await settle(element);
}

describe("the hold countdown", () => {
  it("ticks every second but announces at most once a minute, and at one minute left", async () => {
    fakeClock();
    const { element } = await holdSpot();
    expect(clock(element)).toBe("15:00 left");
    expect(announced(element)).toBe("15 minutes left to finish booking.");

    await pass(element, 1000);
    expect(clock(element)).toBe("14:59 left");
    expect(announced(element)).toBe("15 minutes left to finish booking.");

    await pass(element, 4 * 60_000);
    expect(clock(element)).toBe("10:59 left");
    expect(announced(element)).toBe("15 minutes left to finish booking.");

    await pass(element, 59_000);
    expect(clock(element)).toBe("10:00 left");
    expect(announced(element)).toBe("10 minutes left to finish booking.");

    await pass(element, 9 * 60_000 - 1000);
    expect(clock(element)).toBe("1:01 left");
    expect(announced(element)).toBe("5 minutes left to finish booking.");

    await pass(element, 1000);
    expect(clock(element)).toBe("1:00 left");
    expect(announced(element)).toBe("1 minute left to finish booking.");
  });

  it("tells the visitor when the hold runs out and lets them pick again", async () => {
    fakeClock();
    const { api, element } = await holdSpot();
    const errors: CustomEvent[] = [];
    element.addEventListener("spotbook-error", (event) => errors.push(event));
    await pass(element, 15 * 60_000);

    const alert = find(element, "[role=alert]");
    expect(text(alert)).toBe(
      "Your hold on that time ran out, so it is open to others again. Please pick a time again.",
    );
    expect(focused(element)).toBe(alert);
    expect(text(find(element, "h3"))).toBe("Choose a time");
    expect(api.requests.at(-1)).toMatchObject({ method: "GET", path: "/v1/sessions/fall-minis" });
    expect(errors.map((e) => e.detail.code)).toEqual(["hold_expired"]);
  });

  it("gives the full time back when the visitor extends the hold", async () => {
    fakeClock();
    const { api, element } = await holdSpot();
    await pass(element, 12 * 60_000);
    expect(clock(element)).toBe("3:00 left");

    await click(element, find(element, "[part=countdown] button"));
    expect(api.requests.at(-1)).toEqual({
      method: "POST",
      path: "/v1/holds/hold-1/extend",
      body: undefined,
      auth: "Bearer token-hold-1",
    });
    expect(clock(element)).toBe("15:00 left");
    expect(announced(element)).toBe("15 minutes left to finish booking.");
  });

  it("starts again when extending finds the hold already expired", async () => {
    const { api, element } = await holdSpot();
    api.on("POST", /extend$/, () => json(410, { status: 410, code: "hold_expired" }));
    await click(element, find(element, "[part=countdown] button"));
    expect(text(find(element, "h3"))).toBe("Choose a time");
    expect(findAll(element, "[part=countdown]")).toEqual([]);
  });

  it("counts the hold's own length even when the visitor's clock is hours off", async () => {
    fakeClock();
    const api = fakeApi();
    // The server's clock is two hours ahead of this browser's.
    api.on("POST", /holds$/, () =>
      json(201, {
        hold: { id: "hold-1", token: "t", expiresAt: new Date(Date.now() + 135 * 60_000).toISOString() },
      }),
    );
    const { element } = await holdSpot(api);
    expect(clock(element)).toBe("15:00 left");
  });

  it("stops ticking when the element leaves the page", async () => {
    fakeClock();
    const { element } = await holdSpot();
    expect(vi.getTimerCount()).toBe(1);
    element.remove();
    expect(vi.getTimerCount()).toBe(0);
    document.body.append(element);
    expect(vi.getTimerCount()).toBe(1);
  });

  it("shows the booking made while the hold ran out, not the list", async () => {
    fakeClock();
    const { api, element } = await holdSpot();
    const booking = later();
    api.on("POST", /booking$/, () => booking.promise);
    type(element, "name", "Ada");
    type(element, "email", "ada@example.com");
    await click(element, find(element, 'input[value="pkg-full"]'));
    await submit(element);
    await pass(element, 15 * 60_000);
    expect(text(find(element, "h3"))).toBe("Choose a time");
    booking.answer(json(201, { booking: { id: "booking-1", status: "confirmed", token: "booking-token" } }));
    await settle(element);
    expect(text(find(element, "h3"))).toBe("You're booked");
  });

  it("keeps a late extension from counting down a hold the visitor has left", async () => {
    fakeClock();
    const { api, element } = await holdSpot();
    const extended = later();
    api.on("POST", /extend$/, () => extended.promise);
    await click(element, findAll(element, "button").find((b) => text(b) === "Extend") as HTMLElement);
    await click(
      element,
      findAll(element, "button").find((b) => text(b) === "Choose another time") as HTMLElement,
    );
    extended.answer(
      json(200, { hold: { id: "hold-1", expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() } }),
    );
    await settle(element);
    await pass(element, 16 * 60_000);
    expect(text(find(element, "h3"))).toBe("Choose a time");
    expect(findAll(element, "[role=alert]")).toEqual([]);
  });
});

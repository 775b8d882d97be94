import { describe, expect, it, vi } from "vitest";
import { fakeApi, json, problem, session, spots } from "./fake-api.ts";
import { click, find, findAll, focused, listen, mount, submit, summary, text } from "./render.ts";

const single = (overrides: Record<string, unknown> = {}) =>
  session({ slug: "smith-wedding", name: "Smith Wedding", classification: "single", ...overrides });

describe("the Single confirmation view", () => {
  it("opens from ?spotbook=TOKEN in the page's address, over the session attribute", async () => {
    const api = fakeApi({ session: single(), spots: spots(["2026-06-06T18:00:00.000Z"]) });
    window.history.replaceState(null, "", "/book/?spotbook=booking-token");
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    expect(api.requests.map((r) => r.path)).toEqual(["/v1/bookings/booking-token"]);
    expect(text(find(element, "h2"))).toBe("Smith Wedding");
    expect(text(find(element, "h3"))).toBe("Confirm your session");
  });

  it("shows the booking with a choice of packages when none is set, and confirms the chosen one", async () => {
    const api = fakeApi({ session: single(), spots: spots(["2026-06-06T18:00:00.000Z"]) });
    const element = await mount({ booking: "booking-token", locale: "en-US" });
    const confirmed = listen(element, "spotbook-confirmed");

    expect(summary(element)).toEqual({
      When: "Saturday, June 6, 2026, 2:00 – 2:20 PM EDT",
      Where: "Cherry Creek Park",
    });
    const radios = findAll<HTMLInputElement>(element, "input[type=radio]");
    expect(radios.map((r) => text(r.closest("label")))).toEqual([
      "Mini · $150.00 (deposit $50.00) 15 minutes, 10 photos",
      "Full · $250.00 30 minutes, 25 photos",
    ]);

    await submit(element);
    expect(text(find(element, "#packageId-error"))).toBe("Please choose a package.");
    expect(focused(element)).toBe(radios[0]);
    expect(api.requests.length).toBe(1);

    await click(element, radios[1] as HTMLElement);
    expect(summary(element)).toMatchObject({ Package: "Full", Price: "$250.00" });
    await submit(element);
    expect(api.requests.at(-1)).toMatchObject({
      path: "/v1/bookings/booking-token/confirm",
      body: { packageId: "pkg-full" },
    });
    expect(focused(element)).toBe(find(element, "[part=confirmation] h3"));
    expect(text(focused(element))).toBe("Your session is confirmed");
    expect(summary(element)).toMatchObject({ Package: "Full", Price: "$250.00", "Balance due": "$250.00" });
    expect(confirmed.map((e) => e.detail)).toEqual([{ bookingId: "booking-1", status: "confirmed" }]);
  });

  it("confirms without a choice when the session has its package", async () => {
    const api = fakeApi({ session: single({ packageId: "pkg-mini" }) });
    const element = await mount({ booking: "booking-token", locale: "en-US" });
    expect(findAll(element, "input[type=radio]")).toEqual([]);
    expect(summary(element)).toMatchObject({ Package: "Mini", Price: "$150.00", Deposit: "$50.00" });
    await submit(element);
    expect(api.requests.at(-1)?.body).toEqual({ packageId: "pkg-mini" });
    expect(text(find(element, "h3"))).toBe("Your session is confirmed");
  });

  it("shows an already confirmed booking as confirmed, with what was paid and a calendar link", async () => {
    fakeApi({
      session: single({ packageId: "pkg-full" }),
      bookingStatus: "confirmed",
      booking: { packageId: "pkg-full", amountCents: 25000, paidCents: 10000, balanceCents: 15000 },
    });
    const element = await mount({ booking: "booking-token", locale: "en-US" });
    expect(text(find(element, "h3"))).toBe("Your session is confirmed");
    expect(findAll(element, "form")).toEqual([]);
    expect(summary(element)).toMatchObject({ Price: "$250.00", Paid: "$100.00", "Balance due": "$150.00" });
    const link = find<HTMLAnchorElement>(element, "a[part=link]");
    expect(text(link)).toBe("Add to calendar");
    expect(link.href).toBe("https://api.test/v1/bookings/booking-token/calendar.ics");
  });

  it("shows the confirmed state when someone confirmed it meanwhile", async () => {
    const api = fakeApi({ session: single({ packageId: "pkg-mini" }) });
    const element = await mount({ booking: "booking-token", locale: "en-US" });
    api.on("POST", /confirm$/, () => problem(409, "already_confirmed"));
    api.on("GET", /bookings/, ({ words }) =>
      json(200, {
        ...JSON.parse(JSON.stringify({ booking: { ...api.booking, status: "confirmed" } })),
        session: api.data.session,
        sessionType: api.data.sessionType,
        packages: api.data.packages,
        spot: api.data.spots[0],
        ...words,
      }),
    );
    await submit(element);
    expect(text(find(element, "h3"))).toBe("Your session is confirmed");
  });

  it("goes to payment when confirming answers with a checkout URL", async () => {
    const api = fakeApi({ session: single({ packageId: "pkg-mini" }) });
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
    api.on("POST", /confirm$/, () =>
      json(200, {
        booking: { ...api.booking, status: "pending_payment" },
        checkoutUrl: "https://pay.test/c/1",
      }),
    );
    const element = await mount({ booking: "booking-token", locale: "en-US" });
    await submit(element);
    expect(assign).toHaveBeenCalledWith("https://pay.test/c/1");
    expect(find<HTMLAnchorElement>(element, "a[part=link]").href).toBe("https://pay.test/c/1");
  });

  it("maps the API's package_required onto the package choice", async () => {
    const api = fakeApi({ session: single() });
    const element = await mount({ booking: "booking-token", locale: "en-US" });
    api.on("POST", /confirm$/, () => problem(422, "package_required"));
    await click(element, find(element, 'input[value="pkg-mini"]'));
    await submit(element);
    expect(text(find(element, "#packageId-error"))).toBe("Please choose a package.");
  });

  it("says a link that leads nowhere was not found", async () => {
    fakeApi();
    const element = await mount({ booking: "wrong-token" });
    expect(text(find(element, "[role=alert]"))).toBe(
      "We could not find this booking. Please check the link in your email.",
    );
  });

  it("explains a cancelled booking and whom to ask", async () => {
    fakeApi({ session: single(), bookingStatus: "cancelled" });
    const element = await mount({ booking: "booking-token" });
    expect(text(find(element, "[part=notice]"))).toBe(
      "This booking was cancelled. Please contact Juniper & Pine if that is unexpected.",
    );
  });

  it("asks for patience while a payment is on its way, with a way to check again", async () => {
    const api = fakeApi({ session: single(), bookingStatus: "pending_payment" });
    const element = await mount({ booking: "booking-token" });
    expect(text(find(element, "[part=notice]"))).toContain("waiting for your payment");
    await click(element, find(element, "button"));
    expect(api.requests.map((r) => r.path)).toEqual([
      "/v1/bookings/booking-token",
      "/v1/bookings/booking-token",
    ]);
  });
});

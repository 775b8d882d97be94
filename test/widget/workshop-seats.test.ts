import { describe, expect, it, vi } from "vitest";
import { fakeApi, problem, session } from "./fake-api.ts";
import { click, find, findAll, mount, settle, spotButton, submit, summary, text, type } from "./render.ts";

const workshop = (seatsLeft: number, seats = 10) => ({
  session: session({ maxSeatsPerBooking: 4 }),
  packages: [{ id: "seat", name: "Seat", description: "", priceCents: 9000, depositCents: 0 }],
  spots: [
    {
      id: "w",
      startsAt: "2026-10-17T13:30:00.000Z",
      endsAt: "2026-10-17T15:30:00.000Z",
      available: seatsLeft > 0,
      seats,
      seatsLeft,
    },
  ],
});

describe("a workshop's seats", () => {
  it("shows one time with the seats left, or Full", async () => {
    fakeApi(workshop(7));
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    expect(findAll(element, "button.spot")).toHaveLength(1);
    expect(text(spotButton(element, "9:30 AM"))).toBe("9:30 AM 7 of 10 seats left");
    fakeApi(workshop(0));
    const full = await mount({ session: "fall-minis", locale: "en-US" });
    expect(text(spotButton(full, "9:30 AM"))).toBe("9:30 AM Full");
    expect(spotButton(full, "9:30 AM").disabled).toBe(true);
  });

  it("holds the seats the visitor chooses and books them for each seat's price", async () => {
    const api = fakeApi(workshop(7));
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    const seats = find<HTMLSelectElement>(element, "select[name=seats]");
    expect(text(find(element, "label[for=seats]"))).toBe("Seats");
    seats.value = "3";
    seats.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
    await settle(element);
    await click(element, spotButton(element, "9:30 AM"));
    expect(api.requests.at(-1)?.body).toEqual({ spotId: "w", seats: 3 });
    expect(summary(element)).toMatchObject({ Seats: "3 seats", Price: "$270.00" });
    type(element, "name", "Ada");
    type(element, "email", "ada@example.com");
    await submit(element);
    expect(text(find(element, "h3"))).toBe("You're booked");
    expect(text(find(element, "[part=confirmation]"))).toContain(
      "We sent the confirmation to ada@example.com. To change or cancel, use the link in that email.",
    );
    expect(find<HTMLAnchorElement>(element, "a[part=link]").href).toBe(
      "https://api.test/v1/bookings/booking-token/calendar.ics",
    );
  });

  it("does not offer a time with fewer seats left than wanted, and explains a lost race", async () => {
    const api = fakeApi(workshop(2));
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    const seats = find<HTMLSelectElement>(element, "select[name=seats]");
    seats.value = "3";
    seats.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
    await settle(element);
    expect(spotButton(element, "9:30 AM").disabled).toBe(true);
    seats.value = "2";
    seats.dispatchEvent(new Event("change", { bubbles: true, composed: true }));
    await settle(element);
    api.on("POST", /holds$/, () => problem(409, "not_enough_seats", undefined, "Only 1 seats are left."));
    await click(element, spotButton(element, "9:30 AM"));
    expect(text(find(element, "[role=alert]"))).toBe(
      "Only 1 seat is left at that time. Please choose fewer seats.",
    );
  });
});

describe("back from paying on Stripe", () => {
  it("says the payment is being confirmed and follows the booking until it is", async () => {
    window.history.replaceState(null, "", "/?spotbook=booking-token&spotbook_payment=paid");
    const api = fakeApi({
      session: session({ slug: "smith-wedding", classification: "single" }),
      bookingStatus: "pending_payment",
    });
    let looks = 0;
    api.on("GET", /bookings/, () => {
      looks += 1;
      // Stripe's word arrives while the widget is looking.
      if (looks === 3) Object.assign(api.booking, { status: "confirmed", paidCents: 5000 });
      return undefined;
    });
    const element = await mount({});
    expect(text(find(element, "[part=notice]"))).toBe("Thank you! Your payment is being confirmed…");
    expect(findAll(element, "button")).toHaveLength(0);
    await vi.waitFor(() => expect(text(find(element, "h3"))).toBe("Your session is confirmed"), {
      timeout: 10_000,
      interval: 50,
    });
    expect(text(find(element, "[part=confirmation]"))).toContain(
      "We sent the confirmation to ada@example.com.",
    );
    const before = api.requests.length;
    await settle(element);
    expect(api.requests.length).toBe(before);
  });
});

describe("on a site the studio has not allowed", () => {
  it("tells the visitor politely and the site's owner, once, which origin to allow and where", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const api = fakeApi();
    api.on("GET", /sessions/, () => problem(403, "forbidden"));
    const first = await mount({ session: "fall-minis" });
    await mount({ session: "fall-minis" });
    expect(text(find(first, "[role=alert] p"))).toBe(
      "Booking is not open on this website yet. Please contact the studio.",
    );
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain(`Add ${location.origin} to the allowed websites`);
    expect(warn.mock.calls[0]?.[0]).toContain("https://api.test/admin/settings");
  });
});

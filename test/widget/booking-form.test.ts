import { describe, expect, it, vi } from "vitest";
import { fakeApi, json, packages, problem, session, spots } from "./fake-api.ts";
import {
  click,
  find,
  findAll,
  focused,
  listen,
  mount,
  shadow,
  spotButton,
  submit,
  summary,
  text,
  type,
} from "./render.ts";

async function holdFirstSpot(options: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi(options);
  const element = await mount({ session: "fall-minis", locale: "en-US" });
  await click(element, spotButton(element, "9:30 AM"));
  return { api, element };
}

function fillIn(element: Parameters<typeof type>[0], values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) type(element, name, value);
}

/** Fills in valid details, picks the Full package and books, with the API answering `answer`. */
async function attemptBooking(
  api: ReturnType<typeof fakeApi>,
  element: Parameters<typeof find>[0],
  answer: Response,
) {
  api.on("POST", /booking$/, () => answer);
  fillIn(element, { name: "Ada", email: "ada@example.com" });
  await click(element, find(element, 'input[value="pkg-full"]'));
  await submit(element);
}

const field = (element: Parameters<typeof find>[0], name: string) =>
  find<HTMLInputElement>(element, `[name="${name}"]`);

const fieldError = (element: Parameters<typeof find>[0], name: string) => {
  const input = field(element, name);
  const id = input.getAttribute("aria-describedby");
  return id ? text(shadow(element).getElementById(id)) : undefined;
};

describe("the booking form", () => {
  it("holds a spot, then shows the form and the countdown and moves focus to the form's heading", async () => {
    const api = fakeApi();
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    const holds = listen(element, "spotbook-hold");
    await click(element, spotButton(element, "9:30 AM"));

    expect(api.requests.at(-1)?.body).toEqual({ spotId: "spot-1", seats: 1 });
    expect(text(focused(element))).toBe("Your details");
    expect(text(find(element, "[part=countdown]"))).toContain("This time is held for you · 15:00 left");
    expect(text(find(element, "[part=countdown] [role=status]"))).toBe("15 minutes left to finish booking.");
    expect(summary(element).When).toBe("Saturday, October 17, 2026, 9:30 – 9:50 AM EDT");
    expect(holds.map((e) => e.detail)).toEqual([
      { session: "fall-minis", spotId: "spot-1", expiresAt: expect.any(String) },
    ]);
    expect(holds[0]?.bubbles && holds[0].composed).toBe(true);
  });

  it("labels every field and marks name and email required", async () => {
    const { element } = await holdFirstSpot();
    for (const name of ["name", "email", "phone"]) {
      const label = find(element, `label[for="${name}"]`);
      expect(field(element, name).id).toBe(name);
      expect(text(label)).toBeTruthy();
    }
    expect(field(element, "name").required).toBe(true);
    expect(field(element, "phone").required).toBe(false);
  });

  it("shows the visitor's mistakes next to each field, and sends nothing", async () => {
    const { api, element } = await holdFirstSpot();
    const sent = api.requests.length;
    fillIn(element, { email: "ada@", phone: "call me" });
    await submit(element);

    expect(fieldError(element, "name")).toBe("Please enter your name.");
    expect(fieldError(element, "email")).toBe("Please enter an email address like name@example.com.");
    expect(fieldError(element, "phone")).toBe(
      "Please enter a phone number using digits, spaces and + - ( ).",
    );
    expect(text(find(element, "#packageId-error"))).toBe("Please choose a package.");
    expect(field(element, "name").getAttribute("aria-invalid")).toBe("true");
    expect(focused(element)).toBe(field(element, "name"));
    expect(api.requests.length).toBe(sent);
  });

  it("books with the chosen package and shows a clear confirmation", async () => {
    const { api, element } = await holdFirstSpot();
    const booked = listen(element, "spotbook-booked");
    fillIn(element, { name: " Ada Lovelace ", email: "ada@example.com", phone: "" });
    await click(element, find(element, 'input[value="pkg-mini"]'));
    await submit(element);

    expect(api.requests.at(-1)).toEqual({
      method: "POST",
      path: "/v1/holds/hold-1/booking",
      body: {
        client: { name: "Ada Lovelace", email: "ada@example.com" },
        packageId: "pkg-mini",
        locale: "en-US",
      },
      auth: "Bearer token-hold-1",
    });
    expect(focused(element)).toBe(find(element, "[part=confirmation] h3"));
    expect(text(focused(element))).toBe("You're booked");
    expect(summary(element)).toEqual({
      When: "Saturday, October 17, 2026, 9:30 – 9:50 AM EDT",
      Where: "Cherry Creek Park",
      Package: "Mini",
      Price: "$150.00",
      "Balance due": "$150.00",
    });
    expect(find<HTMLAnchorElement>(element, "[part=link]").href).toBe(
      "https://api.test/v1/bookings/booking-token/calendar.ics",
    );
    expect(booked.map((e) => e.detail)).toEqual([
      { session: "fall-minis", spotId: "spot-1", bookingId: "booking-1", status: "confirmed" },
    ]);
  });

  it("sends the phone number when one is given", async () => {
    const { api, element } = await holdFirstSpot({ packages: [packages[0] as (typeof packages)[0]] });
    fillIn(element, { name: "Ada", email: "ada@example.com", phone: "+1 (555) 010-2030" });
    await submit(element);
    expect(api.requests.at(-1)?.body).toEqual({
      client: { name: "Ada", email: "ada@example.com", phone: "+1 (555) 010-2030" },
      packageId: "pkg-mini",
      locale: "en-US",
    });
  });

  it("hides the package choice when the session has one set, and books that one", async () => {
    const { api, element } = await holdFirstSpot({ session: session({ packageId: "pkg-full" }) });
    expect(findAll(element, "input[type=radio]")).toEqual([]);
    expect(summary(element)).toMatchObject({ Package: "Full", Price: "$250.00" });
    fillIn(element, { name: "Ada", email: "ada@example.com" });
    await submit(element);
    expect(api.requests.at(-1)?.body).toMatchObject({ packageId: "pkg-full" });
  });

  it("hides the package choice when there is exactly one package", async () => {
    const { element } = await holdFirstSpot({ packages: [packages[1] as (typeof packages)[0]] });
    expect(findAll(element, "input[type=radio]")).toEqual([]);
    expect(summary(element)).toMatchObject({ Package: "Full", Price: "$250.00" });
  });

  it("puts the API's field errors next to the fields they are about", async () => {
    const { api, element } = await holdFirstSpot();
    await attemptBooking(
      api,
      element,
      problem(422, "validation_failed", [{ path: "client.email", message: "This address bounces." }]),
    );
    expect(fieldError(element, "email")).toBe("This address bounces.");
    expect(focused(element)).toBe(field(element, "email"));
    expect(text(find(element, "h3"))).toBe("Your details");
  });

  it("keeps the form and says what failed when booking meets a server error", async () => {
    const { api, element } = await holdFirstSpot();
    await attemptBooking(api, element, problem(500, "internal_error"));
    expect(text(find(element, "form [role=alert]"))).toBe(
      "Something went wrong on our side. Please try again in a moment.",
    );
    expect(field(element, "name").value).toBe("Ada");
  });

  it("sends the visitor to payment when the API answers with a checkout URL", async () => {
    const { api, element } = await holdFirstSpot();
    const assign = vi.spyOn(window.location, "assign").mockImplementation(() => undefined);
    const booked = listen(element, "spotbook-booked");
    await attemptBooking(
      api,
      element,
      json(201, {
        booking: { id: "booking-1", status: "pending_payment", token: "booking-token" },
        checkoutUrl: "https://checkout.stripe.test/c/pay_1",
      }),
    );
    expect(assign).toHaveBeenCalledWith("https://checkout.stripe.test/c/pay_1");
    expect(booked[0]?.detail.checkoutUrl).toBe("https://checkout.stripe.test/c/pay_1");
    expect(text(find(element, "h3"))).toBe("Taking you to secure payment…");
  });

  it("tells the visitor someone just took the spot, and shows the refreshed list", async () => {
    const api = fakeApi({ spots: spots(["2026-10-17T13:30:00.000Z"], ["2026-10-17T14:00:00.000Z"]) });
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    // Another visitor books 9:30 between this visitor's page load and their click.
    const first = api.data.spots[0];
    if (first) first.available = false;
    await click(element, spotButton(element, "9:30 AM"));

    const alert = find(element, "[role=alert]");
    expect(text(alert)).toBe("Someone just took that time. Please pick another.");
    expect(focused(element)).toBe(alert);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /v1/sessions/fall-minis",
      "POST /v1/sessions/fall-minis/holds",
      "GET /v1/sessions/fall-minis",
    ]);
    expect(spotButton(element, "9:30 AM").disabled).toBe(true);
    expect(spotButton(element, "10:00 AM").disabled).toBe(false);
  });

  it("releases the hold when the visitor chooses another time", async () => {
    const { api, element } = await holdFirstSpot();
    await click(
      element,
      findAll(element, "form button").find((b) => text(b) === "Choose another time") as HTMLElement,
    );
    expect(api.requests.slice(-2)).toEqual([
      { method: "DELETE", path: "/v1/holds/hold-1", body: undefined, auth: "Bearer token-hold-1" },
      { method: "GET", path: "/v1/sessions/fall-minis", body: undefined, auth: null },
    ]);
    expect(text(find(element, "h3"))).toBe("Choose a time");
    expect(spotButton(element, "9:30 AM").disabled).toBe(false);
  });

  it("keeps what the visitor typed when they come back to the form", async () => {
    const { element } = await holdFirstSpot();
    fillIn(element, { name: "Ada", email: "ada@example.com" });
    await click(
      element,
      findAll(element, "form button").find((b) => text(b) === "Choose another time") as HTMLElement,
    );
    await click(element, spotButton(element, "9:30 AM"));
    expect(field(element, "name").value).toBe("Ada");
    expect(field(element, "email").value).toBe("ada@example.com");
  });

  it("starts again when the API says the hold has expired", async () => {
    const { api, element } = await holdFirstSpot();
    await attemptBooking(api, element, problem(410, "hold_expired"));
    expect(text(find(element, "[role=alert]"))).toBe(
      "Your hold on that time ran out, so it is open to others again. Please pick a time again.",
    );
    expect(text(find(element, "h3"))).toBe("Choose a time");
  });
});

import { describe, expect, it } from "vitest";
import { nextMonthDay } from "../dates.ts";
import { attributes, field, multiFields, schedule, signedInStudio, texts } from "./admin-browser.ts";
import { call, newClient, newSessionType } from "./support.ts";

describe("form errors", () => {
  it("shows the API's messages next to their fields and keeps what was typed", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    await browser.get("/admin/sessions/new");
    const res = await browser.post(
      "/admin/sessions/new",
      multiFields(type.id, { date: "2027-02-30", spots: "0" }),
    );
    expect(res.status).toBe(422);
    expect(await field(res.html, "name")).toEqual({
      value: "Fall Minis",
      error: undefined,
      describedByError: false,
    });
    expect(await field(res.html, "date")).toEqual({
      value: "2027-02-30",
      error: "Enter a real date as YYYY-MM-DD.",
      describedByError: true,
    });
    expect(await field(res.html, "spots")).toEqual({
      value: "0",
      error: "Add at least one spot.",
      describedByError: true,
    });
    expect(await attributes(res.html, "#f-spots", "aria-invalid")).toEqual(["true"]);
    expect(await attributes(res.html, `#f-sessionTypeId option[value="${type.id}"]`, "selected")).toEqual([
      "",
    ]);
    expect(await attributes(res.html, ".error-summary a", "href")).toEqual(["#f-date", "#f-spots"]);
  });

  it("says what it needs when a field is blank or not a number, rather than the API's type words", async () => {
    const { browser } = await signedInStudio();
    await browser.get("/admin/session-types/new");
    const res = await browser.post("/admin/session-types/new", {
      name: "",
      classification: "multi",
      durationMinutes: "twenty",
      breakMinutes: "10",
      paymentReminderDays: "3",
      "packages.0.name": "",
      "packages.0.price": "",
      "packages.1.name": "Mini",
      "packages.1.price": "abc",
      "packages.2.name": "Big",
      "packages.2.price": "100",
      "packages.2.deposit": "150",
    });
    expect(res.status).toBe(422);
    expect((await field(res.html, "name")).error).toBe("Enter a name.");
    expect(await field(res.html, "durationMinutes")).toMatchObject({
      value: "twenty",
      error: "Enter the duration in whole minutes.",
    });
    // Row 0 was blank and not sent: the API's packages.0 and .1 are the form's rows 1 and 2.
    expect(await field(res.html, "packages.1.price")).toMatchObject({
      value: "abc",
      error: "Enter an amount such as 150.00.",
      describedByError: true,
    });
    expect((await field(res.html, "packages.2.deposit")).error).toBe(
      "The deposit cannot be more than the price.",
    );
    expect((await field(res.html, "packages.0.price")).error).toBeUndefined();
    expect(await attributes(res.html, "#f-packages-2-name", "value")).toEqual(["Big"]);
  });

  it("puts a conflict next to its field: a client's email the studio already has", async () => {
    const { browser, token } = await signedInStudio();
    await newClient(token, { email: "taken@example.com" });
    await browser.get("/admin/clients/new");
    const res = await browser.post("/admin/clients/new", {
      name: "Twin",
      email: "taken@example.com",
      phone: "",
    });
    expect(res.status).toBe(409);
    expect(await field(res.html, "email")).toEqual({
      value: "taken@example.com",
      error: "Another client has this email.",
      describedByError: true,
    });
  });

  it("refuses a session type of the other classification at the Session Type field", async () => {
    const { browser, token } = await signedInStudio();
    const multi = await newSessionType(token, { name: "Minis", classification: "multi" });
    await browser.get("/admin/sessions/new");
    const res = await browser.post("/admin/sessions/new", {
      name: "Wedding",
      classification: "single",
      sessionTypeId: multi.id,
      date: nextMonthDay("06-12"),
      time: "14:00",
    });
    expect(res.status).toBe(422);
    expect((await field(res.html, "sessionTypeId")).error).toBe(
      "Choose a session type classified as single.",
    );
    expect((await call("GET", "/v1/admin/sessions", { token })).body.sessions).toEqual([]);
  });

  it("asks for a session type to be chosen", async () => {
    const { browser, token } = await signedInStudio();
    await newSessionType(token);
    await browser.get("/admin/sessions/new");
    const res = await browser.post("/admin/sessions/new", multiFields(""));
    expect((await field(res.html, "sessionTypeId")).error).toBe("Choose a session type.");
  });

  it("says a session type must exist before a session can be scheduled, with a link", async () => {
    const { browser } = await signedInStudio();
    const res = await browser.get("/admin/sessions/new");
    expect(res.status).toBe(200);
    expect(await texts(res.html, "main p")).toEqual([
      "A session needs a session type first: it sets the length, the breaks and the packages. Create a Session Type",
    ]);
    expect(await attributes(res.html, "main p a", "href")).toEqual(["/admin/session-types/new"]);
    expect(await attributes(res.html, "main form", "action")).toEqual([]);
  });

  it("shows why a one-button action was refused", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    const details = `/admin/sessions/${await schedule(browser, multiFields(type.id))}`;
    await browser.get(details);
    const res = await browser.post(`${details}/payment-reminders`);
    expect(res.status).toBe(409);
    expect(await texts(res.html, ".error-summary p")).toEqual([
      "No confirmed booking in this session has a balance due.",
    ]);
  });
});

describe("clients", () => {
  it("adds, finds and edits a client", async () => {
    const { browser } = await signedInStudio();
    await browser.get("/admin/clients/new");
    const added = await browser.post("/admin/clients/new", {
      name: "Dorothea Lange",
      email: "Dorothea@Example.com",
      phone: "+1 555 0100",
    });
    expect(added.location).toBe("/admin/clients?done=client-saved");
    await browser.get("/admin/clients/new");
    await browser.post("/admin/clients/new", { name: "Ansel Adams", email: "ansel@example.com", phone: "" });

    const found = await browser.get("/admin/clients?q=dorothea");
    expect(await texts(found.html, "tbody tr")).toEqual(["Dorothea Lange dorothea@example.com +1 555 0100"]);
    expect(await attributes(found.html, "#q", "value")).toEqual(["dorothea"]);
    const [edit] = await attributes(found.html, "tbody a", "href");
    const form = await browser.get(edit ?? "");
    expect((await field(form.html, "email")).value).toBe("dorothea@example.com");
    const saved = await browser.post(edit ?? "", {
      name: "Dorothea Lange",
      email: "dl@example.com",
      phone: "",
    });
    expect(saved.status).toBe(303);
    expect(await texts((await browser.get("/admin/clients")).html, "tbody tr")).toEqual([
      "Ansel Adams ansel@example.com",
      "Dorothea Lange dl@example.com",
    ]);
  });
});

describe("calendar feed in Settings", () => {
  it("makes a feed address shown once, replaces it, and turns it off", async () => {
    const { browser } = await signedInStudio();
    const before = await browser.get("/admin/settings");
    expect(before.html).toContain("You have no calendar feed yet.");
    expect(before.html).toContain("Google, Apple and Outlook calendars subscribe to");

    const made = await browser.post("/admin/settings/calendar-feed");
    expect(made.status).toBe(200);
    expect(made.headers.get("cache-control")).toBe("no-store");
    const [url] = await texts(made.html, "#calendar-feed-url");
    expect(url).toMatch(/^http:\/\/localhost:8787\/v1\/calendar\/cal_[\w-]+\/bookings\.ics$/);
    expect(await attributes(made.html, "button[data-copy]", "data-copy")).toContain("calendar-feed-url");
    const path = new URL(url as string).pathname;
    expect((await call("GET", path)).status).toBe(200);

    // Shown once: the settings page later says only that it is on.
    const later = await browser.get("/admin/settings");
    expect(later.html).not.toContain(path);
    expect(later.html).toContain("Your calendar feed is on");

    const replaced = await browser.post("/admin/settings/calendar-feed");
    const [next] = await texts(replaced.html, "#calendar-feed-url");
    expect(next).not.toBe(url);
    expect((await call("GET", path)).status).toBe(404);

    const off = await browser.post("/admin/settings/calendar-feed/off");
    expect(off.status).toBe(303);
    expect(off.location).toBe("/admin/settings?done=calendar-feed-off");
    expect((await call("GET", new URL(next as string).pathname)).status).toBe(404);
    expect((await browser.get("/admin/settings")).html).toContain("You have no calendar feed yet.");
  });
});

describe("a package's people and add-ons", () => {
  const typeFields = {
    name: "Family Minis",
    classification: "multi",
    durationMinutes: "20",
    breakMinutes: "10",
    paymentReminderDays: "3",
    "packages.0.name": "Family",
    "packages.0.price": "200.00",
    "packages.0.deposit": "50.00",
    "packages.0.peopleIncluded": "2",
    "packages.0.extraPerson": "20.00",
    "packages.0.maxPeople": "5",
    "packages.0.addOns.0.name": "Print 8×10",
    "packages.0.addOns.0.price": "30.00",
    "packages.0.addOns.0.max": "2",
    "packages.0.addOns.1.name": "Extra images",
    "packages.0.addOns.1.price": "15",
    "packages.0.addOns.1.max": "",
  };

  it("saves people included, the extra person's price, the most people and each add-on, and shows them again", async () => {
    const { browser, token } = await signedInStudio();
    await browser.get("/admin/session-types/new");
    const saved = await browser.post("/admin/session-types/new", typeFields);
    expect(saved.status, saved.html).toBe(303);
    const [type] = (await call("GET", "/v1/admin/session-types", { token })).body.sessionTypes;
    expect(type.packages[0]).toMatchObject({
      peopleIncluded: 2,
      extraPersonCents: 2000,
      maxPeople: 5,
      addOns: [
        { name: "Print 8×10", priceCents: 3000, maxPerBooking: 2 },
        { name: "Extra images", priceCents: 1500, maxPerBooking: null },
      ],
    });
    const edit = await browser.get(`/admin/session-types/${type.id}`);
    expect((await field(edit.html, "packages.0.extraPerson")).value).toBe("20.00");
    expect((await field(edit.html, "packages.0.addOns.1.name")).value).toBe("Extra images");
    // Removing one add-on keeps the other (and its id), and the package's other settings.
    const changed = await browser.post(`/admin/session-types/${type.id}`, {
      ...typeFields,
      "packages.0.id": type.packages[0].id,
      "packages.0.addOns.0.id": type.packages[0].addOns[0].id,
      "packages.0.addOns.0.remove": "on",
      "packages.0.addOns.1.id": type.packages[0].addOns[1].id,
      "packages.0.maxPeople": "6",
    });
    expect(changed.status, changed.html).toBe(303);
    const after = (await call("GET", `/v1/admin/session-types/${type.id}`, { token })).body.sessionType;
    expect(after.packages[0]).toMatchObject({ maxPeople: 6, extraPersonCents: 2000 });
    expect(after.packages[0].addOns).toEqual([
      expect.objectContaining({ id: type.packages[0].addOns[1].id }),
    ]);
  });

  it("puts the API's refusals next to the add-on and people fields they are about", async () => {
    const { browser } = await signedInStudio();
    await browser.get("/admin/session-types/new");
    const res = await browser.post("/admin/session-types/new", {
      ...typeFields,
      "packages.0.addOns.0.name": "",
      "packages.0.addOns.1.price": "abc",
      "packages.0.addOns.1.max": "99",
    });
    expect(res.status).toBe(422);
    expect((await field(res.html, "packages.0.addOns.0.name")).error).toBeTruthy();
    expect(await field(res.html, "packages.0.addOns.1.price")).toMatchObject({
      value: "abc",
      error: "Enter an amount such as 150.00.",
    });
    expect((await field(res.html, "packages.0.addOns.1.max")).error).toBe("At most 20.");
    const fewer = await browser.post("/admin/session-types/new", {
      ...typeFields,
      "packages.0.maxPeople": "1",
    });
    expect(fewer.status).toBe(422);
    expect((await field(fewer.html, "packages.0.maxPeople")).error).toBe(
      "The most people cannot be fewer than the people included.",
    );
  });
});

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { addDays, dayText, nextMonthDay } from "../dates.ts";
import { attributes, multiFields, schedule, signedInStudio, texts } from "./admin-browser.ts";
import { call, newClient, newSessionType } from "./support.ts";

const spotRows = async (html: string) => texts(html, "#spots table tbody tr");

describe("session types", () => {
  it("creates a session type with its packages, ignoring blank package rows", async () => {
    const { browser, token } = await signedInStudio();
    const form = await browser.get("/admin/session-types/new");
    expect(await attributes(form.html, "#f-packages-2-name", "name")).toEqual(["packages.2.name"]);
    const res = await browser.post("/admin/session-types/new", {
      name: "Wedding",
      classification: "single",
      durationMinutes: "480",
      breakMinutes: "0",
      description: "",
      paymentReminderDays: "3",
      active: "on",
      "packages.0.name": "Half day",
      "packages.0.price": "1500",
      "packages.0.deposit": "500.00",
      "packages.1.name": "",
      "packages.1.price": "",
      "packages.1.deposit": "",
      "packages.2.name": "Full day",
      "packages.2.price": "3000.50",
      "packages.2.deposit": "",
    });
    expect(res.status, res.html).toBe(303);
    expect(res.location).toBe("/admin/session-types?done=session-type-saved");
    const { body } = await call("GET", "/v1/admin/session-types", { token });
    expect(body.sessionTypes).toEqual([
      expect.objectContaining({
        name: "Wedding",
        classification: "single",
        durationMinutes: 480,
        packages: [
          expect.objectContaining({ name: "Half day", priceCents: 150000, depositCents: 50000 }),
          expect.objectContaining({ name: "Full day", priceCents: 300050, depositCents: 0 }),
        ],
      }),
    ]);
    const list = await browser.get("/admin/session-types?done=session-type-saved");
    expect(await texts(list.html, "tbody tr")).toEqual([
      "Wedding Single 480 min 0 min Half day ($1,500.00), Full day ($3,000.50) Yes",
    ]);
  });

  it("edits a session type: renames a package and removes another", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token, {
      packages: [
        { name: "Mini", priceCents: 15000, depositCents: 5000 },
        { name: "Extra", priceCents: 5000 },
      ],
    });
    const form = await browser.get(`/admin/session-types/${type.id}`);
    expect(await attributes(form.html, "#f-packages-0-price", "value")).toEqual(["150.00"]);
    const res = await browser.post(`/admin/session-types/${type.id}`, {
      name: "Fall Mini",
      classification: "multi",
      durationMinutes: "20",
      breakMinutes: "10",
      paymentReminderDays: "3",
      active: "on",
      "packages.0.id": type.packages[0].id,
      "packages.0.name": "Mini deluxe",
      "packages.0.price": "175",
      "packages.0.deposit": "50",
      "packages.1.id": type.packages[1].id,
      "packages.1.name": "Extra",
      "packages.1.price": "50",
      "packages.1.deposit": "0",
      "packages.1.remove": "on",
    });
    expect(res.status, res.html).toBe(303);
    const { body } = await call("GET", `/v1/admin/session-types/${type.id}`, { token });
    expect(body.sessionType.packages).toEqual([
      expect.objectContaining({ id: type.packages[0].id, name: "Mini deluxe", priceCents: 17500 }),
    ]);
  });
});

describe("Booking Sessions", () => {
  it("schedules a Single, assigns a new client and sends the confirmation request", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token, {
      name: "Wedding",
      classification: "single",
      durationMinutes: 480,
      breakMinutes: 0,
      packages: [{ name: "Full day", priceCents: 300000, depositCents: 100000 }],
    });
    const form = await browser.get("/admin/sessions/new");
    expect(await attributes(form.html, 'optgroup[label="Single"] option', "value")).toEqual([type.id]);
    const date = nextMonthDay("06-12");
    const id = await schedule(browser, {
      name: "Smith wedding",
      classification: "single",
      sessionTypeId: type.id,
      packageId: type.packages[0].id,
      clientId: "",
      date,
      time: "14:00",
    });

    let details = await browser.get(`/admin/sessions/${id}?done=session-scheduled`);
    expect(await texts(details.html, "h1")).toEqual(["Smith wedding"]);
    expect(await texts(details.html, ".actions a.button")).toContain("Assign to Client");
    expect(details.html).not.toContain("Send Confirmation Request to Client");
    expect(await attributes(details.html, "#f-date", "value")).toEqual([date]);
    expect(await attributes(details.html, "#f-time", "value")).toEqual(["14:00"]);

    await browser.get(`/admin/sessions/${id}/client`);
    const assigned = await browser.post(`/admin/sessions/${id}/client`, {
      "client.name": "Grace Hopper",
      "client.email": "grace@example.com",
      "client.phone": "",
    });
    expect(assigned.status, assigned.html).toBe(303);
    expect(assigned.location).toBe(`/admin/sessions/${id}?done=client-assigned`);
    details = await browser.get(`/admin/sessions/${id}`);
    expect(details.html).toContain("Grace Hopper (grace@example.com)");
    expect(await texts(details.html, "button")).toContain("Send Confirmation Request to Client");
    // The client has not confirmed: they are asked to confirm, not reminded to pay.
    expect(await texts(details.html, "button")).not.toContain("Send Reminder");

    const sent = await browser.post(`/admin/sessions/${id}/confirmation-request`);
    expect(sent.location).toBe(`/admin/sessions/${id}?done=confirmation-sent`);
    details = await browser.get(`/admin/sessions/${id}?done=confirmation-sent`);
    expect(await texts(details.html, ".notice")).toEqual([
      "The confirmation request is on its way to the client.",
    ]);
    expect(await spotRows(details.html)).toEqual([
      expect.stringMatching(
        /^2:00\sPM – 10:00\sPM Awaiting confirmation Grace Hopper \(grace@example.com\) \$3,000\.00 View Booking at .+ Cancel Booking/,
      ),
    ]);
    const mail = await browser.get("/admin/mail");
    expect(await texts(mail.html, "tbody tr")).toEqual([
      expect.stringMatching(/^Please confirm your session: Smith wedding grace@example.com Queued/),
    ]);
  });

  it("moves a Single's date and time, shown in the session's time zone", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token, { classification: "single", durationMinutes: 60 });
    // January: New York's winter time, 15:30 EST is 20:30Z.
    const date = nextMonthDay("01-10");
    const id = await schedule(browser, {
      name: "Portrait",
      classification: "single",
      sessionTypeId: type.id,
      date,
      time: "10:00",
    });
    await browser.get(`/admin/sessions/${id}`);
    const to = addDays(date, 1);
    const moved = await browser.post(`/admin/sessions/${id}/when`, { date: to, time: "15:30" });
    expect(moved.location).toBe(`/admin/sessions/${id}?done=time-changed`);
    const details = await browser.get(`/admin/sessions/${id}`);
    expect(await texts(details.html, "#spots table caption")).toEqual([dayText(to)]);
    expect(await attributes(details.html, "#spots table time", "datetime")).toEqual([
      `${to}T20:30:00.000Z`,
      `${to}T21:30:00.000Z`,
    ]);
  });

  it("schedules a Multi of 6 spots, 20 minutes each with 10-minute breaks, in local time", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token, { durationMinutes: 20, breakMinutes: 10 });
    const fields = multiFields(type.id);
    const id = await schedule(browser, fields);
    const details = await browser.get(`/admin/sessions/${id}`);
    expect(await texts(details.html, "#spots table caption")).toEqual([dayText(fields.date)]);
    const times = (await spotRows(details.html)).map((row) => row.replace(/\s/g, " ").split(" Available")[0]);
    expect(times).toEqual([
      "9:00 AM – 9:20 AM",
      "9:30 AM – 9:50 AM",
      "10:00 AM – 10:20 AM",
      "10:30 AM – 10:50 AM",
      "11:00 AM – 11:20 AM",
      "11:30 AM – 11:50 AM",
    ]);
    expect((await attributes(details.html, "#spots table time", "datetime"))[0]).toBe(
      `${fields.date}T13:00:00.000Z`,
    );
    expect(await texts(details.html, ".actions a.button")).toContain("Add Additional Spots");
    expect(await texts(details.html, "button")).not.toContain("Send Reminder");
    const list = await browser.get("/admin/sessions");
    const day = dayText(fields.date, "en-US", { month: "short", day: "numeric", year: "numeric" });
    expect(await texts(list.html, "#upcoming table tbody tr")).toEqual([
      expect.stringMatching(new RegExp(`^Fall Minis Multi Fall Mini ${day}, 9:00\\sAM 0 of 6 Scheduled$`)),
    ]);
  });

  it("schedules every spot at the same time for a workshop", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    const fields = multiFields(type.id, { spots: "3", sameTime: "on" });
    const id = await schedule(browser, fields);
    const details = await browser.get(`/admin/sessions/${id}`);
    const starts = await attributes(details.html, "tbody tr td:first-child time:first-child", "datetime");
    // One row for the time, with its seats.
    expect(starts).toEqual([`${fields.date}T13:00:00.000Z`]);
    expect(await spotRows(details.html)).toEqual([expect.stringContaining("3 of 3 seats left")]);
  });

  it("adds spots on another day", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token, { durationMinutes: 20, breakMinutes: 10 });
    const fields = multiFields(type.id, { spots: "2" });
    const id = await schedule(browser, fields);
    const form = await browser.get(`/admin/sessions/${id}/spots`);
    expect(await texts(form.html, "h1")).toEqual(["Add Additional Spots"]);
    const nextDay = addDays(fields.date, 1);
    const res = await browser.post(`/admin/sessions/${id}/spots`, {
      date: nextDay,
      time: "10:00",
      spots: "3",
    });
    expect(res.location).toBe(`/admin/sessions/${id}?done=spots-added`);
    const details = await browser.get(`/admin/sessions/${id}`);
    expect(await texts(details.html, "#spots table caption")).toEqual([
      dayText(fields.date),
      dayText(nextDay),
    ]);
    expect(await spotRows(details.html)).toHaveLength(5);
    expect((await spotRows(details.html))[4]).toMatch(/^11:00\sAM – 11:20\sAM Available/);
  });

  it("reserves a spot for a client, then cancels the booking after a confirm step", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token, { durationMinutes: 20, breakMinutes: 10 });
    const client = await newClient(token, { name: "Ada Lovelace" });
    const fields = multiFields(type.id, { spots: "3" });
    const id = await schedule(browser, fields);
    const details = await browser.get(`/admin/sessions/${id}`);
    // Each free spot: Reserve this Spot, then Move or Remove.
    const [, , second] = await attributes(details.html, "#spots table a", "href");
    expect(second).toMatch(new RegExp(`^/admin/sessions/${id}/spots/`));
    const reservePage = await browser.get(second ?? "");
    expect(await texts(reservePage.html, "h1")).toEqual(["Reserve this Spot"]);
    expect(await texts(reservePage.html, "main > p")).toContain(
      `Fall Minis: ${dayText(fields.date)}, 9:30 AM – 9:50 AM (America/New_York)`,
    );
    const reserved = await browser.post(second ?? "", { clientId: client.id });
    expect(reserved.status, reserved.html).toBe(303);
    expect(reserved.location).toBe(`/admin/sessions/${id}?done=spot-reserved`);
    const taken = await browser.get(second ?? "");
    expect(await texts(taken.html, "main p")).toContain("Someone already has this spot. Choose another one.");
    const twice = await browser.post(second ?? "", { clientId: client.id });
    expect(twice.status).toBe(409);
    expect(await texts(twice.html, ".error-summary p")).toEqual(["Someone already has this spot."]);

    const after = await browser.get(`/admin/sessions/${id}`);
    expect((await spotRows(after.html))[1]).toMatch(/Awaiting confirmation Ada Lovelace/);
    expect(await texts(after.html, "button")).not.toContain("Send Reminder");
    const list = await browser.get("/admin/sessions");
    expect((await texts(list.html, "#upcoming table tbody tr"))[0]).toContain("1 of 3");
    const mail = await browser.get("/admin/mail");
    expect((await texts(mail.html, "tbody tr"))[0]).toMatch(/^A spot is reserved for you: Fall Minis/);

    const cancelLink = (await attributes(after.html, "#spots table a", "href")).find((href) =>
      href?.endsWith("/cancel"),
    );
    const confirm = await browser.get(cancelLink ?? "");
    expect(await texts(confirm.html, "h1")).toEqual(["Cancel this booking?"]);
    expect(confirm.html).toContain("Ada Lovelace");
    const cancelled = await browser.post(cancelLink ?? "");
    expect(cancelled.location).toBe(`/admin/sessions/${id}?done=booking-cancelled`);
    const freed = await browser.get(`/admin/sessions/${id}`);
    expect((await spotRows(freed.html))[1]).toMatch(/Available/);
    const again = await browser.post(cancelLink ?? "");
    expect(again.status).toBe(404);
  });

  it("sends a payment reminder to confirmed bookings with a balance due, never to one awaiting its client", async () => {
    const { browser, token } = await signedInStudio();
    await call("PATCH", "/v1/admin/studio", { token, body: { paymentInstructions: "Venmo @juniper" } });
    const type = await newSessionType(token, { durationMinutes: 20, breakMinutes: 10 });
    const [ada, grace] = [await newClient(token), await newClient(token, { name: "Grace Hopper" })];
    const id = await schedule(browser, multiFields(type.id, { spots: "2" }));
    const session = (await call("GET", `/v1/admin/sessions/${id}`, { token })).body.session;
    const reserve = (spot: { id: string }, client: { id: string }) =>
      call("POST", `/v1/admin/spots/${spot.id}/reservation`, { token, body: { clientId: client.id } });
    const confirmed = await reserve(session.spots[0], ada);
    await reserve(session.spots[1], grace);
    const link = new URL(confirmed.body.confirmationUrl).searchParams.get("spotbook");
    expect((await call("POST", `/v1/bookings/${link}/confirm`, { body: {} })).status).toBe(200);

    const details = await browser.get(`/admin/sessions/${id}`);
    expect(await texts(details.html, "button")).toContain("Send Reminder");
    const res = await browser.post(`/admin/sessions/${id}/payment-reminders`);
    expect(res.location).toBe(`/admin/sessions/${id}?done=reminder-sent`);
    const reminders = await env.DB.prepare(
      "SELECT recipient, text FROM emails WHERE kind = 'payment_reminder' AND studio_id = ?",
    )
      .bind(session.studioId ?? (await call("GET", "/v1/admin/studio", { token })).body.studio.id)
      .all<{ recipient: string; text: string }>();
    // Without online payment, the reminder says how the studio is paid.
    expect(reminders.results).toEqual([
      { recipient: ada.email, text: expect.stringContaining("Venmo @juniper") },
    ]);
  });

  it("splits upcoming and past sessions by when they end", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    // A past session cannot be scheduled any more: this one was, and has since taken place.
    const spring = await schedule(browser, multiFields(type.id, { name: "Spring 2020", spots: "1" }));
    await env.DB.prepare("UPDATE spots SET starts_at = ?, ends_at = ? WHERE session_id = ?")
      .bind(Date.parse("2020-04-04T13:00:00Z"), Date.parse("2020-04-04T13:20:00Z"), spring)
      .run();
    const fall = nextMonthDay("10-05");
    const upcoming = `Fall ${fall.slice(0, 4)}`;
    await schedule(browser, multiFields(type.id, { name: upcoming, date: fall, spots: "1" }));
    const list = await browser.get("/admin/sessions");
    expect(await texts(list.html, "#upcoming table tbody td:first-child")).toEqual([upcoming]);
    expect(await texts(list.html, "#past table tbody td:first-child")).toEqual(["Spring 2020"]);
  });

  it("offers the public link, a Facebook share link and the embed snippet", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    const id = await schedule(browser, multiFields(type.id, { spots: "1" }));
    const details = await browser.get(`/admin/sessions/${id}`);
    const { body } = await call("GET", `/v1/admin/sessions/${id}`, { token });
    const url = `${env.PUBLIC_URL}/s/${body.session.slug}`;
    expect(await attributes(details.html, `a[href="${url}"]`, "href")).toEqual([url]);
    expect(await attributes(details.html, 'a[href^="https://www.facebook.com/sharer/"]', "href")).toEqual([
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
    ]);
    expect(await texts(details.html, "textarea#embed-snippet")).toEqual([
      `<script type="module" src="${env.PUBLIC_URL}/widget.js"></script> <spotbook-session session="${body.session.slug}"></spotbook-session>`,
    ]);
    expect(await attributes(details.html, "textarea#embed-snippet", "readonly")).toEqual([""]);
    expect(await attributes(details.html, "button[data-copy]", "hidden")).toEqual([""]);
  });
});

describe("the mail viewer", () => {
  it("shows a message's text, and its HTML in a sandboxed frame served under a sandbox policy", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    const client = await newClient(token, { name: "Ada Lovelace" });
    const id = await schedule(browser, multiFields(type.id, { spots: "1" }));
    const [spotLink] = await attributes(
      (await browser.get(`/admin/sessions/${id}`)).html,
      "#spots table a",
      "href",
    );
    await browser.get(spotLink ?? "");
    await browser.post(spotLink ?? "", { clientId: client.id });
    const list = await browser.get("/admin/mail");
    const [messageLink] = await attributes(list.html, "tbody a", "href");
    const message = await browser.get(messageLink ?? "");
    expect(await texts(message.html, "pre.mail")).toEqual([expect.stringMatching(/^Hi Ada Lovelace,/)]);
    expect(await attributes(message.html, "iframe", "sandbox")).toEqual([""]);
    const [frameSrc] = await attributes(message.html, "iframe", "src");
    const frame = await browser.get(frameSrc ?? "");
    expect(frame.headers.get("content-security-policy")).toMatch(/^sandbox; default-src 'none'/);
    expect(frame.html).toMatch(/^<!doctype html>/);
  });
});

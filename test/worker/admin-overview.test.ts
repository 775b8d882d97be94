import { describe, expect, it } from "vitest";
import { utcToLocal } from "../../worker/domain/time.ts";
import { nextMonthDay } from "../dates.ts";
import { signedInStudio, texts } from "./admin-browser.ts";
import { call, hold, newClient, newSession, newSessionType } from "./support.ts";

/** The admin's first screen and a client's page show what needs attention, in figures that add up. */

/**
 * Two hours from now on the studio's clock: one hour ahead, on the night the clocks fall back,
 * may be the repeated hour, which is read as its first pass and has then already begun.
 */
const soonThere = (timeZone: string) => utcToLocal(Date.now() + 2 * 3_600_000, timeZone);

describe("the first screen", () => {
  it("shows today's and the next sessions with booked of total, balances due, reservations waiting and live holds", async () => {
    const { browser, token } = await signedInStudio();
    const studio = (await call("GET", "/v1/admin/studio", { token })).body.studio;
    const type = await newSessionType(token, { durationMinutes: 20, breakMinutes: 0 });
    // Two hours from now may be tomorrow in the studio's zone: the test asks where it landed.
    const soon = soonThere(studio.timeZone);
    const today = await newSession(token, {
      classification: "multi",
      name: "Soon Minis",
      sessionTypeId: type.id,
      ...soon,
      spots: 3,
    });
    const later = await newSession(token, {
      classification: "multi",
      name: "Later Minis",
      sessionTypeId: type.id,
      date: nextMonthDay("09-01"),
      time: "10:00",
      spots: 2,
    });
    const ada = await newClient(token, { name: "Ada Lovelace" });
    const grace = await newClient(token, { name: "Grace Hopper" });
    const paid = await call("POST", `/v1/admin/spots/${today.spots[0].id}/reservation`, {
      token,
      body: { clientId: ada.id },
    });
    await call("POST", `/v1/admin/spots/${later.spots[0].id}/reservation`, {
      token,
      body: { clientId: grace.id },
    });
    await hold(today.slug, today.spots[1].id);

    // Ada confirms and pays $40 of $150 at the studio.
    const link = new URL(paid.body.confirmationUrl).searchParams.get("spotbook");
    expect((await call("POST", `/v1/bookings/${link}/confirm`, { body: {} })).status).toBe(200);
    await call("POST", `/v1/admin/bookings/${paid.body.booking.id}/payments`, {
      token,
      body: { amountCents: 4000, method: "cash" },
    });

    const page = await browser.get("/admin");
    expect(page.status).toBe(200);
    const sameDay = soon.date === utcToLocal(Date.now(), studio.timeZone).date;
    expect(await texts(page.html, ".figures li")).toEqual([
      `${sameDay ? 1 : 0} sessions today`,
      "$110.00 balances due",
      "1 waiting for their client",
      "1 holds live now",
    ]);
    const sessionsShown = [
      ...(await texts(page.html, "#today tbody tr")),
      ...(await texts(page.html, "#next tbody tr")),
    ];
    expect(sessionsShown).toEqual([
      expect.stringMatching(/^Soon Minis .+ 2 of 3$/),
      expect.stringMatching(/^Later Minis .+ 1 of 2$/),
    ]);
    expect(await texts(page.html, "#balances-due tbody tr")).toEqual([
      expect.stringMatching(/^Ada Lovelace Soon Minis .+ \$110\.00$/),
    ]);
    expect(await texts(page.html, "#awaiting-client tbody tr")).toEqual([
      expect.stringMatching(/^Grace Hopper Later Minis .+ Awaiting confirmation$/),
    ]);
    expect(await texts(page.html, "#live-holds tbody tr")).toEqual([
      expect.stringMatching(/^A visitor, booking now Soon Minis .+ Held while booking$/),
    ]);

    // The client's page: the booking, what is owed, and the mail sent.
    const client = await browser.get(`/admin/clients/${ada.id}`);
    expect(await texts(client.html, "dl.summary dd")).toEqual(expect.arrayContaining(["$40.00", "$110.00"]));
    expect(await texts(client.html, "section[aria-labelledby=client-bookings] tbody tr")).toEqual([
      expect.stringMatching(/^Soon Minis .+ Confirmed \$40\.00 \$110\.00$/),
    ]);
    const mail = await texts(client.html, "section[aria-labelledby=client-mail] tbody tr");
    expect(mail).toEqual([
      expect.stringMatching(/^Booked: Soon Minis/),
      expect.stringMatching(/^A spot is reserved/),
    ]);
  });
});

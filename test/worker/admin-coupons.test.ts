import { describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { field, signedInStudio, texts } from "./admin-browser.ts";
import { call, hold, newSession, newSessionType } from "./support.ts";

describe("the Coupons page", () => {
  it("adds a code for one session type and lists it with its uses", async () => {
    const { browser, token } = await signedInStudio();
    const minis = await newSessionType(token, { name: "Minis" });
    await newSessionType(token, { name: "Weddings" });
    const page = await browser.get("/admin/coupons");
    expect(page.status).toBe(200);
    expect(await texts(page.html, "main p")).toContain("No codes yet.");
    const added = await browser.post("/admin/coupons", {
      code: "spring",
      kind: "amount",
      value: "25.00",
      [`type.${minis.id}`]: "on",
      startsOn: "2027-03-01",
      endsOn: "2027-03-31",
      maxUses: "10",
      maxUsesPerClient: "1",
    });
    expect(added.status).toBe(303);
    const list = await browser.get("/admin/coupons");
    expect(await texts(list.html, "tbody td")).toEqual([
      "SPRING",
      "$25.00",
      "Minis",
      "2027-03-01 to 2027-03-31",
      "0 of 10",
      "1",
      "Edit SPRING",
    ]);
    const api = await call("GET", "/v1/admin/coupons", { token });
    expect(api.body.coupons[0]).toMatchObject({ kind: "amount", value: 2500, sessionTypeIds: [minis.id] });
  });

  it("shows a refused code's message next to its field and keeps what was typed", async () => {
    const { browser } = await signedInStudio();
    await browser.get("/admin/coupons");
    const res = await browser.post("/admin/coupons", { code: "ok-code", kind: "percent", value: "150" });
    expect(res.status).toBe(422);
    expect(await field(res.html, "value")).toEqual({
      value: "150",
      error: "A percentage is at most 100.",
      describedByError: true,
    });
    expect((await field(res.html, "code")).value).toBe("ok-code");
  });

  it("edits a code, deletes an unused one, and ends a used one so its bookings keep the discount", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token);
    const made = async (code: string) =>
      (await call("POST", "/v1/admin/coupons", { token, body: { code, kind: "percent", value: 10 } })).body
        .coupon;
    const unused = await made("UNUSED");
    const used = await made("USED");
    const edit = await browser.get(`/admin/coupons/${unused.id}`);
    expect((await field(edit.html, "value")).value).toBe("10");
    const saved = await browser.post(`/admin/coupons/${unused.id}`, {
      code: "UNUSED",
      kind: "amount",
      value: "5.00",
      maxUses: "3",
    });
    expect(saved.status).toBe(303);
    expect((await call("GET", `/v1/admin/coupons/${unused.id}`, { token })).body.coupon).toMatchObject({
      kind: "amount",
      value: 500,
      maxUses: 3,
    });
    const gone = await browser.post(`/admin/coupons/${unused.id}/delete`);
    expect(gone.location).toBe("/admin/coupons?done=coupon-deleted");
    expect((await call("GET", `/v1/admin/coupons/${unused.id}`, { token })).status).toBe(404);

    const session = await newSession(token, {
      classification: "multi",
      name: "Minis",
      sessionTypeId: type.id,
      date: inDays(1),
      time: "10:00",
      spots: 2,
    });
    const book = async (spot: number) => {
      const held = await hold(session.slug, session.spots[spot].id);
      return call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
        token: held.body.hold.token,
        body: { client: { name: "Ann", email: `ann${spot}@example.com` }, couponCode: "USED" },
      });
    };
    expect((await book(0)).status).toBe(201);
    expect((await browser.get(`/admin/coupons/${used.id}`)).html).toContain("End this code");
    const ended = await browser.post(`/admin/coupons/${used.id}/delete`);
    expect(ended.location).toBe("/admin/coupons?done=coupon-ended");
    const refused = await book(1);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].path).toBe("couponCode");
    const details = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(details.body.session.spots[0].booking.quote).toMatchObject({ couponCode: "USED" });
  });
});

describe("a booking's extras in the session's details", () => {
  it("shows the party size, each add-on and the code under the client", async () => {
    const { browser, token } = await signedInStudio();
    const type = await newSessionType(token, {
      packages: [
        {
          name: "Family",
          priceCents: 20000,
          peopleIncluded: 2,
          extraPersonCents: 2000,
          maxPeople: 5,
          addOns: [{ name: "Print <8×10>", priceCents: 3000 }],
        },
      ],
    });
    await call("POST", "/v1/admin/coupons", { token, body: { code: "TEN", kind: "percent", value: 10 } });
    const session = await newSession(token, {
      classification: "multi",
      name: "Minis",
      sessionTypeId: type.id,
      date: inDays(1),
      time: "10:00",
      spots: 1,
    });
    const held = await hold(session.slug, session.spots[0].id);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: {
        client: { name: "Ann", email: "ann@example.com" },
        people: 4,
        addOns: [{ id: type.packages[0].addOns[0].id, quantity: 1 }],
        couponCode: "ten",
      },
    });
    expect(booked.status).toBe(201);
    const page = await browser.get(`/admin/sessions/${session.id}`);
    expect(await texts(page.html, ".booking-quote li")).toEqual([
      "4 people",
      "Family: $200.00",
      "2 additional people: $40.00",
      "Print <8×10>: $30.00",
      "Code TEN: −$27.00",
      "Total: $243.00",
    ]);
    expect(page.html).not.toContain("<8×10>");
  });
});

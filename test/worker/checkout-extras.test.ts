import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { call, hold, newSessionType, newStudio, openMultiSession, visitorHeaders } from "./support.ts";

/** A family package: 2 people included, $20 per extra person up to 5, a print add-on (at most 2). */
const family = {
  name: "Family",
  priceCents: 20000,
  depositCents: 5000,
  peopleIncluded: 2,
  extraPersonCents: 2000,
  maxPeople: 5,
  addOns: [
    { name: "Print 8×10", priceCents: 3000, maxPerBooking: 2 },
    { name: "Extra images", priceCents: 1500 },
  ],
};

async function familySession(spots = 3) {
  const opened = await openMultiSession(spots, { packages: [family] });
  const pkg = opened.type.packages[0];
  return { ...opened, pkg, print: pkg.addOns[0].id as string, images: pkg.addOns[1].id as string };
}

let visitors = 0;
const client = () => ({ name: "Mary Shelley", email: `mary${++visitors}@example.com` });

async function book(slug: string, spotId: string, body: Record<string, unknown>) {
  const held = await hold(slug, spotId);
  expect(held.status).toBe(201);
  return call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
    token: held.body.hold.token,
    body: { client: client(), ...body },
  });
}

const coupon = async (token: string, body: Record<string, unknown>) => {
  const res = await call("POST", "/v1/admin/coupons", {
    token,
    body: { kind: "percent", value: 10, ...body },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.coupon;
};

describe("party size and add-ons", () => {
  it("prices 4 people and a print: the package, 2 extra people and the add-on; the deposit stays the package's", async () => {
    const { session, spotIds, print, token } = await familySession();
    const booked = await book(session.slug, spotIds[0] as string, {
      people: 4,
      addOns: [{ id: print, quantity: 1 }],
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    expect(booked.body.quote).toMatchObject({
      people: 4,
      subtotalCents: 20000 + 2 * 2000 + 3000,
      amountCents: 27000,
      depositCents: 5000,
      lines: [
        { kind: "package", label: "Family", totalCents: 20000 },
        { kind: "people", quantity: 2, unitCents: 2000, totalCents: 4000 },
        { kind: "add_on", label: "Print 8×10", quantity: 1, totalCents: 3000 },
      ],
    });
    const mine = await call("GET", `/v1/bookings/${booked.body.booking.token}`);
    expect(mine.body.booking).toMatchObject({ amountCents: 27000, depositCents: 5000, balanceCents: 27000 });
    const details = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(details.body.session.spots[0].booking.quote).toMatchObject({ people: 4, amountCents: 27000 });
    expect(details.body.session.totals.amountCents).toBe(27000);
  });

  it("refuses more people than the package takes, and more of an add-on than its limit, writing nothing", async () => {
    const { session, spotIds, print } = await familySession();
    const tooMany = await book(session.slug, spotIds[0] as string, { people: 6 });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.errors).toEqual([{ path: "people", message: "Choose from 1 to 5 people." }]);
    const prints = await book(session.slug, spotIds[1] as string, { addOns: [{ id: print, quantity: 3 }] });
    expect(prints.status).toBe(422);
    expect(prints.body.errors[0].path).toBe("addOns.0.quantity");
    const unknown = await book(session.slug, spotIds[2] as string, {
      addOns: [{ id: "album", quantity: 1 }],
    });
    expect(unknown.body.errors[0].path).toBe("addOns.0.id");
    const booked = await env.DB.prepare(
      "SELECT count(*) AS n FROM bookings WHERE session_id = ? AND status = 'confirmed'",
    )
      .bind(session.id)
      .first<{ n: number }>();
    expect(booked?.n).toBe(0);
  });

  it("keeps a package's add-on ids when the session type is edited, so bookings still name them", async () => {
    const { type, token, pkg } = await familySession(1);
    const edited = await call("PATCH", `/v1/admin/session-types/${type.id}`, {
      token,
      body: {
        packages: [{ ...family, id: pkg.id, addOns: [{ ...family.addOns[0], id: pkg.addOns[0].id }] }],
      },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.sessionType.packages[0].addOns).toEqual([
      { id: pkg.addOns[0].id, name: "Print 8×10", priceCents: 3000, maxPerBooking: 2 },
    ]);
  });
});

describe("codes", () => {
  it("takes a percentage off the subtotal, matched without regard to case", async () => {
    const { session, spotIds, token, print } = await familySession();
    await coupon(token, { code: "spring", value: 15 });
    const booked = await book(session.slug, spotIds[0] as string, {
      people: 4,
      addOns: [{ id: print, quantity: 1 }],
      couponCode: " Spring ",
    });
    expect(booked.status).toBe(201);
    expect(booked.body.quote).toMatchObject({
      couponCode: "SPRING",
      discountCents: 4050,
      amountCents: 22950,
    });
    const list = await call("GET", "/v1/admin/coupons", { token });
    expect(list.body.coupons).toEqual([expect.objectContaining({ code: "SPRING", uses: 1 })]);
  });

  it("takes a fixed amount off, never below nothing", async () => {
    const { session, spotIds, token } = await familySession();
    await coupon(token, { code: "FREE", kind: "amount", value: 999_999 });
    const booked = await book(session.slug, spotIds[0] as string, { couponCode: "free" });
    expect(booked.body.quote).toMatchObject({ discountCents: 20000, amountCents: 0, depositCents: 0 });
    expect(booked.body.booking.status).toBe("confirmed");
  });

  it("says why a code is refused: unknown, not yet valid, expired, not for this session, used up, used by this client", async () => {
    const { session, spotIds, token } = await familySession(12);
    const other = await newSessionType(token, { name: "Weddings" });
    await coupon(token, { code: "LATER", startsOn: inDays(3) });
    await coupon(token, { code: "OLD", startsOn: inDays(-10), endsOn: inDays(-3) });
    await coupon(token, { code: "WEDDING", sessionTypeIds: [other.id] });
    await coupon(token, { code: "ONCE", maxUses: 1 });
    await coupon(token, { code: "MINE", maxUsesPerClient: 1 });
    let spot = 0;
    // Each try holds a spot of its own: a refused code leaves the visitor's hold in place.
    const refusal = async (couponCode: string, who = client()) => {
      const held = await hold(session.slug, spotIds[spot++] as string);
      const res = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
        token: held.body.hold.token,
        body: { client: who, couponCode },
      });
      return { status: res.status, code: res.body.code, path: res.body.errors?.[0]?.path };
    };
    expect(await refusal("NOPE")).toEqual({ status: 422, code: "coupon_unknown", path: "couponCode" });
    expect(await refusal("LATER")).toEqual({
      status: 422,
      code: "coupon_not_yet_valid",
      path: "couponCode",
    });
    expect(await refusal("OLD")).toEqual({ status: 422, code: "coupon_expired", path: "couponCode" });
    expect(await refusal("WEDDING")).toEqual({
      status: 422,
      code: "coupon_not_for_session",
      path: "couponCode",
    });
    expect((await refusal("ONCE")).status).toBe(201);
    expect(await refusal("ONCE")).toEqual({ status: 409, code: "coupon_used_up", path: "couponCode" });
    const ada = { name: "Ada", email: "ada@example.com" };
    expect((await refusal("MINE", ada)).status).toBe(201);
    expect(await refusal("MINE", { ...ada, email: "ADA@example.com" })).toEqual({
      status: 409,
      code: "coupon_client_limit",
      path: "couponCode",
    });
    expect((await refusal("MINE")).status).toBe(201);
  });

  it("gives exactly 10 discounts to 50 visitors racing with a code limited to 10 uses", {
    timeout: 120_000,
  }, async () => {
    const { session, spotIds, token } = await familySession(50);
    await coupon(token, { code: "LAUNCH", maxUses: 10 });
    const holds = await Promise.all(spotIds.map((id) => hold(session.slug, id, visitorHeaders())));
    for (const h of holds) expect(h.status).toBe(201);
    const answers = await Promise.all(
      holds.map((h) =>
        call("POST", `/v1/holds/${h.body.hold.id}/booking`, {
          token: h.body.hold.token,
          body: { client: client(), couponCode: "LAUNCH" },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.code)).toEqual(
      Array(40).fill("coupon_used_up"),
    );
    const discounted = await env.DB.prepare(
      "SELECT count(*) AS n FROM bookings WHERE session_id = ? AND status = 'confirmed' AND json_extract(quote, '$.discountCents') > 0",
    )
      .bind(session.id)
      .first<{ n: number }>();
    expect(discounted?.n).toBe(10);
    const list = await call("GET", "/v1/admin/coupons", { token });
    expect(list.body.coupons[0].uses).toBe(10);
    // The 40 refused visitors still hold their spots and can book without the code.
    const refused = holds[answers.findIndex((a) => a.status === 409)];
    const plain = await call("POST", `/v1/holds/${refused?.body.hold.id}/booking`, {
      token: refused?.body.hold.token,
      body: { client: client() },
    });
    expect(plain.status).toBe(201);
  });

  it("refuses a code of another studio's, and deleting a used code ends it, keeping the bookings' discount", async () => {
    const { session, spotIds, token } = await familySession(2);
    const other = await newStudio({ name: "Elsewhere" });
    await coupon(other.token, { code: "THEIRS" });
    const mine = await coupon(token, { code: "OURS" });
    expect((await book(session.slug, spotIds[0] as string, { couponCode: "THEIRS" })).body.code).toBe(
      "coupon_unknown",
    );
    expect((await book(session.slug, spotIds[1] as string, { couponCode: "OURS" })).status).toBe(201);
    const del = await call("DELETE", `/v1/admin/coupons/${mine.id}`, { token });
    expect(del.status).toBe(204);
    const kept = await call("GET", `/v1/admin/coupons/${mine.id}`, { token });
    expect(kept.body.coupon).toMatchObject({ code: "OURS", uses: 1 });
    expect(kept.body.coupon.endsOn).not.toBeNull();
    const ended = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(ended.body.session.spots[1].booking.quote).toMatchObject({ couponCode: "OURS" });
    const dup = await call("POST", "/v1/admin/coupons", {
      token,
      body: { code: "ours", kind: "amount", value: 100 },
    });
    expect(dup.status).toBe(409);
    const other2 = await call("PATCH", `/v1/admin/coupons/${mine.id}`, {
      token: other.token,
      body: { value: 5 },
    });
    expect(other2.status).toBe(404);
  });

  it("validates a code's setup: a percentage at most 100, dates in order, the studio's own session types", async () => {
    const { token } = await newStudio();
    const bad = async (body: Record<string, unknown>) =>
      (
        await call("POST", "/v1/admin/coupons", {
          token,
          body: { code: "X12", kind: "percent", value: 10, ...body },
        })
      ).body.errors?.[0]?.path;
    expect(await bad({ value: 101 })).toBe("value");
    expect(await bad({ startsOn: "2027-05-02", endsOn: "2027-05-01" })).toBe("endsOn");
    expect(await bad({ sessionTypeIds: ["not-ours"] })).toBe("sessionTypeIds.0");
    expect(await bad({ code: "a b" })).toBe("code");
  });
});

describe("the studio's tax", () => {
  it("adds a tax on top of the discounted subtotal, its own line; the deposit stays the package's", async () => {
    const { session, spotIds, token, print } = await familySession();
    const set = await call("PATCH", "/v1/admin/studio", {
      token,
      body: { taxRateBasisPoints: 825, taxInclusive: false },
    });
    expect(set.body.studio).toMatchObject({ taxRateBasisPoints: 825, taxInclusive: false });
    await coupon(token, { code: "TEN" });
    const booked = await book(session.slug, spotIds[0] as string, {
      people: 4,
      addOns: [{ id: print, quantity: 1 }],
      couponCode: "TEN",
    });
    // $270.00 less 10 % is $243.00; 8.25 % of it is $20.0475, rounded once to $20.05.
    expect(booked.body.quote).toMatchObject({
      subtotalCents: 27000,
      discountCents: 2700,
      taxCents: 2005,
      taxInclusive: false,
      amountCents: 26305,
      depositCents: 5000,
    });
  });

  it("shows the tax as its own line in the receipt, the client's page and the payment reminder", async () => {
    const { session, spotIds, token } = await familySession();
    await call("PATCH", "/v1/admin/studio", {
      token,
      body: { taxRateBasisPoints: 825, taxInclusive: false },
    });
    const booked = await book(session.slug, spotIds[0] as string, { people: 3 });
    const mail = () =>
      env.DB.prepare("SELECT kind, text FROM emails WHERE booking_id = ? ORDER BY created_at")
        .bind(booked.body.booking.id)
        .all<{ kind: string; text: string }>();
    const receipt = (await mail()).results.find((m) => m.kind === "booking_confirmed");
    // $200 and one more person at $20: $220.00, plus 8.25 % ($18.15).
    expect(receipt?.text).toContain(
      "Family: $200.00\n1 additional person: $20.00\nTax: + $18.15\nTotal: $238.15\nPaid: $0.00\nBalance due: $238.15",
    );
    const reminded = await call("POST", `/v1/admin/sessions/${session.id}/payment-reminders`, { token });
    expect(reminded.status).toBe(200);
    const reminder = (await mail()).results.find((m) => m.kind === "payment_reminder");
    expect(reminder?.text).toContain("Tax: + $18.15\nTotal: $238.15");
    const page = await call("GET", `/v1/bookings/${booked.body.booking.token}`);
    expect(page.body.booking.quote).toMatchObject({
      taxCents: 1815,
      taxInclusive: false,
      amountCents: 23815,
    });
  });

  it("takes an inclusive tax out of the price rather than adding it", async () => {
    const { session, spotIds, token } = await familySession();
    await call("PATCH", "/v1/admin/studio", {
      token,
      body: { taxRateBasisPoints: 2000, taxInclusive: true },
    });
    const booked = await book(session.slug, spotIds[0] as string, {});
    // $200.00 including 20 %: $166.67 net and $33.33 of tax.
    expect(booked.body.quote).toMatchObject({ amountCents: 20000, taxCents: 3333, taxInclusive: true });
  });
});

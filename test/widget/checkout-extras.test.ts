import { describe, expect, it } from "vitest";
import { type FakePackage, fakeApi, json, problem } from "./fake-api.ts";
import { click, find, findAll, mount, shadow, spotButton, submit, summary, text, type } from "./render.ts";

const family: FakePackage = {
  id: "pkg-family",
  name: "Family",
  description: "",
  priceCents: 20000,
  depositCents: 5000,
  peopleIncluded: 2,
  extraPersonCents: 2000,
  maxPeople: 5,
  addOns: [
    { id: "print", name: "Print 8×10", priceCents: 3000, maxPerBooking: 2 },
    { id: "images", name: "Extra images", priceCents: 1500, maxPerBooking: null },
  ],
};

async function formFor(packages: FakePackage[]) {
  const api = fakeApi({ packages });
  const element = await mount({ session: "fall-minis", locale: "en-US" });
  await click(element, spotButton(element, "9:30 AM"));
  return { api, element };
}

const bookingAnswer = (amountCents: number) =>
  json(201, {
    booking: { id: "hold-1", status: "confirmed", token: "link-1" },
    quote: { amountCents, depositCents: 5000 },
  });

describe("party size, add-ons and a code in the booking form", () => {
  it("asks how many people and which add-ons, and the price follows what the visitor chooses", async () => {
    const { element } = await formFor([family]);
    const people = find<HTMLInputElement>(element, '[name="people"]');
    expect(people.value).toBe("2");
    expect(people.max).toBe("5");
    expect(text(find(element, 'label[for="people"]'))).toBe("People 2 included, then $20.00 each");
    expect(findAll(element, "[part~=add-ons] input").map((i) => (i as HTMLInputElement).max)).toEqual([
      "2",
      "20",
    ]);
    expect(summary(element).Price).toBe("$200.00");
    type(element, "people", "4");
    type(element, "addOn.print", "1");
    await element.updateComplete;
    expect(summary(element)).toMatchObject({ Price: "$270.00", Deposit: "$50.00" });
  });

  it("sends the party size, the add-ons taken and the code, and shows the total the server priced", async () => {
    const { api, element } = await formFor([family]);
    api.on("POST", /booking$/, () => bookingAnswer(22950));
    type(element, "name", "Ada");
    type(element, "email", "ada@example.com");
    type(element, "people", "4");
    type(element, "addOn.print", "1");
    type(element, "addOn.images", "0");
    type(element, "couponCode", " SPRING ");
    await submit(element);
    expect(api.requests.at(-1)?.body).toEqual({
      client: { name: "Ada", email: "ada@example.com" },
      packageId: "pkg-family",
      people: 4,
      addOns: [{ id: "print", quantity: 1 }],
      couponCode: "SPRING",
      locale: "en-US",
    });
    expect(summary(element)).toMatchObject({ Price: "$229.50", "Balance due": "$229.50" });
  });

  it("shows why a code was refused next to the code, and keeps the hold", async () => {
    const { api, element } = await formFor([family]);
    api.on("POST", /booking$/, () =>
      problem(409, "coupon_used_up", [{ path: "couponCode", message: "This code has been used up." }]),
    );
    type(element, "name", "Ada");
    type(element, "email", "ada@example.com");
    type(element, "couponCode", "LAUNCH");
    await submit(element);
    const code = find<HTMLInputElement>(element, '[name="couponCode"]');
    expect(code.getAttribute("aria-invalid")).toBe("true");
    expect(text(shadow(element).getElementById("couponCode-error"))).toBe("This code has been used up.");
    expect(shadow(element).activeElement).toBe(code);
  });

  it("asks nothing about people or add-ons for a package without them", async () => {
    const { element } = await formFor([
      { id: "pkg-mini", name: "Mini", description: "", priceCents: 15000, depositCents: 0 },
    ]);
    expect(findAll(element, '[name="people"], [part~=add-ons]')).toHaveLength(0);
    expect(find(element, '[name="couponCode"]')).toBeTruthy();
  });
});

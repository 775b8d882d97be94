import { describe, expect, it } from "vitest";
import { type FakePackage, fakeApi, json, problem, session } from "./fake-api.ts";
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

/** The server's answer: 4 people and a print, less the code's 15 %, and the studio's tax. */
const bookingAnswer = (tax: { taxCents: number; taxInclusive: boolean; amountCents: number }) =>
  json(201, {
    booking: { id: "hold-1", status: "confirmed", token: "link-1" },
    quote: {
      people: 4,
      lines: [
        { kind: "package", label: "Family", quantity: 1, unitCents: 20000, totalCents: 20000 },
        { kind: "people", label: "Additional person", quantity: 2, unitCents: 2000, totalCents: 4000 },
        { kind: "add_on", id: "print", label: "Print 8×10", quantity: 1, unitCents: 3000, totalCents: 3000 },
      ],
      subtotalCents: 27000,
      couponCode: "SPRING",
      discountCents: 4050,
      depositCents: 5000,
      ...tax,
    },
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
    expect(summary(element)).toMatchObject({
      Family: "$200.00",
      "2 additional people": "$40.00",
      "Print 8×10": "$30.00",
      Total: "$270.00",
      Deposit: "$50.00",
    });
    expect(summary(element).Price).toBeUndefined();
  });

  it("sends the party size, the add-ons taken and the code, and shows the total the server priced", async () => {
    const { api, element } = await formFor([family]);
    api.on("POST", /booking$/, () => bookingAnswer({ taxCents: 0, taxInclusive: false, amountCents: 22950 }));
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
    expect(summary(element)).toMatchObject({
      "Code SPRING": "−$40.50",
      Total: "$229.50",
      "Balance due": "$229.50",
    });
  });

  it("shows the studio's added tax as its own line before booking and in the done view", async () => {
    const api = fakeApi({
      packages: [family],
      session: session({ tax: { rateBasisPoints: 825, inclusive: false } }),
    });
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await click(element, spotButton(element, "9:30 AM"));
    // $200.00 and 8.25 % on top: $16.50.
    expect(summary(element)).toMatchObject({ Family: "$200.00", Tax: "+ $16.50", Total: "$216.50" });
    api.on("POST", /booking$/, () =>
      bookingAnswer({ taxCents: 1893, taxInclusive: false, amountCents: 24843 }),
    );
    type(element, "name", "Ada");
    type(element, "email", "ada@example.com");
    await submit(element);
    expect(summary(element)).toMatchObject({ Tax: "+ $18.93", Total: "$248.43", "Balance due": "$248.43" });
  });

  it("says the tax the prices include, in the visitor's language, without adding it", async () => {
    const api = fakeApi({
      packages: [family],
      session: session({ currency: "EUR", tax: { rateBasisPoints: 1900, inclusive: true } }),
    });
    const element = await mount({ session: "fall-minis", lang: "de-DE" });
    await click(element, spotButton(element, "9:30"));
    // €200.00 including 19 %: €31.93 of it is tax.
    expect(summary(element)).toMatchObject({ "MwSt.": "inkl. 31,93 € MwSt.", Gesamt: "200,00 €" });
    api.on("POST", /booking$/, () =>
      bookingAnswer({ taxCents: 3665, taxInclusive: true, amountCents: 22950 }),
    );
    type(element, "name", "Ada");
    type(element, "email", "ada@example.com");
    await submit(element);
    expect(summary(element)).toMatchObject({
      "2 weitere Personen": "40,00 €",
      "Code SPRING": "−40,50 €",
      "MwSt.": "inkl. 36,65 € MwSt.",
      Gesamt: "229,50 €",
    });
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

import { describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import { shown, tokens, visit, workerOrigin } from "./support.ts";

const chromium = useChromium();

/** The demo studio's admin API, as the photographer's own tools would call it. */
async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${workerOrigin()}${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens().DEMO_ADMIN_TOKEN}`, "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const answer = await res.json();
  expect(res.ok, `${method} ${path}: ${JSON.stringify(answer)}`).toBe(true);
  // biome-ignore lint/suspicious/noExplicitAny: read as loosely as an integrator's JSON client.
  return answer as any;
}

describe("a visitor books for a party with an add-on and a code", () => {
  it("chooses 4 people and a print, types the code, and is booked at the discounted total", async () => {
    const { sessionType } = await admin("POST", "/v1/admin/session-types", {
      name: "Family Minis",
      classification: "multi",
      durationMinutes: 20,
      breakMinutes: 10,
      packages: [
        {
          name: "Family",
          priceCents: 20000,
          depositCents: 5000,
          peopleIncluded: 2,
          extraPersonCents: 2000,
          maxPeople: 5,
          addOns: [{ name: "Print 8×10", priceCents: 3000, maxPerBooking: 2 }],
        },
      ],
    });
    await admin("POST", "/v1/admin/coupons", { code: "FAMILY15", kind: "percent", value: 15, maxUses: 10 });
    const { session } = await admin("POST", "/v1/admin/sessions", {
      classification: "multi",
      name: "Family Minis in the Park",
      sessionTypeId: sessionType.id,
      date: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
      time: "10:00",
      spots: 2,
    });

    const { context, page } = await visit(chromium(), `/?session=${session.slug}`);
    const spots = page.locator("spotbook-session button.spot:not([disabled])");
    await shown(spots);
    await spots.first().click();
    await page.getByLabel("Name").fill("Jane Bennet");
    await page.getByLabel("Email").fill("jane@example.com");
    await page.getByLabel("People").fill("4");
    await page.getByLabel("Print 8×10").fill("1");
    const price = page.locator("spotbook-session [part=summary] div", { hasText: "Price" });
    await shown(price.getByText("$270.00"));
    await page.getByLabel("Code (optional)").fill("family15");
    await snap(page, "checkout-extras-1-form");
    await page.getByRole("button", { name: "Book this time" }).click();
    await shown(page.getByRole("heading", { name: "You're booked" }));
    // 15 % off $270.00 is $40.50: the server's total, shown as booked.
    await shown(price.getByText("$229.50"));
    await snap(page, "checkout-extras-2-booked");
    await context.close();

    const details = await admin("GET", `/v1/admin/sessions/${session.id}`);
    expect(details.session.spots[0].booking.quote).toMatchObject({
      people: 4,
      couponCode: "FAMILY15",
      discountCents: 4050,
      amountCents: 22950,
      depositCents: 5000,
    });
    const { coupons } = await admin("GET", "/v1/admin/coupons");
    expect(coupons.find((c: { code: string }) => c.code === "FAMILY15").uses).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import { axeViolations, setUpBrowser, shown, tokens, visit, workerOrigin } from "./support.ts";

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

const sha256 = async (text: string) =>
  Buffer.from(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text))).toString("hex");

const terms = "The studio keeps the copyright of the images.\nYou may print and share them for personal use.";

describe("a visitor books for a party with an add-on and a code", () => {
  it("chooses 4 people and a print, types the code, answers the questions, signs, and is booked at the discounted total", async () => {
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
      questions: [
        { kind: "short_text", label: "Who is coming?", required: true },
        { kind: "one_choice", label: "Which look?", required: true, choices: ["Natural", "Classic"] },
        { kind: "yes_no", label: "Bringing a pet?" },
      ],
      contract: terms,
    });
    await admin("POST", "/v1/admin/coupons", { code: "FAMILY15", kind: "percent", value: 15, maxUses: 10 });
    const { session } = await admin("POST", "/v1/admin/sessions", {
      classification: "multi",
      name: "Family Minis in the Park",
      sessionTypeId: sessionType.id,
      date: inDays(3),
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
    const price = page.locator("spotbook-session [part=summary] div", { hasText: "Total" });
    await shown(price.getByText("$270.00"));
    await page.getByLabel("Code (optional)").fill("family15");
    await snap(page, "checkout-extras-1-form");
    await page.getByRole("button", { name: "Continue" }).click();
    await shown(page.getByRole("heading", { name: "Before you book" }));
    // Signing without answering: the required question is named at its field.
    await page.getByRole("button", { name: "I agree and sign" }).click();
    await shown(page.getByText("Please answer “Who is coming?”."));
    await page.getByLabel("Who is coming?").fill("Jane, Charles and the girls");
    await page.getByLabel("Classic").check();
    await page.getByLabel("Yes").check();
    const contract = page.getByRole("region", { name: "Contract" });
    await shown(contract.getByText("The studio keeps the copyright"));
    await page.getByLabel("Your full name").fill("Jane Bennet");
    expect(await axeViolations(page)).toEqual([]);
    // The contract scrolls by keyboard: it takes focus in the tab order.
    await contract.focus();
    await snap(page, "checkout-extras-2-questions-and-contract");
    await page.getByRole("button", { name: "I agree and sign" }).click();
    await shown(page.getByRole("heading", { name: "You're booked" }));
    // 15 % off $270.00 is $40.50: the server's total, shown as booked.
    await shown(price.getByText("$229.50"));
    await snap(page, "checkout-extras-3-booked");
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
    const booking = details.session.spots[0].booking;
    expect(booking.answers.map((a: { question: string; answer: unknown }) => [a.question, a.answer])).toEqual(
      [
        ["Who is coming?", "Jane, Charles and the girls"],
        ["Which look?", "Classic"],
        ["Bringing a pet?", true],
      ],
    );
    expect(booking.signature).toMatchObject({ version: 1, name: "Jane Bennet", sha256: await sha256(terms) });

    // The photographer sees the answers and the signature on the session's page.
    const studio = await setUpBrowser(
      chromium(),
      tokens().DEMO_ADMIN_TOKEN,
      `forms.${Date.now()}@example.com`,
    );
    await studio.page.goto(`${workerOrigin()}/admin/sessions/${session.id}`);
    await studio.page.getByText("Answers and signed contract").click();
    await shown(studio.page.getByText("Jane, Charles and the girls"));
    await shown(studio.page.getByText("signed by Jane Bennet", { exact: false }));
    await snap(studio.page, "checkout-extras-4-admin-answers");
    await studio.page.goto(`${workerOrigin()}/admin/session-types/${sessionType.id}/questions`);
    await shown(studio.page.getByRole("heading", { name: "Questions and Contract: Family Minis" }));
    await snap(studio.page, "checkout-extras-5-admin-questions");
    await studio.context.close();
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { snap, useChromium } from "./browser.ts";
import type { Delivery, StandInRecord } from "./stripe-stand-in.ts";
import { paid, shown, visit } from "./support.ts";

const chromium = useChromium();

/*
 * The deployment with Stripe set up: the Worker's real Stripe SDK talks to the local stand-in,
 * whose page the browser pays on and whose webhook, signed as Stripe signs, completes the booking.
 */

/** Calls the paid Worker's admin API as the demo studio's photographer. */
async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${paid().workerOrigin}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${paid().tokens.DEMO_ADMIN_TOKEN}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBe(200);
  return res.json();
}

const standIn = async (): Promise<StandInRecord> =>
  (await fetch(`${paid().stripeOrigin}/_stand-in`)).json() as Promise<StandInRecord>;

/** The Fall Minis spot with this booking, and the booking's payments, as the photographer sees them. */
async function photographersView(bookingId: string) {
  const { sessions } = await admin("GET", "/v1/admin/sessions");
  const minis = sessions.find((s: { slug: string }) => s.slug === "fall-minis");
  const { session } = await admin("GET", `/v1/admin/sessions/${minis.id}`);
  const spot = session.spots.find((s: { booking: { id: string } | null }) => s.booking?.id === bookingId);
  const { payments } = await admin("GET", `/v1/admin/bookings/${bookingId}/payments`);
  return { booking: spot?.booking, payments };
}

const email = "catherine.morland@example.com";
let bookingId = "";
let delivery: Delivery | undefined;

beforeAll(async () => {
  // Stripe sends the client back to the photographer's own booking page, not the Worker's.
  await admin("PATCH", "/v1/admin/studio", { bookingPageUrl: `${paid().siteOrigin}/book` });
});

describe("a visitor pays the deposit through Stripe Checkout", () => {
  it("goes to Stripe's page from the photographer's site, pays, and comes back booked", async () => {
    const { siteOrigin, stripeOrigin } = paid();
    const { context, page } = await visit(chromium(), `${siteOrigin}/`);
    const spots = page.locator("spotbook-session button.spot:not([disabled])");
    await shown(spots);
    await spots.first().click();
    await page.getByLabel("Name").fill("Catherine Morland");
    await page.getByLabel("Email").fill(email);
    // The hold becomes the booking: its id is in the address the widget books at.
    const booking = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/booking"));
    await page.getByRole("button", { name: "Book this time" }).click();
    bookingId = /\/v1\/holds\/([^/]+)\/booking$/.exec((await booking).url())?.[1] ?? "";

    await page.waitForURL(`${stripeOrigin}/pay/*`);
    const { checkouts } = await standIn();
    expect(checkouts).toHaveLength(1);
    const [{ request, session }] = checkouts as [StandInRecord["checkouts"][number]];
    expect(page.url()).toBe(session.url);
    expect(session).toMatchObject({
      object: "checkout.session",
      status: "open",
      payment_status: "unpaid",
      amount_total: 5000,
      currency: "usd",
      customer_email: email,
      client_reference_id: bookingId,
      metadata: { bookingId, studioId: "demo-studio", paymentId: expect.any(String) },
    });
    expect(request).toMatchObject({
      mode: "payment",
      line_items: [
        {
          quantity: "1",
          price_data: {
            currency: "usd",
            unit_amount: "5000",
            product_data: {
              name: "Deposit for Fall Minis — Mini",
              description: expect.stringMatching(/^Deposit · /),
            },
          },
        },
      ],
    });
    const back = new URL(session.success_url ?? "");
    expect(`${back.origin}${back.pathname}`).toBe(`${siteOrigin}/book`);
    expect(back.searchParams.get("spotbook_payment")).toBe("paid");
    await shown(page.getByRole("heading", { name: "Fall Minis — Mini" }));
    await shown(page.getByText("$50.00"));
    await snap(page, "paid-1-stripe-checkout");

    await page.getByRole("button", { name: "Pay" }).click();
    await page.waitForURL(`${siteOrigin}/book?**`);
    expect(page.url()).toBe(session.success_url);
    await shown(page.getByRole("heading", { name: "Your session is confirmed" }));
    const summary = await page
      .locator("spotbook-session [part~=summary] > div")
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector("dt")?.textContent, r.querySelector("dd")?.textContent]),
      );
    expect(Object.fromEntries(summary)).toMatchObject({
      Package: "Mini",
      Price: "$150.00",
      Paid: "$50.00",
      "Balance due": "$100.00",
    });
    await snap(page, "paid-2-back-on-the-photographers-site");
    await context.close();

    const { deliveries } = await standIn();
    expect(deliveries).toMatchObject([{ type: "checkout.session.completed", status: 200 }]);
    delivery = deliveries[0];
    expect(await photographersView(bookingId)).toMatchObject({
      booking: { status: "confirmed", paidCents: 5000, balanceCents: 10000, client: { email } },
      payments: [{ provider: "stripe", reference: session.id, amountCents: 5000, status: "succeeded" }],
    });
  });

  it("takes a replayed webhook delivery of the same event once", async () => {
    if (!delivery) throw new Error("no webhook was delivered");
    const before = await photographersView(bookingId);
    const replay = await fetch(`${paid().workerOrigin}/v1/stripe/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": delivery.signature },
      body: delivery.payload,
    });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual({ received: true });
    expect(await photographersView(bookingId)).toEqual(before);
  });
});

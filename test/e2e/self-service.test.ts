import { describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import { newStudio, setUpBrowser, shown, workerOrigin } from "./support.ts";

const chromium = useChromium();
const run = Date.now();

/** The admin JSON API of this file's own studio. */
async function api(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${workerOrigin()}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: read as loosely as an integrator's JSON client.
  return { status: res.status, body: (await res.json()) as any };
}

describe("a client changes their own booking from the link in their email", () => {
  it("reschedules to another free time, then cancels, within the studio's rules", async () => {
    const token = await newStudio(`Self-service Studio ${run}`);
    const type = await api(token, "POST", "/v1/admin/session-types", {
      name: "Meadow Mini",
      classification: "multi",
      durationMinutes: 20,
      breakMinutes: 10,
      packages: [{ name: "Mini", priceCents: 15000, depositCents: 5000 }],
      rules: { rescheduleHours: 1, cancelHours: 1, cancelMoney: "credit" },
    });
    expect(type.status).toBe(201);
    const date = inDays(3);
    const session = await api(token, "POST", "/v1/admin/sessions", {
      classification: "multi",
      name: "Meadow Minis",
      sessionTypeId: type.body.sessionType.id,
      date,
      time: "10:00",
      spots: 3,
    });
    expect(session.status).toBe(201);
    const { slug, spots } = session.body.session;
    const clientEmail = `fanny.${run}@example.com`;
    const held = await fetch(`${workerOrigin()}/v1/sessions/${slug}/holds`, {
      method: "POST",
      headers: { "content-type": "application/json", "cf-connecting-ip": "198.51.100.15" },
      body: JSON.stringify({ spotId: spots[0].id }),
    }).then((r) => r.json() as Promise<{ hold: { id: string; token: string } }>);
    const booked = await fetch(`${workerOrigin()}/v1/holds/${held.hold.id}/booking`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${held.hold.token}` },
      body: JSON.stringify({ client: { name: "Fanny Price", email: clientEmail }, acceptRules: true }),
    });
    expect(booked.status).toBe(201);

    // The link, as the client gets it: from the receipt in the studio's outbox.
    const admin = await setUpBrowser(chromium(), token, `photographer.self.${run}@example.com`);
    await admin.page.goto(`${workerOrigin()}/admin/mail`);
    const subject = "Booked: Meadow Minis";
    await admin.page
      .getByRole("row")
      .filter({ hasText: clientEmail })
      .getByRole("link", { name: subject })
      .click();
    const mail = admin.page.frameLocator(`iframe[title="The HTML of “${subject}”"]`);
    const link = await mail.getByRole("link", { name: "View booking" }).getAttribute("href");
    await admin.context.close();
    expect(link).toContain("spotbook=");

    const context = await chromium().newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
    const page = await context.newPage();
    await page.goto(link as string);
    await shown(page.getByRole("heading", { name: "Your session is confirmed" }));
    await snap(page, "self-service-1-booking");
    await page.getByRole("button", { name: "Reschedule" }).click();
    await shown(page.getByRole("heading", { name: "Pick a new time" }));
    await snap(page, "self-service-2-pick");
    const times = page.locator("spotbook-session [part=spot]");
    await shown(times);
    expect(await times.count()).toBe(2);
    const moveTo = ((await times.nth(1).textContent()) ?? "").trim();
    await times.nth(1).click();
    await shown(page.getByText("Your booking has moved. We emailed you the new time."));
    await shown(
      page.getByText(
        moveTo
          .split(/\s[–-]\s/)[0]
          ?.split(", ")
          .at(-1) ?? moveTo,
      ),
    );
    await snap(page, "self-service-3-moved");

    // Moved once, as often as the studio allows: only cancelling is left.
    expect(await page.getByRole("button", { name: "Reschedule" }).count()).toBe(0);
    await page.getByRole("button", { name: "Cancel booking" }).click();
    await page.getByRole("button", { name: "Yes, cancel it" }).click();
    await shown(page.getByText("Your booking is cancelled. We emailed you and the studio."));
    await snap(page, "self-service-4-cancelled");
    await page.reload();
    await shown(page.getByText("This booking was cancelled."));
    await context.close();

    const open = await fetch(`${workerOrigin()}/v1/sessions/${slug}`).then(
      (r) => r.json() as Promise<{ spots: { available: boolean }[] }>,
    );
    expect(open.spots.map((s) => s.available)).toEqual([true, true, true]);
  });
});

import { describe, expect, it } from "vitest";
import { inDays } from "../dates.ts";
import { snap, useChromium } from "./browser.ts";
import { api, newStudio, setUpBrowser, shown, siteOrigin, visit, workerOrigin } from "./support.ts";

const chromium = useChromium();
const run = crypto.randomUUID().slice(0, 8);

/** A studio of this file's own with a one-spot session, its spot booked by a first visitor. */
async function fullSession() {
  const token = await newStudio(`Waitlist Studio ${run}`);
  await api(token, "PATCH", "/v1/admin/studio", { allowedOrigins: [siteOrigin()] });
  const type = await api(token, "POST", "/v1/admin/session-types", {
    name: "Snow Minis",
    classification: "multi",
    durationMinutes: 20,
    breakMinutes: 10,
    packages: [{ name: "Mini", priceCents: 0, depositCents: 0 }],
  });
  const day = inDays(7);
  const session = await api(token, "POST", "/v1/admin/sessions", {
    classification: "multi",
    name: "Snow Minis",
    sessionTypeId: type.body.sessionType.id,
    date: day,
    time: "10:00",
    spots: 1,
  });
  expect(session.status).toBe(201);
  const { slug, spots } = session.body.session;
  const held = await fetch(`${workerOrigin()}/v1/sessions/${slug}/holds`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ spotId: spots[0].id }),
  }).then((r) => r.json() as Promise<{ hold: { id: string; token: string } }>);
  const booked = await api(held.hold.token, "POST", `/v1/holds/${held.hold.id}/booking`, {
    client: { name: "Elinor Dashwood", email: `elinor.${run}@example.com` },
  });
  expect(booked.status).toBe(201);
  return { token, slug, sessionId: session.body.session.id as string, bookingId: booked.body.booking.id };
}

describe("a full session's waitlist", () => {
  it("takes a visitor in line, offers them the cancelled spot by email, and books it from the link", async () => {
    const { token, slug, sessionId, bookingId } = await fullSession();
    const email = `marianne.${run}@example.com`;

    const visitor = await visit(chromium(), `/?session=${slug}`);
    const widget = visitor.page.locator("spotbook-session");
    await shown(widget.getByText("Every time in this session is booked."));
    await widget.getByRole("button", { name: "Join the waitlist" }).click();
    await widget.getByLabel("Name").fill("Marianne Dashwood");
    await widget.getByLabel("Email").fill(email);
    await snap(visitor.page, "waitlist-1-join");
    await widget.getByRole("button", { name: "Join the waitlist" }).click();
    await shown(widget.getByText("You're number 1 in line."));
    const placeLink = await widget.getByRole("link", { name: "Your place in line" }).getAttribute("href");
    await visitor.page.goto(placeLink as string);
    await shown(widget.getByText("You're number 1 in line."));
    await snap(visitor.page, "waitlist-2-place-in-line");

    // The photographer cancels the booking: the spot is held for the first in line, who is emailed.
    expect((await api(token, "DELETE", `/v1/admin/bookings/${bookingId}`)).status).toBe(204);
    const photographer = await setUpBrowser(chromium(), token, `owner.${run}@example.com`);
    const admin = photographer.page;
    await admin.goto(`${workerOrigin()}/admin/sessions/${sessionId}`);
    await shown(admin.getByRole("table", { name: "Offers" }).getByText("Held for them"));
    await snap(admin, "waitlist-3-admin-offers");

    await admin.goto(`${workerOrigin()}/admin/mail`);
    const subject = "A spot opened up: Snow Minis";
    const mail = admin.getByRole("row").filter({ hasText: email });
    await mail.getByRole("link", { name: subject }).click();
    const html = admin.frameLocator(`iframe[title="The HTML of “${subject}”"]`);
    const offerLink = await html.getByRole("link", { name: "Book this spot" }).getAttribute("href");
    expect(offerLink).toContain("spotbook-offer=");

    // Meanwhile nobody else can take the spot: the session still shows full.
    const other = await visit(chromium(), `/?session=${slug}`);
    await shown(other.page.locator("spotbook-session").getByText("Every time in this session is booked."));

    await visitor.page.goto(offerLink as string);
    await shown(widget.getByText("This time is held for you"));
    expect(await widget.getByLabel("Email").inputValue()).toBe(email);
    await snap(visitor.page, "waitlist-4-offer-opened");
    await widget.getByRole("button", { name: "Book this time" }).click();
    await shown(widget.getByRole("heading", { name: "You're booked" }));
    await snap(visitor.page, "waitlist-5-booked");

    await admin.goto(`${workerOrigin()}/admin/sessions/${sessionId}`);
    await shown(admin.getByRole("table", { name: "Offers" }).getByText("Booked"));
    for (const c of [visitor.context, other.context, photographer.context]) await c.close();
  });
});

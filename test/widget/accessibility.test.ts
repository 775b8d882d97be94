import axe from "axe-core";
import { describe, expect, it } from "vitest";
import type { SpotbookSession } from "../../widget/spotbook-session.ts";
import { fakeApi, session, spots } from "./fake-api.ts";
import { click, find, mount, spotButton, submit, type } from "./render.ts";

async function violations(element: SpotbookSession) {
  // happy-dom lays nothing out, so colour contrast is left to the browser tests.
  const results = await axe.run(element, { rules: { "color-contrast": { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("accessibility (axe-core)", () => {
  it("finds nothing wrong with the spot picker, taken spots included", async () => {
    fakeApi({ spots: spots(["2026-10-17T13:30:00.000Z", false], ["2026-10-17T14:00:00.000Z"]) });
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    expect(await violations(element)).toEqual([]);
  });

  it("finds nothing wrong with the form, its countdown and its errors", async () => {
    fakeApi();
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await click(element, spotButton(element, "9:30 AM"));
    expect(await violations(element)).toEqual([]);
    type(element, "email", "nope");
    await submit(element);
    expect(await violations(element)).toEqual([]);
  });

  it("finds nothing wrong with the confirmation", async () => {
    fakeApi({ session: session({ packageId: "pkg-mini" }) });
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await click(element, spotButton(element, "9:30 AM"));
    type(element, "name", "Ada");
    type(element, "email", "ada@example.com");
    await submit(element);
    expect(find(element, "[part=confirmation]")).toBeTruthy();
    expect(await violations(element)).toEqual([]);
  });

  it("finds nothing wrong with the Single confirmation and its package choice", async () => {
    fakeApi();
    const element = await mount({ booking: "booking-token", locale: "en-US" });
    await submit(element);
    expect(await violations(element)).toEqual([]);
  });

  it("finds nothing wrong with an error and its retry", async () => {
    fakeApi();
    const element = await mount({ session: "missing" });
    expect(await violations(element)).toEqual([]);
  });
});

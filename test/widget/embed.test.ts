import { afterEach, describe, expect, it } from "vitest";
import { embed } from "../../widget/embed.ts";
import type { SpotbookSession } from "../../widget/spotbook-session.ts";
import { API, fakeApi } from "./fake-api.ts";
import { find, settle, text } from "./render.ts";

/** What an editor saved, added to the page after the script ran (as a page builder does). */
async function page(html: string): Promise<SpotbookSession[]> {
  const section = document.createElement("section");
  section.innerHTML = html;
  document.body.append(section);
  // The observer's records arrive in a microtask; then the widgets load.
  await Promise.resolve();
  const widgets = [...document.querySelectorAll("spotbook-session")];
  for (const widget of widgets) await settle(widget);
  return widgets;
}

const observers: MutationObserver[] = [];
afterEach(() => {
  for (const observer of observers.splice(0)) observer.disconnect();
});

describe("the embeds that survive site editors", () => {
  it("mounts the widget on a plain div, in place of its fallback link", async () => {
    fakeApi();
    const [widget] = await page(
      `<div class="wp-block" data-spotbook-session="fall-minis" data-spotbook-api="${API}"><a href="${API}s/fall-minis">Book</a></div>`,
    );
    expect(widget?.parentElement?.className).toBe("wp-block");
    expect(document.querySelectorAll("a").length).toBe(0);
    expect(text(find(widget as SpotbookSession, "h2"))).toBe("Fall Minis");
  });

  it("upgrades a link marked data-spotbook to any Worker's hosted page, in place", async () => {
    fakeApi();
    const [widget] = await page(
      `<p>Before</p><p><a data-spotbook href="${API}s/fall-minis/?ref=blog">Book</a></p>`,
    );
    expect(widget?.getAttribute("api")).toBe(API);
    expect(widget?.getAttribute("session")).toBe("fall-minis");
    expect(widget?.parentElement?.previousElementSibling?.textContent).toBe("Before");
    expect(text(find(widget as SpotbookSession, "h2"))).toBe("Fall Minis");
  });

  it("upgrades a plain link to its own Worker's hosted page, and leaves other links alone", async () => {
    fakeApi();
    observers.push(embed(document.body, new URL(API)));
    const widgets = await page(
      `<a href="${API}s/fall-minis">Book</a><a href="https://elsewhere.example/s/fall-minis">Elsewhere</a><a href="${API}s/fall-minis/extra">Deeper</a><a href="${API}docs">Docs</a>`,
    );
    expect(widgets.map((w) => w.getAttribute("session"))).toEqual(["fall-minis"]);
    expect([...document.querySelectorAll("a")].map((a) => a.textContent)).toEqual([
      "Elsewhere",
      "Deeper",
      "Docs",
    ]);
  });

  it("mounts what was on the page before the script ran", () => {
    const saved = document.createElement("article");
    saved.innerHTML = `<div data-spotbook-session="fall-minis"></div><div data-spotbook-session=""></div>`;
    observers.push(embed(saved, new URL(API)));
    const widgets = [...saved.querySelectorAll("spotbook-session")];
    expect(widgets.map((w) => [w.getAttribute("api"), w.getAttribute("session")])).toEqual([
      [API, "fall-minis"],
      // A booking page: the element reads the confirmation link's ?spotbook= itself.
      [API, null],
    ]);
  });

  it("mounts once, however often a builder moves the div, and leaves a written element's fallback alone", async () => {
    fakeApi();
    const [widget] = await page(`<div data-spotbook-session="fall-minis" data-spotbook-api="${API}"></div>`);
    const div = widget?.parentElement as HTMLElement;
    document.body.prepend(div);
    const written = await page(
      `<spotbook-session api="${API}" session="fall-minis"><a data-spotbook href="${API}s/fall-minis">Book</a></spotbook-session>`,
    );
    expect(div.children.length).toBe(1);
    expect(div.firstElementChild).toBe(widget);
    expect(written.length).toBe(2);
    expect(written[1]?.querySelector("a")?.textContent).toBe("Book");
  });
});

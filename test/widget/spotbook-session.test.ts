import { describe, expect, it } from "vitest";
import { apiBase } from "../../widget/api.ts";
import { SpotbookSession } from "../../widget/spotbook-session.ts";
import { fakeApi, json, later, session } from "./fake-api.ts";
import { click, find, findAll, mount, onDemandUnreachable, settle, spotButton, text } from "./render.ts";

describe("<spotbook-session>", () => {
  it("is defined once, and loading the script again does not throw", async () => {
    expect(customElements.get("spotbook-session")).toBe(SpotbookSession);
    // A second copy of the script, by another address (resetting the test's modules instead would
    // give the rest of this file's widgets a second copy of what they load on demand).
    const again: typeof import("../../widget/spotbook-session.ts") = await import(
      /* @vite-ignore */ `${"../../widget/spotbook-session.ts"}?again`
    );
    expect(again.SpotbookSession).not.toBe(SpotbookSession);
    expect(customElements.get("spotbook-session")).toBe(SpotbookSession);
  });

  it("works independently of a second widget on the same page", async () => {
    const api = fakeApi();
    api.on("GET", /sessions\/spring-minis$/, ({ words }) =>
      json(200, { ...api.data, ...words, session: session({ slug: "spring-minis", name: "Spring Minis" }) }),
    );
    const fall = await mount({ session: "fall-minis", locale: "en-US" });
    const spring = await mount({ session: "spring-minis", locale: "en-US" });
    await click(fall, spotButton(fall, "9:30 AM"));

    expect(text(find(fall, "h3"))).toBe("Your details");
    expect(text(find(spring, "h2"))).toBe("Spring Minis");
    expect(text(find(spring, "h3"))).toBe("Choose a time");
  });

  it("shows the session an announcement's link names when the booking page's widget has none of its own", async () => {
    const api = fakeApi();
    api.on("GET", /sessions\/spring-minis$/, ({ words }) =>
      json(200, { ...api.data, ...words, session: session({ slug: "spring-minis", name: "Spring Minis" }) }),
    );
    window.history.replaceState(null, "", "/book/?spotbook-session=spring-minis");
    const linked = await mount({ locale: "en-US" });
    const own = await mount({ session: "fall-minis", locale: "en-US" });
    expect(text(find(linked, "h2"))).toBe("Spring Minis");
    expect(text(find(own, "h2"))).toBe("Fall Minis");
  });

  it("leaves no style and no global behind in the host page", async () => {
    const globals = Object.keys(window).length;
    fakeApi();
    await mount({ session: "fall-minis" });
    expect(document.querySelectorAll("style, link").length).toBe(0);
    expect(document.adoptedStyleSheets.length).toBe(0);
    expect(Object.keys(window).length).toBe(globals);
  });

  // Without the attribute the API is the folder widget.js came from; happy-dom cannot show that
  // (its URL resolves file: addresses against the page), the browser tests do.
  it("calls the API its api attribute names, keeping the path", () => {
    expect(apiBase("https://photos.example/spotbook").href).toBe("https://photos.example/spotbook/");
    expect(apiBase("https://photos.example/spotbook/").href).toBe("https://photos.example/spotbook/");
  });

  it("starts afresh when its session changes, even halfway through booking", async () => {
    const api = fakeApi();
    api.on("GET", /sessions\/spring-minis$/, ({ words }) =>
      json(200, { ...api.data, ...words, session: session({ slug: "spring-minis", name: "Spring Minis" }) }),
    );
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await click(element, spotButton(element, "9:30 AM"));
    element.session = "spring-minis";
    await settle(element);
    expect(text(find(element, "h2"))).toBe("Spring Minis");
    expect(text(find(element, "h3"))).toBe("Choose a time");
    expect(findAll(element, "[part=countdown]")).toEqual([]);
  });

  it("lets go of a time whose hold answers after its session changed", async () => {
    const api = fakeApi();
    api.on("GET", /sessions\/spring-minis$/, ({ words }) =>
      json(200, { ...api.data, ...words, session: session({ slug: "spring-minis", name: "Spring Minis" }) }),
    );
    const held = later();
    api.on("POST", /holds$/, () => held.promise);
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await click(element, spotButton(element, "9:30 AM"));
    element.session = "spring-minis";
    await settle(element);
    held.answer(
      json(201, {
        hold: { id: "hold-9", token: "token-hold-9", expiresAt: new Date().toISOString(), seats: 1 },
      }),
    );
    await settle(element);
    expect(text(find(element, "h2"))).toBe("Spring Minis");
    expect(text(find(element, "h3"))).toBe("Choose a time");
    expect(api.requests.at(-1)).toMatchObject({ method: "DELETE", path: "/v1/holds/hold-9" });
  });

  it("says the booking service answered nonsense in plain words, and tells the host page why", async () => {
    const api = fakeApi();
    api.on("GET", /sessions/, () => json(200, { session: { name: 42 } }));
    const errors: CustomEvent[] = [];
    document.addEventListener("spotbook-error", (event) => errors.push(event), { once: true });
    const element = await mount({ session: "fall-minis" });
    expect(text(find(element, "[role=alert] p"))).toBe(
      "Something went wrong on our side. Please try again in a moment.",
    );
    expect(errors[0]?.detail.code).toBe("bad_response");
  });

  it("understands an error page without a problem body by its status", async () => {
    const api = fakeApi();
    api.on("GET", /sessions/, () => new Response("Too Many Requests", { status: 429 }));
    const element = await mount({ session: "fall-minis" });
    expect(text(find(element, "[role=alert] p"))).toBe(
      "Too many attempts in a short time. Please wait a minute, then try again.",
    );
  });

  it("says a client's link could not open in plain words, and tries again by loading the page afresh", async () => {
    fakeApi();
    const reload = onDemandUnreachable();
    const element = await mount({ booking: "a-client-token" });
    expect(text(find(element, "[role=alert] p"))).toBe(
      "Something went wrong on our side. Please try again in a moment.",
    );
    expect(element.hasAttribute("aria-busy")).toBe(false);
    await click(element, find(element, "[role=alert] button"));
    expect(reload).toHaveBeenCalledOnce();
  });

  it("lets a time go at once when the step to book it does not load, and tries again by loading the page afresh", async () => {
    const api = fakeApi();
    const reload = onDemandUnreachable();
    const element = await mount({ session: "fall-minis", locale: "en-US" });
    await click(element, spotButton(element, "9:30 AM"));
    expect(text(find(element, "[role=alert] p"))).toBe(
      "Something went wrong on our side. Please try again in a moment.",
    );
    expect(text(find(element, "h3"))).toBe("Choose a time");
    // Nobody is left holding a time they cannot book: the hold is released, not left to expire.
    expect(api.requests.slice(1).map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /v1/sessions/fall-minis/holds",
      "DELETE /v1/holds/hold-1",
    ]);
    expect(spotButton(element, "9:30 AM").disabled).toBe(false);
    // A browser does not fetch a module that failed again: trying again is a fresh page.
    await click(element, find(element, "[role=alert] button"));
    expect(reload).toHaveBeenCalledOnce();
  });
});

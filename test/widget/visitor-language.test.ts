import { describe, expect, it, vi } from "vitest";
import { de } from "../../worker/domain/catalogues/de.ts";
import { fakeApi, problem } from "./fake-api.ts";
import { find, mount, settle, spotButton, text } from "./render.ts";

const heading = (element: Parameters<typeof find>[0]) => text(find(element, "h3"));
const asked = (api: ReturnType<typeof fakeApi>) =>
  new URL(String(api.fetch.mock.calls.at(-1)?.[0])).searchParams.get("lang");

describe("the visitor's language", () => {
  it("speaks the element's own lang, dates and money included", async () => {
    const api = fakeApi();
    const element = await mount({ session: "fall-minis", lang: "de-DE" });
    expect(asked(api)?.split(",")[0]).toBe("de-DE");
    expect(heading(element)).toBe("Wählen Sie eine Uhrzeit");
    expect(text(find(element, "[part=day-heading]"))).toBe("Samstag, 17. Oktober");
    expect(spotButton(element, "9:30")).toBeTruthy();
    expect(text(find(element, "p.muted[part=notice]"))).toMatch(/^Uhrzeiten in Nordamerikanische/);
  });

  it("else speaks the lang of the closest ancestor, then the page's", async () => {
    fakeApi();
    const section = document.createElement("section");
    section.lang = "fr";
    document.body.append(section);
    const element = document.createElement("spotbook-session");
    element.setAttribute("api", "https://api.test/");
    element.setAttribute("session", "fall-minis");
    section.append(element);
    await settle(element);
    expect(heading(element)).toBe("Choisissez un horaire");
    section.remove();

    document.documentElement.lang = "nl";
    const page = await mount({ session: "fall-minis" });
    expect(heading(page)).toBe("Kies een tijd");
    document.documentElement.lang = "";
  });

  it("else speaks the first of the browser's languages that Spotbook speaks", async () => {
    const api = fakeApi();
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["ja-JP", "it-IT", "en"]);
    const element = await mount({ session: "fall-minis" });
    expect(asked(api)).toBe("ja-JP,it-IT,en");
    expect(heading(element)).toBe("Scegli un orario");
  });

  it("keeps English for what shows before any answer, and for a language it does not speak", async () => {
    const api = fakeApi();
    api.on("GET", /sessions/, () => new Response("", { status: 502 }));
    const element = await mount({ session: "fall-minis", lang: "de" });
    expect(text(find(element, "[role=alert] p"))).toBe(
      "Something went wrong on our side. Please try again in a moment.",
    );
    fakeApi();
    const japanese = await mount({ session: "fall-minis", lang: "ja" });
    expect(heading(japanese)).toBe("Choose a time");
  });

  it("chooses plural forms by the language's rules", async () => {
    fakeApi({
      session: { ...(await import("./fake-api.ts")).session({ maxSeatsPerBooking: 1 }) },
      spots: [
        {
          id: "w",
          startsAt: "2026-10-17T13:30:00.000Z",
          endsAt: "2026-10-17T15:30:00.000Z",
          available: true,
          seats: 10,
          seatsLeft: 1,
        },
      ],
    });
    const french = await mount({ session: "fall-minis", lang: "fr" });
    expect(text(find(french, "button.spot .taken"))).toBe("1 place libre sur 10");
    const german = await mount({ session: "fall-minis", lang: "de" });
    expect(text(find(german, "button.spot .taken"))).toBe("1 von 10 Plätzen frei");
  });

  it("says a first-load error in the words the Worker's hosted page brings, in the visitor's language", async () => {
    const meta = document.createElement("meta");
    meta.name = "spotbook-words";
    meta.content = JSON.stringify({
      locale: "de-DE",
      messages: { forbidden: de.forbidden, retry: de.retry },
    });
    document.head.append(meta);
    const api = fakeApi();
    api.on("GET", /sessions/, () => problem(403, "forbidden"));
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const element = await mount({ session: "fall-minis" });
    expect(text(find(element, "[role=alert] p"))).toBe(de.forbidden);
    // Another site's meta of that name, or none: English.
    meta.content = "not ours";
    expect(text(find(await mount({ session: "fall-minis" }), "[role=alert] p"))).toMatch(
      /^Booking is not open/,
    );
    meta.remove();
  });
});

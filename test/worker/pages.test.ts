import { describe, expect, it } from "vitest";
import { dayText, nextMonthDay } from "../dates.ts";
import { bookHeld } from "./payments-support.ts";
import { call, hold, newSession, newSessionType, newStudio, openMultiSession } from "./support.ts";

describe("the hosted session page", () => {
  it("embeds the widget and carries Open Graph tags, escaped", async () => {
    const { token } = await newStudio({ name: "Ansel & <Co>" });
    const type = await newSessionType(token);
    const date = nextMonthDay("04-10");
    const session = await newSession(token, {
      classification: "multi",
      name: 'Minis "at dusk"',
      sessionTypeId: type.id,
      date,
      time: "17:00",
      spots: 2,
    });
    const res = await call("GET", `/s/${session.slug}`);
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<spotbook-session session="${session.slug}">`);
    expect(res.body).toContain(
      'property="og:title" content="Minis &quot;at dusk&quot; · Ansel &amp; &lt;Co&gt;"',
    );
    expect(res.body).toContain(dayText(date));
    expect(res.body).not.toContain("<Co>");
  });

  it("answers 404 for an unknown session", async () => {
    expect((await call("GET", "/s/nope")).status).toBe(404);
  });
});

const lang = (html: string) => /<html lang="([^"]*)">/.exec(html)?.[1];
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];

describe("the hosted pages in the visitor's language", () => {
  it("speak ?lang=, else the browser's language, else the studio's", async () => {
    const { session } = await openMultiSession(1, {}, { locale: "nl-NL" });
    const page = (query: string, headers: Record<string, string> = {}) =>
      call("GET", `/s/${session.slug}${query}`, { headers });
    const french = await page("?lang=fr-CA,fr", { "accept-language": "de" });
    expect(lang(french.body)).toBe("fr-CA");
    expect(french.body).toContain("Réservez chez Juniper &amp; Pine.");
    expect(lang((await page("", { "accept-language": "ja, es;q=0.5" })).body)).toBe("es");
    const dutch = await page("", { "accept-language": "ja" });
    expect(lang(dutch.body)).toBe("nl-NL");
    expect(dutch.body).toContain("Boek bij Juniper &amp; Pine.");
    expect(dutch.headers.get("vary")).toContain("accept-language");
    // A ?lang= too long to be one is no language, and the browser's is taken.
    expect(lang((await page(`?lang=${"x".repeat(300)}`, { "accept-language": "it" })).body)).toBe("it");
  });

  it("says an unknown session's page and a cancelled session in the visitor's language", async () => {
    const missing = await call("GET", "/s/nope?lang=de");
    expect(missing.status).toBe(404);
    expect(lang(missing.body)).toBe("de");
    expect(title(missing.body)).toBe("Session nicht gefunden");
    expect(missing.body).toContain("Hier ist keine Session");
    expect(missing.body).not.toContain("No session here");

    const { token, session } = await openMultiSession(1);
    await call("POST", `/v1/admin/sessions/${session.id}/cancel`, { token });
    const cancelled = await call("GET", `/s/${session.slug}`, { headers: { "accept-language": "es-ES" } });
    expect(cancelled.body).toContain("Juniper &amp; Pine canceló esta sesión. No hay nada que reservar.");
    expect(cancelled.body).not.toContain("<spotbook-session");
  });

  it("serves /book/ with its title and lang in the visitor's language, else the booking's", async () => {
    const browser = await call("GET", "/book/?spotbook-offer=whatever", {
      headers: { "accept-language": "it-IT" },
    });
    expect(browser.status).toBe(200);
    expect(lang(browser.body)).toBe("it-IT");
    expect(title(browser.body)).toBe("La tua prenotazione");
    expect(browser.body).toContain("<spotbook-session></spotbook-session>");
    expect(browser.headers.get("referrer-policy")).toBe("no-referrer");

    const { session, spotIds } = await openMultiSession(2);
    const held = await hold(session.slug, spotIds[0] as string);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name: "Jörg", email: "joerg@example.com" }, locale: "de-DE" },
    });
    const german = await call("GET", `/book/?spotbook=${booked.body.booking.token}`);
    expect(lang(german.body)).toBe("de-DE");
    expect(title(german.body)).toBe("Ihre Buchung");
    // The widget's words before its answer come with the page, in that language.
    expect(german.body).toContain("&quot;loadingBooking&quot;:&quot;Ihre Buchung wird geladen…&quot;");
    // A booking made with no language of its own: the studio's.
    const plain = await bookHeld(session.slug, spotIds[1] as string);
    expect(lang((await call("GET", `/book/?spotbook=${plain.token}`)).body)).toBe("en-US");

    const unknown = await call("GET", "/book/?spotbook=nope", { headers: { "accept-language": "nl" } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain("We konden deze boeking niet vinden.");
    expect(unknown.body).not.toContain("<spotbook-session");
  });
});

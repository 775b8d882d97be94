import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { en, enMail } from "../../worker/domain/catalogues/en.ts";
import {
  acceptedLanguages,
  type Catalogue,
  catalogues,
  languages,
  mailCatalogues,
  negotiate,
  translate,
} from "../../worker/domain/catalogues/index.ts";
import { translations } from "../../worker/domain/catalogues/translations.ts";
import { loadCatalogues } from "../../worker/services/catalogue-assets.ts";
import { call, hold, openMultiSession } from "./support.ts";

/** The catalogues as written, the source the assets are built from (catalogue-assets.test.ts checks they match). */
const written: Record<string, { visitor: Catalogue; mail: typeof enMail }> = {
  en: { visitor: en, mail: enMail },
  ...translations,
};

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const forms = (message: Catalogue[keyof Catalogue]) =>
  typeof message === "string" ? [message] : Object.values(message);

describe("message catalogues", () => {
  beforeAll(() => loadCatalogues(env.ASSETS));

  it("speak English, German, French, Spanish, Dutch, Portuguese and Italian", () => {
    expect(Object.keys(written).sort()).toEqual(["de", "en", "es", "fr", "it", "nl", "pt"]);
    expect([...languages].sort()).toEqual(Object.keys(written).sort());
  });

  for (const [language, { visitor: catalogue }] of Object.entries(written)) {
    describe(language, () => {
      it("has every key of the English catalogue and no other", () => {
        expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
      });

      it("keeps every placeholder of each message, in every plural form", () => {
        for (const key of Object.keys(en) as (keyof Catalogue)[]) {
          const wanted = placeholders(forms(en[key]).at(-1) ?? "");
          for (const form of forms(catalogue[key])) {
            expect(form.trim(), `${language}.${key}`).not.toBe("");
            expect(placeholders(form), `${language}.${key}: ${form}`).toEqual(wanted);
          }
        }
      });

      it("gives each plural exactly the categories of the language's Intl.PluralRules", () => {
        const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories.sort();
        for (const key of Object.keys(en) as (keyof Catalogue)[]) {
          const message = catalogue[key];
          expect(typeof message, `${language}.${key}`).toBe(typeof en[key]);
          if (typeof message !== "string") {
            expect(Object.keys(message).sort(), `${language}.${key}`).toEqual(categories);
          }
        }
      });
    });
  }

  describe("of the client's emails", () => {
    it("speak the same languages as the visitor's words", () => {
      expect(Object.keys(mailCatalogues).sort()).toEqual(Object.keys(catalogues).sort());
    });

    it("have every key of the English and each of its placeholders, whatever the language", () => {
      const keys = Object.keys(enMail).sort();
      fc.assert(
        fc.property(
          fc.constantFrom(...Object.keys(written)),
          fc.constantFrom(...(keys as (keyof typeof enMail)[])),
          (language, key) => {
            const catalogue = written[language]?.mail ?? enMail;
            expect(Object.keys(catalogue).sort()).toEqual(keys);
            const message = catalogue[key];
            expect(message.trim(), `${language}.${key}`).not.toBe("");
            expect(placeholders(message), `${language}.${key}: ${message}`).toEqual(
              placeholders(enMail[key]),
            );
          },
        ),
        { numRuns: 500 },
      );
    });
  });

  it("chooses the plural by the language's rules and fills the placeholders", () => {
    expect(translate(catalogues.en as Catalogue, "en", "seatsLeft", { count: 7, seats: 10 })).toBe(
      "7 of 10 seats left",
    );
    expect(translate(catalogues.fr as Catalogue, "fr", "seatCount", { count: 0 })).toBe("0 place");
    expect(translate(catalogues.de as Catalogue, "de", "seatCount", { count: 1 })).toBe("1 Platz");
  });

  it("takes the first language wanted that it speaks, keeping its region for dates", () => {
    expect(negotiate(["ja", "de-AT", "fr"]).locale).toBe("de-AT");
    expect(negotiate(["de-AT"]).messages).toBe(catalogues.de);
    expect(negotiate(["ja", "not a tag!"]).locale).toBe("en");
    expect(acceptedLanguages("fr-CH, fr;q=0.9, en;q=0.8, *;q=0.1, de;q=0")).toEqual(["fr-CH", "fr", "en"]);
    expect(acceptedLanguages("en;q=0.5, nl")).toEqual(["nl", "en"]);
  });

  it("never fails on whatever a browser or a page sends as its languages", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (header) => {
        const { locale, messages } = negotiate([...acceptedLanguages(header), ...header.split(",")]);
        expect(Object.values(catalogues)).toContain(messages);
        expect(Intl.getCanonicalLocales(locale)).toHaveLength(1);
      }),
    );
  });
});

describe("the visitor's language", () => {
  it("answers a session in the language the widget asks for, else the browser's", async () => {
    const { session } = await openMultiSession(1);
    const german = await call("GET", `/v1/sessions/${session.slug}?lang=de-DE,en`);
    expect(german.body).toMatchObject({
      locale: "de-DE",
      messages: { chooseTime: "Wählen Sie eine Uhrzeit" },
    });
    const french = await call("GET", `/v1/sessions/${session.slug}`, {
      headers: { "accept-language": "ja, fr-FR;q=0.9" },
    });
    expect(french.body).toMatchObject({ locale: "fr-FR", messages: { chooseTime: "Choisissez un horaire" } });
    expect(french.headers.get("vary")).toContain("accept-language");
    const unknown = await call("GET", `/v1/sessions/${session.slug}?lang=ja`);
    expect(unknown.body.locale).toBe("en");
  });

  it("serves the hosted session page in the browser's language", async () => {
    const { session } = await openMultiSession(1);
    const page = await call("GET", `/s/${session.slug}`, { headers: { "accept-language": "it-IT,it" } });
    expect(page.body).toContain('<html lang="it-IT">');
    expect(page.body).toContain("Prenota con Juniper &amp; Pine.");
  });

  it("records the language a visitor booked in", async () => {
    const { session, spotIds } = await openMultiSession(1);
    const held = await hold(session.slug, spotIds[0] as string);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name: "Nadar", email: "nadar@example.com" }, locale: "fr-FR" },
    });
    expect(booked.status).toBe(201);
    const row = await env.DB.prepare("SELECT locale FROM bookings WHERE id = ?")
      .bind(held.body.hold.id)
      .first<{ locale: string }>();
    expect(row?.locale).toBe("fr-FR");
  });
});

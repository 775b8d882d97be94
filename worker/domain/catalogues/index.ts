import { type Catalogue, en, enMail, type MailCatalogue, type MailKey, type Message } from "./en.ts";

export type { Catalogue, MailKey, Message, MessageKey } from "./en.ts";

/** Every language the visitor's pages and the client's emails speak, by its base subtag. */
export const languages = ["en", "de", "fr", "es", "nl", "pt", "it"] as const;
export type Language = (typeof languages)[number];

/** One language's words: the visitor's, and the client's emails'. */
export type Translation = { visitor: Catalogue; mail: MailCatalogue };

/**
 * The visitor's words by language. English is built in (the fallback, and the photographer's own
 * notices); the others are static assets, not part of the Worker's bundle (translations.ts), which
 * the Worker installs once per isolate before it says anything (services/catalogue-assets.ts).
 */
export const catalogues: Record<string, Catalogue> = { en };

/** The client's emails in the same languages (never sent to the widget), installed alike. */
export const mailCatalogues: Record<string, MailCatalogue> = { en: enMail };

/** The static asset the build writes every language's words but English's into (translations.ts). */
export const translationsAsset = "/catalogues.json";

/** Makes `translations`' languages speak, as the words of the catalogues above. */
export function installCatalogues(translations: Partial<Record<Language, Translation>>): void {
  for (const [language, words] of Object.entries(translations)) {
    catalogues[language] = words.visitor;
    mailCatalogues[language] = words.mail;
  }
}

const spoken = new Set<string>(languages);

/**
 * Told of a language Spotbook speaks whose words are not installed: a missed load. The Worker then
 * answers in English (the loader has logged why); the tests make it throw, so a way in that
 * forgets to load is found there.
 */
let notInstalled: (language: string) => void = () => {};
export const whenNotInstalled = (report: (language: string) => void): void => {
  notInstalled = report;
};

/** `registry`'s words for `language`, when installed. */
function installed<T>(registry: Record<string, T>, language: string): T | undefined {
  const words = registry[language];
  if (!words && spoken.has(language)) notInstalled(language);
  return words;
}

/** A canonical tag's language, the key of its catalogue ("de-AT" is "de"). */
export const languageOf = (locale: string): string => locale.split("-")[0]?.toLowerCase() ?? "";

/**
 * The visitor's language: the first of the tags they prefer (in order) whose language has a
 * catalogue, kept whole for dates and money ("de-AT" reads German words, Austrian dates); else
 * English (as for a language whose words are not installed).
 */
export function negotiate(preferred: readonly string[]): { locale: string; messages: Catalogue } {
  for (const tag of preferred) {
    let locale: string | undefined;
    try {
      locale = Intl.getCanonicalLocales(tag.trim())[0];
    } catch {
      continue;
    }
    const messages = locale && installed(catalogues, languageOf(locale));
    if (locale && messages) return { locale, messages };
  }
  return { locale: "en", messages: en };
}

/** An Accept-Language header's tags, most wanted first ("fr-CH, fr;q=0.9, en;q=0.8"). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .slice(0, 20)
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((l) => l.tag && l.tag !== "*" && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

/** A message with its placeholders filled, its plural chosen by `count` in the locale's rules. */
export function translate(
  messages: Catalogue,
  locale: string,
  key: keyof Catalogue,
  params: Record<string, string | number> = {},
): string {
  return fill(messages[key] ?? en[key], locale, params);
}

/** One message's words: the plural form `count` takes in the locale, its placeholders filled. */
function fill(message: Message, locale: string, params: Record<string, string | number>): string {
  const words =
    typeof message === "string"
      ? message
      : (message[new Intl.PluralRules(locale).select(Number(params.count ?? 0))] ?? message.other ?? "");
  return words.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

/** The visitor's words in `locale` (its language's catalogue, else English), for what the Worker says in them. */
export function visitorWords(locale: string) {
  const messages = installed(catalogues, languageOf(locale)) ?? en;
  return (key: keyof Catalogue, params?: Record<string, string | number>) =>
    translate(messages, locale, key, params);
}

export type Say = (key: MailKey, params?: Record<string, string | number>) => string;

/**
 * An email's words in `locale`, one of `negotiate`'s answers: the client's language when Spotbook
 * speaks it, else the studio's, else English (see `mailLocale`).
 */
export function mailWords(locale: string): Say {
  const words = installed(mailCatalogues, languageOf(locale)) ?? enMail;
  return (key, params = {}) => fill(words[key], locale, params);
}

/** The language of a client's email: the one they booked in, else the studio's, as `negotiate` reads them. */
export const mailLocale = (client: string | null | undefined, studio: string): string =>
  negotiate(client ? [client, studio] : [studio]).locale;

import { de } from "./de.ts";
import { type Catalogue, en } from "./en.ts";
import { es } from "./es.ts";
import { fr } from "./fr.ts";
import { it } from "./it.ts";
import { nl } from "./nl.ts";
import { pt } from "./pt.ts";

export type { Catalogue, Message, MessageKey } from "./en.ts";

/** Every language the visitor's pages speak, by its base subtag. */
export const catalogues: Record<string, Catalogue> = { en, de, fr, es, nl, pt, it };

/**
 * The visitor's language: the first of the tags they prefer (in order) whose language has a
 * catalogue, kept whole for dates and money ("de-AT" reads German words, Austrian dates); else
 * English.
 */
export function negotiate(preferred: readonly string[]): { locale: string; messages: Catalogue } {
  for (const tag of preferred) {
    let locale: string | undefined;
    try {
      locale = Intl.getCanonicalLocales(tag.trim())[0];
    } catch {
      continue;
    }
    const messages = locale && catalogues[locale.split("-")[0]?.toLowerCase() ?? ""];
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
  let message = messages[key] ?? en[key];
  if (typeof message !== "string") {
    const form = new Intl.PluralRules(locale).select(Number(params.count ?? 0));
    message = message[form] ?? message.other ?? "";
  }
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

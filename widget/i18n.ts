import { early } from "../worker/domain/catalogues/en.ts";

/**
 * The visitor's words. The session's (or booking's) answer brings every message in the visitor's
 * language (worker/domain/catalogues); the widget itself carries only the English of what shows
 * before or without an answer (loading, errors). `{name}` is a placeholder; an object is a
 * plural, chosen by `count` through Intl.PluralRules of the answer's locale.
 */
export type Messages = Record<string, string | Record<string, string>>;
export type Words = { locale: string; messages: Messages };

const fallback: Words = { locale: "en", messages: early };
let active = fallback;
const plurals = new Map<string, Intl.PluralRules>();

/** The hosted page's words as last read, by the meta's content: each render while loading asks. */
let read: { content: string; words: Words } = { content: "", words: fallback };

/**
 * The words before or without an answer: on the Worker's hosted pages, which bring them in the
 * visitor's language (`<meta name="spotbook-words">`), those; elsewhere the English.
 */
function beforeAnswer(): Words {
  const content = document.querySelector<HTMLMetaElement>("meta[name=spotbook-words]")?.content ?? "";
  if (content !== read.content) {
    let words = fallback;
    try {
      const parsed = JSON.parse(content);
      if (typeof parsed.locale === "string" && typeof parsed.messages === "object") words = parsed;
    } catch {
      // Not ours: English.
    }
    read = { content, words };
  }
  return read.words;
}

/**
 * Speaks `words` from now on (the flow on screen calls it before rendering or reporting); one
 * page may hold elements in different languages, and each renders in its own turn.
 */
export function speak(words: Words | undefined): void {
  active = words ?? beforeAnswer();
}

export function t(key: string, params: Record<string, string | number> = {}): string {
  let message = active.messages[key] ?? fallback.messages[key] ?? "";
  if (typeof message !== "string") {
    let rules = plurals.get(active.locale);
    if (!rules) {
      rules = new Intl.PluralRules(active.locale);
      plurals.set(active.locale, rules);
    }
    message = message[rules.select(Number(params.count))] ?? message.other ?? "";
  }
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
}

import { mailWords } from "./catalogues/index.ts";
import { escapeHtml } from "./html.ts";
import type { AppointmentLinks } from "./links.ts";
import {
  type AppointmentFacts,
  chargesText,
  formatWhen,
  kindWords,
  type Message,
  type MoneyFacts,
  mailDocument,
} from "./messages.ts";
import { formatMoney } from "./money.ts";

/*
 * The photographer's email templates: a subject and a plain-text body with placeholders such as
 * {{client}}. The default of every kind is in code (worker/domain/catalogues), so a kind added in
 * code has its default without a migration; only the photographer's own templates are stored.
 * Placeholders are values, never markup: a client named "<b>" reads as <b>, in the HTML as in the text.
 *
 * Languages: an untouched default reaches each client in their own language, but a template the
 * photographer wrote is their words, sent as written to every client, with its dates and amounts
 * in the studio's locale to match. We do not guess a translation of someone's own text, and one
 * template per kind keeps the choice per session type simple.
 */

/** The messages whose template a session type (or a session) chooses, with their names. */
export const templateKinds = {
  confirmation_request: "Confirmation request",
  spot_reserved: "Spot reserved",
  booking_confirmed: "Receipt",
  payment_reminder: "Payment reminder",
  session_reminder: "Session reminder",
  announcement: "Announcement",
} as const;
export type TemplateKind = keyof typeof templateKinds;
export const templateKindList = Object.keys(templateKinds) as TemplateKind[];
export const isTemplateKind = (kind: string): kind is TemplateKind => Object.hasOwn(templateKinds, kind);

export const placeholders = {
  studio: "the studio's name",
  session: "the session's name",
  client: "the client's name",
  when: "the date and time, in the session's time zone",
  location: "where the session is (blank when not set)",
  amount: "the booking's amount",
  charges: "the price line by line: package, extra people, add-ons, code, tax and total",
  paid: "what the client has paid",
  balance: "the balance due",
  how_to_pay: "how to pay: online from the link, or the studio's payment instructions",
  link: "the client's booking link",
  calendar_link: "the link that adds the session to a calendar",
  dates: "the session's dates, first to last (announcements)",
  price_from: "the lowest package price (announcements)",
  unsubscribe_link: "the link that stops announcements (announcements only)",
} as const;
export type Placeholder = keyof typeof placeholders;
export type TemplateValues = Record<Placeholder, string>;

/** Placeholders whose value is an address: a link in the HTML. */
const links = new Set<Placeholder>(["link", "calendar_link", "unsubscribe_link"]);

export type Template = { subject: string; body: string };

/** The values as themselves, to write a default as a template: `{{client}}` for the client. */
const asPlaceholders = Object.fromEntries(Object.keys(placeholders).map((n) => [n, `{{${n}}}`]));

/**
 * A kind's default text as a template, in `locale`'s words: what a new template starts from (the
 * studio's language), the same words the kind sends when no template is chosen.
 */
export function defaultTemplate(kind: TemplateKind, locale: string): Template {
  const say = mailWords(locale);
  if (kind === "announcement") {
    return {
      subject: say("announceSubject", asPlaceholders),
      body: [
        say("hi", asPlaceholders),
        say("announceNews", asPlaceholders),
        `{{session}}\n{{dates}}\n{{location}}\n${say("announceFrom", asPlaceholders)}`,
        `${say("announceAction")}: {{link}}`,
        say("signed", asPlaceholders),
        say("announceStop", asPlaceholders),
      ].join("\n\n"),
    };
  }
  const w = kindWords[kind];
  const after: Partial<Record<TemplateKind, string>> = {
    booking_confirmed: `{{charges}}\n${say("paid", { amount: "{{paid}}" })}\n${say("balance", { amount: "{{balance}}" })}`,
    payment_reminder: "{{charges}}\n\n{{how_to_pay}}",
  };
  return {
    subject: say(w.subject, asPlaceholders),
    body: [
      say("hi", asPlaceholders),
      say(w.news, asPlaceholders),
      "{{session}}\n{{when}}\n{{location}}",
      after[kind],
      `${say(w.action)}: {{link}}`,
      `${say("calendar")}: {{calendar_link}}`,
      say("signed", asPlaceholders),
    ]
      .filter(Boolean)
      .join("\n\n"),
  };
}

/** Every kind's default in `locale`'s words (the admin API's, in the studio's language). */
export const defaultTemplatesIn = (locale: string) =>
  Object.fromEntries(templateKindList.map((kind) => [kind, defaultTemplate(kind, locale)])) as Record<
    TemplateKind,
    Template
  >;

const token = /\{\{\s*([a-z_]+)\s*\}\}/g;

/** The placeholders a text names that do not exist, to refuse a template that would show them raw. */
export function unknownPlaceholders(text: string): string[] {
  return [...text.matchAll(token)].flatMap((m) => (Object.hasOwn(placeholders, m[1] ?? "") ? [] : [m[0]]));
}

/** The text with each placeholder replaced by `value(name)` and the text between by `literal`. */
function fill(text: string, literal: (s: string) => string, value: (name: Placeholder) => string): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(token)) {
    const name = m[1] as Placeholder;
    out += literal(text.slice(last, m.index));
    out += Object.hasOwn(placeholders, name) ? value(name) : literal(m[0]);
    last = m.index + m[0].length;
  }
  return out + literal(text.slice(last));
}

/** The message a template makes for these values: the HTML escapes every value and every word typed. */
export function renderTemplate(t: Template, values: TemplateValues): Message {
  // A subject is one header line: the line breaks a value might carry become spaces.
  const subject = fill(
    t.subject,
    (s) => s,
    (n) => values[n],
  )
    .replace(/[\r\n]+/g, " ")
    .trim();
  const text = fill(
    t.body,
    (s) => s,
    (n) => values[n],
  );
  const html = fill(t.body, escapeHtml, (n) => {
    if (!links.has(n)) return escapeHtml(values[n]);
    // An address has no spaces: any a value carries are dropped, not turned into markup.
    const url = escapeHtml(values[n].replace(/\s+/g, ""));
    return url ? `<a href="${url}">${url}</a>` : "";
  })
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  return { subject, text, html: mailDocument(html) };
}

/**
 * The values of a client's appointment, as every template of these kinds reads them: in the
 * studio's locale, the language its own words are in (`howToPay` too).
 */
export function templateValues(
  f: AppointmentFacts,
  m: MoneyFacts | null,
  appointment: AppointmentLinks,
  howToPay: string,
): TemplateValues {
  const money = (cents: number) => (m ? formatMoney(cents, m.currency, f.studioLocale) : "");
  return {
    studio: f.studioName,
    session: f.sessionName,
    client: f.clientName,
    when: formatWhen({ ...f, locale: f.studioLocale }),
    location: f.location,
    amount: money(m?.amountCents ?? 0),
    charges: m ? chargesText(m, f.studioLocale) : "",
    paid: money(m?.paidCents ?? 0),
    balance: money(m?.balanceCents ?? 0),
    how_to_pay: howToPay,
    link: appointment.page,
    calendar_link: appointment.calendar,
    // An appointment's own day and price; an appointment email has nothing to unsubscribe from.
    dates: formatWhen({ ...f, locale: f.studioLocale }),
    price_from: money(m?.amountCents ?? 0),
    unsubscribe_link: "",
  };
}

import { escapeHtml } from "./html.ts";
import type { AppointmentLinks } from "./links.ts";
import {
  type AppointmentFacts,
  formatWhen,
  type Message,
  type MoneyFacts,
  mailDocument,
} from "./messages.ts";
import { formatMoney } from "./money.ts";

/*
 * The photographer's email templates: a subject and a plain-text body with placeholders such as
 * {{client}}. The default of every kind is here in code, so a kind added in code has its default
 * without a migration; only the photographer's own templates are stored. Placeholders are values,
 * never markup: a client named "<b>" reads as <b>, in the HTML as in the text.
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

const details = "{{session}}\n{{when}}\n{{location}}";
const signed = "Add to calendar: {{calendar_link}}\n\n— {{studio}}";

/** Today's texts, as templates: what a new template starts from and what a kind sends by default. */
export const defaultTemplates: Record<TemplateKind, Template> = {
  confirmation_request: {
    subject: "Please confirm your session: {{session}}",
    body: `Hi {{client}},\n\n{{studio}} has scheduled your session. Please check the details, confirm and pay:\n\n${details}\n\nReview and confirm: {{link}}\n\n${signed}`,
  },
  spot_reserved: {
    subject: "A spot is reserved for you: {{session}}",
    body: `Hi {{client}},\n\n{{studio}} reserved a spot for you. Please confirm it and pay to keep it:\n\n${details}\n\nConfirm my spot: {{link}}\n\n${signed}`,
  },
  booking_confirmed: {
    subject: "Booked: {{session}}",
    body: `Hi {{client}},\n\nYour session with {{studio}} is confirmed.\n\n${details}\n\nPaid: {{paid}}\nBalance due: {{balance}}\n\nView booking: {{link}}\n\n${signed}`,
  },
  payment_reminder: {
    subject: "Payment reminder: {{session}}",
    body: `Hi {{client}},\n\nA balance of {{balance}} is due for your session with {{studio}}.\n\n${details}\n\n{{how_to_pay}}\n\nView booking: {{link}}\n\n${signed}`,
  },
  session_reminder: {
    subject: "See you soon: {{session}}",
    body: `Hi {{client}},\n\nA reminder of your session with {{studio}}:\n\n${details}\n\nView booking: {{link}}\n\n${signed}`,
  },
  announcement: {
    subject: "New from {{studio}}: {{session}}",
    body: "Hi {{client}},\n\n{{studio}} has opened a new session:\n\n{{session}}\n{{dates}}\n{{location}}\nFrom {{price_from}}\n\nSee the times and book: {{link}}\n\n— {{studio}}\n\nNo more announcements from {{studio}}: {{unsubscribe_link}}",
  },
};

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

/** The values of a client's appointment, as every template of these kinds reads them. */
export function templateValues(
  f: AppointmentFacts,
  m: MoneyFacts | null,
  appointment: AppointmentLinks,
  howToPay: string,
): TemplateValues {
  const money = (cents: number) => (m ? formatMoney(cents, m.currency, f.locale) : "");
  return {
    studio: f.studioName,
    session: f.sessionName,
    client: f.clientName,
    when: formatWhen(f),
    location: f.location,
    amount: money(m?.amountCents ?? 0),
    paid: money(m?.paidCents ?? 0),
    balance: money(m?.balanceCents ?? 0),
    how_to_pay: howToPay,
    link: appointment.page,
    calendar_link: appointment.calendar,
    // An appointment's own day and price; an appointment email has nothing to unsubscribe from.
    dates: formatWhen(f),
    price_from: money(m?.amountCents ?? 0),
    unsubscribe_link: "",
  };
}

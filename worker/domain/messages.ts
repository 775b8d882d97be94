import type { CancelMoney } from "../../db/schema.ts";
import { type MailKey, mailLocale, mailWords, type Say, visitorWords } from "./catalogues/index.ts";
import { escapeHtml } from "./html.ts";
import type { AppointmentLinks } from "./links.ts";
import { type Amounts, balanceDue, formatMoney } from "./money.ts";
import { itemized, moneyRows, type Shown } from "./money-lines.ts";

/**
 * Every email Spotbook sends: plain data in, subject, text and HTML out. A client's come in their
 * language (`AppointmentFacts.locale`, from worker/domain/catalogues); the studio's own notices
 * stay English, as the admin is, with dates and money in the studio's locale.
 */

export type Message = { subject: string; text: string; html: string };

export type AppointmentFacts = {
  studioName: string;
  sessionName: string;
  clientName: string;
  startsAt: number;
  endsAt: number;
  timeZone: string;
  location: string;
  /** The client's language (see `mailLocale`): their email's words, dates and money. */
  locale: string;
  /** The studio's: its notices, and the photographer's own templates (their words). */
  studioLocale: string;
};

export type MoneyFacts = {
  currency: string;
  amountCents: number;
  paidCents: number;
  balanceCents: number;
  /** How the amount came about, for the price line by line (tax its own line). */
  quote?: Shown | null | undefined;
};

export const moneyFacts = (b: Amounts & { currency: string; quote?: Shown | null }): MoneyFacts => ({
  currency: b.currency,
  amountCents: b.amountCents,
  paidCents: b.paidCents,
  balanceCents: balanceDue(b),
  quote: b.quote,
});

/**
 * The price as the client saw it: line by line (package, people, add-ons, code, tax, total) when
 * there is more than one price, else "Price: $150.00". In the mail's locale (the visitor catalogue's words).
 */
export function chargesText(m: MoneyFacts, locale: string): string {
  const money = (cents: number) => formatMoney(cents, m.currency, locale);
  const say = visitorWords(locale);
  if (!m.quote || !itemized(m.quote)) return `${say("price")}: ${money(m.amountCents)}`;
  return moneyRows(m.quote, money, say)
    .map((r) => `${r.label}: ${r.value}`)
    .join("\n");
}

export function formatWhen(f: Pick<AppointmentFacts, "startsAt" | "endsAt" | "timeZone" | "locale">): string {
  const day = new Intl.DateTimeFormat(f.locale, {
    timeZone: f.timeZone,
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
  }).format(f.startsAt);
  const time = new Intl.DateTimeFormat(f.locale, {
    timeZone: f.timeZone,
    hour: "numeric",
    minute: "2-digit",
  });
  const zone = new Intl.DateTimeFormat(f.locale, { timeZone: f.timeZone, timeZoneName: "short" })
    .formatToParts(f.startsAt)
    .find((p) => p.type === "timeZoneName")?.value;
  return `${day}, ${time.format(f.startsAt)} – ${time.format(f.endsAt)}${zone ? ` (${zone})` : ""}`;
}

export type Block = { text: string } | { link: string; label: string; quiet?: boolean };

const buttonStyle =
  "display:inline-block;padding:10px 16px;background:#1f2937;color:#fff;border-radius:6px;text-decoration:none";

/** One layout for all mail: paragraphs, a call-to-action button and quiet links, escaped once here. */
export function compose(subject: string, blocks: Block[]): Message {
  const text = blocks.map((b) => ("text" in b ? b.text : `${b.label}: ${b.link}`)).join("\n\n");
  const body = blocks
    .map((b) =>
      "text" in b
        ? `<p>${escapeHtml(b.text).replace(/\n/g, "<br>")}</p>`
        : `<p><a href="${escapeHtml(b.link)}"${b.quiet ? "" : ` style="${buttonStyle}"`}>${escapeHtml(b.label)}</a></p>`,
    )
    .join("\n");
  return { subject, text, html: mailDocument(body) };
}

/** The HTML document around a message's escaped body, the same for every mail. */
export const mailDocument = (body: string): string =>
  `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">${body}</body></html>`;

/** The words of the studio's own notices: English, as the admin is (their dates and money: its locale). */
export const english = mailWords("en");

export const details = (f: AppointmentFacts, say: Say = mailWords(f.locale)): string =>
  [f.sessionName, formatWhen(f), f.location ? say("where", { location: f.location }) : ""]
    .filter(Boolean)
    .join("\n");

const amounts = (m: MoneyFacts, locale: string, say: Say): string =>
  `${chargesText(m, locale)}\n${say("paid", { amount: formatMoney(m.paidCents, m.currency, locale) })}\n${say("balance", { amount: formatMoney(m.balanceCents, m.currency, locale) })}`;

/** A client mail's own words: its subject, news and button are `${prefix}Subject` and so on. */
type Words = { subject: MailKey; news: MailKey; action?: MailKey };
const words = (prefix: string, action: MailKey = "view"): Required<Words> => ({
  subject: `${prefix}Subject` as MailKey,
  news: `${prefix}News` as MailKey,
  action,
});

/** The words of each kind a template can replace, in order: the template's default is built from them. */
export const kindWords = {
  confirmation_request: words("confirm", "confirmAction"),
  spot_reserved: words("reserved", "reservedAction"),
  booking_confirmed: words("booked"),
  payment_reminder: words("due"),
  session_reminder: words("soon"),
} satisfies Record<string, Words>;

/** Every mail to a client about their appointment: the news, the details, a button and the calendar. */
function aboutAppointment(
  w: Words,
  f: AppointmentFacts,
  links: AppointmentLinks,
  m: { params?: Record<string, string>; action?: MailKey; after?: (say: Say) => string } = {},
): Message {
  const say = mailWords(f.locale);
  const params = { session: f.sessionName, studio: f.studioName, ...m.params };
  const after = m.after?.(say);
  return compose(say(w.subject, params), [
    { text: say("hi", { client: f.clientName }) },
    { text: say(w.news, params) },
    { text: details(f, say) },
    ...(after ? [{ text: after }] : []),
    { link: links.page, label: say(m.action ?? w.action ?? "view") },
    { link: links.calendar, label: say("calendar"), quiet: true },
    { text: say("signed", params) },
  ]);
}

const moneyIn = (f: AppointmentFacts, cents: number, m: { currency: string }) =>
  formatMoney(cents, m.currency, f.locale);

const paidAndDue = (f: AppointmentFacts, m: MoneyFacts) => (say: Say) => amounts(m, f.locale, say);

export const confirmationRequest = (f: AppointmentFacts, links: AppointmentLinks, m?: MoneyFacts): Message =>
  aboutAppointment(kindWords.confirmation_request, f, links, {
    // Before a package is set the amount is not known yet: no price is said.
    ...(m && m.amountCents > 0 && { after: () => chargesText(m, f.locale) }),
  });

export const spotReserved = (f: AppointmentFacts, links: AppointmentLinks): Message =>
  aboutAppointment(kindWords.spot_reserved, f, links);

/** The receipt when a booking is confirmed, whatever was paid so far. */
export const bookingConfirmed = (f: AppointmentFacts, m: MoneyFacts, links: AppointmentLinks): Message =>
  aboutAppointment(kindWords.booking_confirmed, f, links, { after: paidAndDue(f, m) });

/** The receipt for a later payment on a booking that was already confirmed. */
export const paymentReceived = (f: AppointmentFacts, m: MoneyFacts, links: AppointmentLinks): Message =>
  aboutAppointment(words("received"), f, links, { after: paidAndDue(f, m) });

/**
 * A balance is due. With online payment the button leads to paying it; without, the studio's
 * payment instructions (`offline`) say how it is paid and the button only shows the booking.
 */
export const paymentReminder = (
  f: AppointmentFacts,
  m: MoneyFacts,
  links: AppointmentLinks,
  offline?: string,
): Message =>
  aboutAppointment(kindWords.payment_reminder, f, links, {
    params: { balance: moneyIn(f, m.balanceCents, m) },
    ...(offline === undefined && { action: "payAction" }),
    after: (say) =>
      [chargesText(m, f.locale), offline === undefined ? "" : offlinePayment(offline, say)]
        .filter(Boolean)
        .join("\n\n"),
  });

/** How a client without online payment pays: the studio's instructions, or at the session. */
const offlinePayment = (paymentInstructions: string, say: Say): string =>
  paymentInstructions.trim() || say("payAtSession");

/** How a client pays a balance, in `locale`: online from their link, or as the studio's instructions say. */
export const howToPayText = (online: boolean, paymentInstructions: string, locale: string): string => {
  const say = mailWords(locale);
  return online ? say("payOnline") : offlinePayment(paymentInstructions, say);
};

export const sessionReminder = (f: AppointmentFacts, links: AppointmentLinks): Message =>
  aboutAppointment(kindWords.session_reminder, f, links);

/** The whole session is called off: what was paid is said, and that the studio refunds it. */
export const sessionCancelled = (f: AppointmentFacts, m: MoneyFacts, links: AppointmentLinks): Message =>
  aboutAppointment({ subject: "cancelledSubject", news: "calledOffNews" }, f, links, {
    after: (say) =>
      m.paidCents > 0
        ? say("refundDue", { amount: moneyIn(f, m.paidCents, m), studio: f.studioName })
        : say("nothingOwed"),
  });
/** To the next person on a waitlist: a freed spot is held for them until `holdUntil`. */
export const waitlistOffer = (f: AppointmentFacts, holdUntil: number, link: string): Message => {
  const until = new Intl.DateTimeFormat(f.locale, {
    timeZone: f.timeZone,
    dateStyle: "full",
    timeStyle: "short",
  }).format(holdUntil);
  const say = mailWords(f.locale);
  const params = { session: f.sessionName, studio: f.studioName, until };
  return compose(say("offerSubject", params), [
    { text: say("hi", { client: f.clientName }) },
    { text: say("offerNews", params) },
    { text: details(f, say) },
    { link, label: say("offerAction") },
    { text: say("signed", params) },
  ]);
};

/** What a paid Checkout brought in, as Stripe's event states it: it may state no amount. */
export type PaidAmount = { amountCents: number | null; currency: string };

/**
 * Why money must go back: the booking could not take it (it was cancelled, its spot went to
 * someone else, or it was already paid), or the payment was not what Spotbook asked for (less or
 * more, another currency, or a Checkout Spotbook never opened for this booking: `asked` null).
 */
export type RefundReason =
  | { kind: "booking_unavailable" }
  | { kind: "not_as_asked"; asked: { amountCents: number; currency: string } | null };

/** An amount as the studio reads it; one Stripe stated oddly is still shown, never dropped. */
function paidAmount(p: PaidAmount, locale: string): string {
  if (p.amountCents === null) return "an amount Stripe did not state";
  if (/^[A-Z]{3}$/.test(p.currency)) return formatMoney(p.amountCents, p.currency, locale);
  return `${p.amountCents} (smallest units of currency "${p.currency}")`;
}

/** To the studio: money arrived that no booking takes, so it must be refunded by hand. */
export function refundNeeded(
  f: AppointmentFacts,
  payment: PaidAmount & { reference: string; clientEmail: string },
  reason: RefundReason = { kind: "booking_unavailable" },
): Message {
  const amount = paidAmount(payment, f.studioLocale);
  const paid = `${f.clientName} (${payment.clientEmail}) paid ${amount} online`;
  const why =
    reason.kind === "booking_unavailable"
      ? `${paid}, but their booking could not take it: it was cancelled, its spot was booked by someone else meanwhile, or it was already paid.`
      : reason.asked
        ? `${paid}, but that does not match what was asked: the Checkout asked for ${formatMoney(reason.asked.amountCents, reason.asked.currency, f.studioLocale)}. The booking was not confirmed and nothing was credited to it.`
        : `${paid}, but that does not match what was asked: Spotbook opened no such Checkout for this booking. The booking was not confirmed and nothing was credited to it.`;
  const subject = `Refund needed: ${payment.amountCents === null ? "a payment" : amount} for ${f.sessionName}`;
  return compose(subject, [
    { text: why },
    { text: details(studioSide(f), english) },
    { text: `Please refund the payment in your Stripe dashboard (Checkout session ${payment.reference}).` },
  ]);
}

/**
 * What Stripe's payment page says of a Checkout: the session and package, then what the money is
 * for and when. A deposit or a balance says so in its name ("Deposit for Fall Minis — Mini").
 */
export function checkoutItem(f: AppointmentFacts, packageName: string, amounts: Amounts, dueCents: number) {
  const say = mailWords(f.locale);
  const purpose = say(
    dueCents < balanceDue(amounts) ? "deposit" : amounts.paidCents > 0 ? "balancePart" : "payInFull",
  );
  const name = `${f.sessionName} — ${packageName}`;
  return {
    name,
    partName:
      dueCents < balanceDue(amounts) || amounts.paidCents > 0 ? say("partFor", { purpose, name }) : name,
    description: `${purpose} · ${formatWhen(f)} · ${f.studioName}`,
  };
}

/** The facts of an appointment; `clientLocale` is the client's language (see `mailLocale`), if known. */
export const appointmentFacts = (
  studio: { name: string; locale: string },
  session: { name: string; timeZone: string; location: string },
  spot: { startsAt: number; endsAt: number },
  client: { name: string },
  clientLocale?: string | null,
): AppointmentFacts => ({
  studioName: studio.name,
  sessionName: session.name,
  clientName: client.name,
  startsAt: spot.startsAt,
  endsAt: spot.endsAt,
  timeZone: session.timeZone,
  location: session.location,
  locale: mailLocale(clientLocale, studio.locale),
  studioLocale: studio.locale,
});

/** The same facts as the studio reads them: dates and money in its locale. */
export const studioSide = (f: AppointmentFacts): AppointmentFacts => ({ ...f, locale: f.studioLocale });

/** A time the booking had, as its reader writes dates. */
const formatWas = (f: AppointmentFacts, was: { startsAt: number; endsAt: number }) =>
  formatWhen({ ...f, ...was });

type Spot = { startsAt: number; endsAt: number };

/** To the client: they moved their booking to another time (or the studio moved the session). */
export const bookingMoved = (f: AppointmentFacts, links: AppointmentLinks, was: Spot): Message =>
  aboutAppointment(words("moved"), f, links, {
    params: { was: formatWas(f, was) },
    after: (say) => say("calendarUpdate"),
  });

/** To every booked client when the studio moves the whole session (rain date, running late). */
export const sessionMoved = (f: AppointmentFacts, links: AppointmentLinks, was: Spot): Message =>
  aboutAppointment(words("shifted"), f, links, {
    params: { was: formatWas(f, was) },
    after: (say) => say("calendarUpdate"),
  });

/** What a cancellation did with the money paid, for the client's and the studio's email. */
export type MoneyOutcome = { outcome: CancelMoney; amountCents: number; currency: string };

const moneyWords = (money: MoneyOutcome, locale: string, say: Say): string =>
  money.amountCents === 0
    ? say("nothingPaid")
    : say(({ refund: "refunded", keep: "kept", credit: "credit" } as const)[money.outcome], {
        amount: formatMoney(money.amountCents, money.currency, locale),
      });

/** To the client: their booking is cancelled, and what becomes of what they paid. */
export const bookingCancelled = (
  f: AppointmentFacts,
  links: AppointmentLinks,
  money: MoneyOutcome,
): Message =>
  aboutAppointment({ subject: "cancelledSubject", news: "cancelledNews" }, f, links, {
    params: { money: moneyWords(money, f.locale, mailWords(f.locale)) },
    after: (say) => say("calendarRemove"),
  });

/** To the studio: a client moved or cancelled their own booking. */
export function clientChangedBooking(
  client: AppointmentFacts,
  change: { clientEmail: string } & (
    | { kind: "moved"; was: Spot }
    | { kind: "cancelled"; money: MoneyOutcome }
  ),
): Message {
  const f = studioSide(client);
  const who = `${f.clientName} (${change.clientEmail})`;
  return change.kind === "moved"
    ? compose(`${f.clientName} moved their booking: ${f.sessionName}`, [
        { text: `${who} moved their booking from ${formatWas(f, change.was)} to:` },
        { text: details(f, english) },
      ])
    : compose(`${f.clientName} cancelled: ${f.sessionName}`, [
        { text: `${who} cancelled their booking. ${moneyWords(change.money, f.locale, english)}` },
        { text: details(f, english) },
      ]);
}

/** To the studio: something happened to a booking (see domain/notices.ts), with a link to the session. */
export function studioNotice(
  kind: "booked" | "confirmed" | "paid",
  client: AppointmentFacts,
  m: MoneyFacts,
  sessionPage: string,
  /** What the client answered and signed, when they did. */
  forms: Block[] = [],
): Message {
  const f = studioSide(client);
  const { subject, news } = {
    booked: {
      subject: `New booking: ${f.clientName}, ${f.sessionName}`,
      news: `${f.clientName} booked a spot.`,
    },
    confirmed: {
      subject: `Confirmed: ${f.clientName}, ${f.sessionName}`,
      news: `${f.clientName} confirmed their booking.`,
    },
    paid: {
      subject: `Payment received: ${f.clientName}, ${f.sessionName}`,
      news: `${f.clientName} paid online.`,
    },
  }[kind];
  return compose(subject, [
    { text: news },
    { text: details(f, english) },
    { text: amounts(m, f.locale, english) },
    ...forms,
    { link: sessionPage, label: "Open the session" },
  ]);
}

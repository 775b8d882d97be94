import { en } from "./catalogues/en.ts";
import { translate } from "./catalogues/index.ts";
import { escapeHtml } from "./html.ts";
import type { AppointmentLinks } from "./links.ts";
import { type Amounts, balanceDue, formatMoney } from "./money.ts";
import { itemized, moneyRows, type Shown } from "./money-lines.ts";

/** The words of every email Spotbook sends: plain data in, subject, text and HTML out. */

export type Message = { subject: string; text: string; html: string };

export type AppointmentFacts = {
  studioName: string;
  sessionName: string;
  clientName: string;
  startsAt: number;
  endsAt: number;
  timeZone: string;
  location: string;
  locale: string;
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
 * there is more than one price, else "Price: $150.00". Mail speaks English (the catalogue's).
 */
export function chargesText(m: MoneyFacts, locale: string): string {
  const money = (cents: number) => formatMoney(cents, m.currency, locale);
  if (!m.quote || !itemized(m.quote)) return `Price: ${money(m.amountCents)}`;
  return moneyRows(m.quote, money, (key, params) => translate(en, "en", key, params))
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

export const details = (f: AppointmentFacts): string =>
  [`${f.sessionName}`, formatWhen(f), f.location ? `Where: ${f.location}` : ""].filter(Boolean).join("\n");

const amounts = (m: MoneyFacts, locale: string): Block => ({
  text: `${chargesText(m, locale)}\nPaid: ${formatMoney(m.paidCents, m.currency, locale)}\nBalance due: ${formatMoney(m.balanceCents, m.currency, locale)}`,
});

/** Every mail to a client about their appointment: the news, the details, a button and the calendar. */
function aboutAppointment(
  subject: string,
  f: AppointmentFacts,
  links: AppointmentLinks,
  m: { news: string; action: string; after?: Block },
): Message {
  return compose(subject, [
    { text: `Hi ${f.clientName},` },
    { text: m.news },
    { text: details(f) },
    ...(m.after ? [m.after] : []),
    { link: links.page, label: m.action },
    { link: links.calendar, label: "Add to calendar", quiet: true },
    { text: `— ${f.studioName}` },
  ]);
}

export const confirmationRequest = (f: AppointmentFacts, links: AppointmentLinks, m?: MoneyFacts): Message =>
  aboutAppointment(`Please confirm your session: ${f.sessionName}`, f, links, {
    news: `${f.studioName} has scheduled your session. Please check the details, confirm and pay:`,
    action: "Review and confirm",
    // Before a package is set the amount is not known yet: no price is said.
    ...(m && m.amountCents > 0 && { after: { text: chargesText(m, f.locale) } }),
  });

export const spotReserved = (f: AppointmentFacts, links: AppointmentLinks): Message =>
  aboutAppointment(`A spot is reserved for you: ${f.sessionName}`, f, links, {
    news: `${f.studioName} reserved a spot for you. Please confirm it and pay to keep it:`,
    action: "Confirm my spot",
  });

/** The receipt when a booking is confirmed, whatever was paid so far. */
export const bookingConfirmed = (f: AppointmentFacts, m: MoneyFacts, links: AppointmentLinks): Message =>
  aboutAppointment(`Booked: ${f.sessionName}`, f, links, {
    news: `Your session with ${f.studioName} is confirmed.`,
    action: "View booking",
    after: amounts(m, f.locale),
  });

/** The receipt for a later payment on a booking that was already confirmed. */
export const paymentReceived = (f: AppointmentFacts, m: MoneyFacts, links: AppointmentLinks): Message =>
  aboutAppointment(`Payment received: ${f.sessionName}`, f, links, {
    news: `Thank you: ${f.studioName} received your payment.`,
    action: "View booking",
    after: amounts(m, f.locale),
  });

/**
 * A balance is due. With online payment the button leads to paying it; without, `offline` says how
 * the studio is paid (its payment instructions) and the button only shows the booking.
 */
export const paymentReminder = (
  f: AppointmentFacts,
  m: MoneyFacts,
  links: AppointmentLinks,
  offline?: string,
): Message =>
  aboutAppointment(`Payment reminder: ${f.sessionName}`, f, links, {
    news: `A balance of ${formatMoney(m.balanceCents, m.currency, f.locale)} is due for your session with ${f.studioName}.`,
    action: offline === undefined ? "Pay the balance" : "View booking",
    after: { text: [chargesText(m, f.locale), offline].filter(Boolean).join("\n\n") },
  });

/** How a client without online payment pays: the studio's instructions, or at the session. */
export const offlinePayment = (paymentInstructions: string): string =>
  paymentInstructions.trim() || "Please pay at the session.";

/** How a client pays a balance: online from their link, or as the studio's instructions say. */
export const howToPayText = (online: boolean, paymentInstructions: string): string =>
  online ? "Pay the balance online from your booking link." : offlinePayment(paymentInstructions);

export const sessionReminder = (f: AppointmentFacts, links: AppointmentLinks): Message =>
  aboutAppointment(`See you soon: ${f.sessionName}`, f, links, {
    news: `A reminder of your session with ${f.studioName}:`,
    action: "View booking",
  });

/** The whole session is called off: what was paid is said, and that the studio refunds it. */
export const sessionCancelled = (f: AppointmentFacts, m: MoneyFacts, links: AppointmentLinks): Message =>
  aboutAppointment(`Cancelled: ${f.sessionName}`, f, links, {
    news: `${f.studioName} has cancelled this session, so your booking is cancelled.`,
    action: "View booking",
    after: {
      text:
        m.paidCents > 0
          ? `You paid ${formatMoney(m.paidCents, m.currency, f.locale)}: ${f.studioName} will refund it to you.`
          : "Nothing was paid, so nothing is owed.",
    },
  });
/** To the next person on a waitlist: a freed spot is held for them until `holdUntil`. */
export const waitlistOffer = (f: AppointmentFacts, holdUntil: number, link: string): Message => {
  const until = new Intl.DateTimeFormat(f.locale, {
    timeZone: f.timeZone,
    dateStyle: "full",
    timeStyle: "short",
  }).format(holdUntil);
  return compose(`A spot opened up: ${f.sessionName}`, [
    { text: `Hi ${f.clientName},` },
    {
      text: `A spot opened up in ${f.sessionName} with ${f.studioName}, and it is held for you until ${until}. Book it before then; after that it goes to the next person on the waitlist.`,
    },
    { text: details(f) },
    { link, label: "Book this spot" },
    { text: `— ${f.studioName}` },
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
  const amount = paidAmount(payment, f.locale);
  const paid = `${f.clientName} (${payment.clientEmail}) paid ${amount} online`;
  const why =
    reason.kind === "booking_unavailable"
      ? `${paid}, but their booking could not take it: it was cancelled, its spot was booked by someone else meanwhile, or it was already paid.`
      : reason.asked
        ? `${paid}, but that does not match what was asked: the Checkout asked for ${formatMoney(reason.asked.amountCents, reason.asked.currency, f.locale)}. The booking was not confirmed and nothing was credited to it.`
        : `${paid}, but that does not match what was asked: Spotbook opened no such Checkout for this booking. The booking was not confirmed and nothing was credited to it.`;
  const subject = `Refund needed: ${payment.amountCents === null ? "a payment" : amount} for ${f.sessionName}`;
  return compose(subject, [
    { text: why },
    { text: details(f) },
    { text: `Please refund the payment in your Stripe dashboard (Checkout session ${payment.reference}).` },
  ]);
}

/**
 * What Stripe's payment page says of a Checkout: the session and package, then what the money is
 * for and when. A deposit or a balance says so in its name ("Deposit for Fall Minis — Mini").
 */
export function checkoutItem(f: AppointmentFacts, packageName: string, amounts: Amounts, dueCents: number) {
  const purpose =
    dueCents < balanceDue(amounts) ? "Deposit" : amounts.paidCents > 0 ? "Balance" : "Payment in full";
  const name = `${f.sessionName} — ${packageName}`;
  return {
    name,
    partName: purpose === "Payment in full" ? name : `${purpose} for ${name}`,
    description: `${purpose} · ${formatWhen(f)} · ${f.studioName}`,
  };
}

export const appointmentFacts = (
  studio: { name: string; locale: string },
  session: { name: string; timeZone: string; location: string },
  spot: { startsAt: number; endsAt: number },
  client: { name: string },
): AppointmentFacts => ({
  studioName: studio.name,
  sessionName: session.name,
  clientName: client.name,
  startsAt: spot.startsAt,
  endsAt: spot.endsAt,
  timeZone: session.timeZone,
  location: session.location,
  locale: studio.locale,
});

/** To the client: they moved their booking to another time (or the studio moved the session). */
export const bookingMoved = (f: AppointmentFacts, links: AppointmentLinks, was: string): Message =>
  aboutAppointment(`Moved: ${f.sessionName}`, f, links, {
    news: `Your session with ${f.studioName} has moved from ${was} to:`,
    action: "View booking",
    after: { text: "Open the calendar file below to update the event in your calendar." },
  });

/** To every booked client when the studio moves the whole session (rain date, running late). */
export const sessionMoved = (f: AppointmentFacts, links: AppointmentLinks, was: string): Message =>
  aboutAppointment(`New time: ${f.sessionName}`, f, links, {
    news: `${f.studioName} has moved your session from ${was}. Your new time:`,
    action: "View booking",
    after: { text: "Open the calendar file below to update the event in your calendar." },
  });

/** To the client: their booking is cancelled, and what becomes of what they paid. */
export const bookingCancelled = (f: AppointmentFacts, links: AppointmentLinks, money: string): Message =>
  aboutAppointment(`Cancelled: ${f.sessionName}`, f, links, {
    news: `Your session with ${f.studioName} is cancelled. ${money}`,
    action: "View booking",
    after: { text: "Open the calendar file below to remove the event from your calendar." },
  });

/** To the studio: a client moved or cancelled their own booking. */
export function clientChangedBooking(
  f: AppointmentFacts,
  change: { clientEmail: string } & ({ kind: "moved"; was: string } | { kind: "cancelled"; money: string }),
): Message {
  const who = `${f.clientName} (${change.clientEmail})`;
  return change.kind === "moved"
    ? compose(`${f.clientName} moved their booking: ${f.sessionName}`, [
        { text: `${who} moved their booking from ${change.was} to:` },
        { text: details(f) },
      ])
    : compose(`${f.clientName} cancelled: ${f.sessionName}`, [
        { text: `${who} cancelled their booking. ${change.money}` },
        { text: details(f) },
      ]);
}

/** To the studio: something happened to a booking (see domain/notices.ts), with a link to the session. */
export function studioNotice(
  kind: "booked" | "confirmed" | "paid",
  f: AppointmentFacts,
  m: MoneyFacts,
  sessionPage: string,
  /** What the client answered and signed, when they did. */
  forms: Block[] = [],
): Message {
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
    { text: details(f) },
    amounts(m, f.locale),
    ...forms,
    { link: sessionPage, label: "Open the session" },
  ]);
}

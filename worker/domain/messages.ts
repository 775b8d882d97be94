import { escapeHtml } from "./html.ts";
import { formatMoney } from "./money.ts";

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

export type MoneyFacts = { currency: string; amountCents: number; paidCents: number; balanceCents: number };

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

type Block = { text: string } | { link: string; label: string };

/** One layout for all mail: paragraphs and one call-to-action link, escaped once here. */
function compose(subject: string, blocks: Block[]): Message {
  const text = blocks.map((b) => ("text" in b ? b.text : `${b.label}: ${b.link}`)).join("\n\n");
  const body = blocks
    .map((b) =>
      "text" in b
        ? `<p>${escapeHtml(b.text).replace(/\n/g, "<br>")}</p>`
        : `<p><a href="${escapeHtml(b.link)}" style="display:inline-block;padding:10px 16px;background:#1f2937;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(b.label)}</a></p>`,
    )
    .join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111">${body}</body></html>`;
  return { subject, text, html };
}

const details = (f: AppointmentFacts): string =>
  [`${f.sessionName}`, formatWhen(f), f.location ? `Where: ${f.location}` : ""].filter(Boolean).join("\n");

export function confirmationRequest(f: AppointmentFacts, link: string): Message {
  return compose(`Please confirm your session: ${f.sessionName}`, [
    { text: `Hi ${f.clientName},` },
    { text: `${f.studioName} has scheduled your session. Please check the details, confirm and pay:` },
    { text: details(f) },
    { link, label: "Review and confirm" },
    { text: `— ${f.studioName}` },
  ]);
}

export function spotReserved(f: AppointmentFacts, link: string): Message {
  return compose(`A spot is reserved for you: ${f.sessionName}`, [
    { text: `Hi ${f.clientName},` },
    { text: `${f.studioName} reserved a spot for you. Please confirm it and pay to keep it:` },
    { text: details(f) },
    { link, label: "Confirm my spot" },
    { text: `— ${f.studioName}` },
  ]);
}

export function bookingConfirmed(f: AppointmentFacts, m: MoneyFacts, link: string): Message {
  const paid = formatMoney(m.paidCents, m.currency, f.locale);
  const due = formatMoney(m.balanceCents, m.currency, f.locale);
  return compose(`Booked: ${f.sessionName}`, [
    { text: `Hi ${f.clientName},` },
    { text: `Your session with ${f.studioName} is confirmed.` },
    { text: details(f) },
    { text: `Paid: ${paid}\nBalance due: ${due}` },
    { link, label: "View booking and add to calendar" },
    { text: `— ${f.studioName}` },
  ]);
}

export function paymentReminder(f: AppointmentFacts, m: MoneyFacts, link: string): Message {
  return compose(`Payment reminder: ${f.sessionName}`, [
    { text: `Hi ${f.clientName},` },
    {
      text: `A balance of ${formatMoney(m.balanceCents, m.currency, f.locale)} is due for your session with ${f.studioName}.`,
    },
    { text: details(f) },
    { link, label: "Pay the balance" },
    { text: `— ${f.studioName}` },
  ]);
}

export function sessionReminder(f: AppointmentFacts, link: string): Message {
  return compose(`See you soon: ${f.sessionName}`, [
    { text: `Hi ${f.clientName},` },
    { text: `A reminder of your session with ${f.studioName}:` },
    { text: details(f) },
    { link, label: "View booking" },
    { text: `— ${f.studioName}` },
  ]);
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

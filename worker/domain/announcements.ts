import { DomainError } from "./errors.ts";
import { formatMoney } from "./money.ts";
import type { TemplateValues } from "./templates.ts";

/** "Announce this session": who may receive it, and what its email says. Pure. */

/** Whom an announcement goes to: every client, or those who booked a session of one type before. */
export type Audience = { kind: "all" } | { kind: "sessionType"; sessionTypeId: string };

/** A client the audience names, as the database sees them right now. */
export type Candidate = { id: string; unsubscribed: boolean; announced: boolean };

export type AudienceSplit<T extends Candidate> = {
  recipients: T[];
  skipped: { alreadyAnnounced: number; unsubscribed: number };
};

/** Those to email, and how many are skipped: already told of this session (first), or unsubscribed. */
export function splitAudience<T extends Candidate>(candidates: T[]): AudienceSplit<T> {
  const recipients = candidates.filter((c) => !c.announced && !c.unsubscribed);
  const alreadyAnnounced = candidates.filter((c) => c.announced).length;
  return {
    recipients,
    skipped: { alreadyAnnounced, unsubscribed: candidates.length - recipients.length - alreadyAnnounced },
  };
}

type Announced = {
  classification: "single" | "multi";
  status: "scheduled" | "cancelled";
  spots: { startsAt: number }[];
};

/** Only a Multi session open for booking is announced: a Single has its client already. */
export function requireAnnounceable(s: Announced, now: number): void {
  if (s.classification !== "multi") {
    throw new DomainError("not_multi", "Only a Multi session is announced: a Single has its one client.");
  }
  if (s.status === "cancelled") {
    throw new DomainError("session_cancelled", "This session is cancelled, so there is nothing to announce.");
  }
  if (!s.spots.some((spot) => spot.startsAt > now)) {
    throw new DomainError("session_over", "Every spot of this session has started: nothing is left to book.");
  }
}

/** The session's days, first to last, in its zone ("October 3 – 5, 2027"). */
export function sessionDates(spots: { startsAt: number }[], timeZone: string, locale: string): string {
  if (spots.length === 0) return "";
  const starts = spots.map((s) => s.startsAt);
  const format = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "long" });
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  const [a, b] = [format.format(first), format.format(last)];
  return a === b ? a : format.formatRange(first, last);
}

export type AnnouncementFacts = {
  studioName: string;
  sessionName: string;
  clientName: string;
  location: string;
  dates: string;
  when: string;
  /** The lowest price a visitor can book at, in minor units; null when the session has no package. */
  priceFromCents: number | null;
  currency: string;
  locale: string;
  link: string;
  unsubscribeLink: string;
};

/** The values an announcement template reads; what only a booking has (its balance) is blank. */
export const announcementValues = (f: AnnouncementFacts): TemplateValues => ({
  studio: f.studioName,
  session: f.sessionName,
  client: f.clientName,
  when: f.when,
  location: f.location,
  amount: "",
  paid: "",
  balance: "",
  how_to_pay: "",
  link: f.link,
  calendar_link: "",
  dates: f.dates,
  price_from: f.priceFromCents === null ? "" : formatMoney(f.priceFromCents, f.currency, f.locale),
  unsubscribe_link: f.unsubscribeLink,
});

/** The lowest price on offer: the session's own package when it fixes one, else the cheapest. */
export function priceFrom(
  packages: { id: string; priceCents: number }[],
  packageId: string | null,
): number | null {
  const offered = packageId ? packages.filter((p) => p.id === packageId) : packages;
  return offered.length === 0 ? null : Math.min(...offered.map((p) => p.priceCents));
}

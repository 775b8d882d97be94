/**
 * Dates and money for people: the visitor's language, the session's clock. A photographer's
 * 9:30 in New York is 9:30 for everyone who books it, so times are never shown in the visitor's
 * zone; the zone's name is shown instead when the visitor is elsewhere.
 */
import type { Spot } from "./schemas.ts";

export type Format = ReturnType<typeof buildFormat>;
type Label = NonNullable<Spot["label"]>;

// Intl formatters are costly to build and the countdown renders every second.
const formats = new Map<string, Format>();

export function createFormat(locale: string | undefined, timeZone: string): Format {
  const key = `${locale}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = buildFormat(locale, timeZone);
    formats.set(key, format);
  }
  return format;
}

/** A session read's labels, learnt by the formatter its views will use. */
export const learnLabels = (data: {
  locale?: string;
  session: { timeZone: string };
  spots: readonly Spot[];
}) => createFormat(data.locale, data.session.timeZone).learn(data.spots);

function buildFormat(locale: string | undefined, timeZone: string) {
  /** A formatter built on its first use: a list of spots needs only the day's and the time's. */
  const dates = (options: () => Intl.DateTimeFormatOptions) => {
    let built: Intl.DateTimeFormat | undefined;
    return () => (built ??= new Intl.DateTimeFormat(locale, { timeZone, ...options() }));
  };
  // Whether the visitor's clock reads otherwise: from the labels' offsets when the server sent
  // them, else from the visitor's own zone, by a formatter in the same locale as the rest.
  let elsewhere: boolean | undefined;
  const isElsewhere = () =>
    (elsewhere ??= new Intl.DateTimeFormat(locale).resolvedOptions().timeZone !== timeZone);
  // The server's labels by instant. A page's first Intl.DateTimeFormat loads the browser's date
  // data (tens of milliseconds on a slow phone), so a list of labelled spots builds none.
  const labels = new Map<string, Label>();
  const day = dates(() => ({ weekday: "long", month: "long", day: "numeric" }));
  const time = dates(() => ({ hour: "numeric", minute: "2-digit" }));
  const when = dates(() => ({
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    ...(isElsewhere() ? { timeZoneName: "short" } : {}),
  }));
  const zone = dates(() => ({ timeZoneName: "long" }));
  // Per currency: the formatter and how many minor units make one major unit (100, or 1 for JPY).
  const currencies = new Map<string, [Intl.NumberFormat, number]>();

  return {
    /** "Saturday, October 17": also the key that groups spots by day. */
    day: (iso: string) => labels.get(iso)?.day ?? day().format(new Date(iso)),
    time: (iso: string) => labels.get(iso)?.time ?? time().format(new Date(iso)),
    /** The whole appointment, with the zone's short name when the visitor is elsewhere. */
    range: (startsAt: string, endsAt: string) => when().formatRange(new Date(startsAt), new Date(endsAt)),
    /** The session's zone by name ("Eastern Daylight Time"), or "" when the visitor is in it too. */
    zone(iso: string): string {
      if (!isElsewhere()) return "";
      const label = labels.get(iso);
      if (label) return label.zone;
      const part = zone()
        .formatToParts(new Date(iso))
        .find((p) => p.type === "timeZoneName");
      return part?.value ?? timeZone;
    },
    /**
     * Takes the server's labels of these spots. The visitor is elsewhere when their clock differs
     * from the session's at any of them (a visitor in Paris booking Berlin reads the same times).
     */
    learn(spots: readonly Spot[]): void {
      for (const spot of spots) if (spot.label) labels.set(spot.startsAt, spot.label);
      if (labels.size === 0) return;
      elsewhere = [...labels].some(([iso, l]) => -new Date(iso).getTimezoneOffset() !== l.offsetMinutes);
    },
    /** Minor units to a price: 15000 USD is $150.00, 15000 JPY is ¥15,000. */
    money(cents: number, currency: string): string {
      let entry = currencies.get(currency);
      if (!entry) {
        const nf = new Intl.NumberFormat(locale, { style: "currency", currency });
        entry = [nf, 10 ** (nf.resolvedOptions().maximumFractionDigits ?? 2)];
        currencies.set(currency, entry);
      }
      return entry[0].format(cents / entry[1]);
    },
  };
}

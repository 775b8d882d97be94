import type { BookingStatus } from "../../../db/schema.ts";

/** Dates and words for display: instants in the session's time zone, in the studio's locale. */

type Zoned = { timeZone: string; locale: string };

const styles = {
  day: { weekday: "long", year: "numeric", month: "long", day: "numeric" },
  time: { hour: "numeric", minute: "2-digit" },
  dateTime: { dateStyle: "medium", timeStyle: "short" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

// A formatter is costly to build and a page may show hundreds of spots: build each once.
const formatters = new Map<string, Intl.DateTimeFormat>();

function format(style: keyof typeof styles, instant: number, { timeZone, locale }: Zoned): string {
  const key = `${style} ${locale} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, ...styles[style] });
    formatters.set(key, formatter);
  }
  return formatter.format(instant);
}

export const formatDay = (instant: number, zoned: Zoned) => format("day", instant, zoned);
export const formatTime = (instant: number, zoned: Zoned) => format("time", instant, zoned);
export const formatDateTime = (instant: number, zoned: Zoned) => format("dateTime", instant, zoned);

export const bookingStatusLabels: Record<BookingStatus, string> = {
  held: "Held while booking",
  pending_payment: "Awaiting payment",
  reserved: "Reserved",
  awaiting_confirmation: "Awaiting confirmation",
  confirmed: "Confirmed",
  cancelled: "Cancelled",
  expired: "Expired",
};

export const classificationLabels = { single: "Single", multi: "Multi" } as const;

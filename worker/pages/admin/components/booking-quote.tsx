import type { FC } from "hono/jsx";
import { formatMoney } from "../../../domain/money.ts";
import type { Quote } from "../../../domain/pricing.ts";

/**
 * What a booking is made of, under its client: party size, each add-on, a code's discount and the
 * tax, each its own line. Bookings priced before these (no quote) show nothing more.
 */
export const BookingQuote: FC<{ quote: Quote | null | undefined; currency: string; locale: string }> = ({
  quote,
  currency,
  locale,
}) => {
  if (!quote) return null;
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const items = [
    `${quote.people} ${quote.people === 1 ? "person" : "people"}`,
    ...quote.lines
      .filter((l) => l.kind !== "package")
      .map(
        (l) =>
          `${l.kind === "people" ? "Additional people" : l.label} × ${l.quantity}: ${money(l.totalCents)}`,
      ),
    ...(quote.couponCode ? [`Code ${quote.couponCode}: −${money(quote.discountCents)}`] : []),
    ...(quote.taxCents > 0
      ? [`Tax${quote.taxInclusive ? " (included)" : ""}: ${money(quote.taxCents)}`]
      : []),
  ];
  return (
    <ul class="booking-quote">
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
};

import type { FC } from "hono/jsx";
import { en } from "../../../domain/catalogues/en.ts";
import { translate } from "../../../domain/catalogues/index.ts";
import { formatMoney } from "../../../domain/money.ts";
import { itemized, moneyRows } from "../../../domain/money-lines.ts";
import type { Quote } from "../../../domain/pricing.ts";

/**
 * What a booking is made of, under its client: the package, extra people, each add-on, a code's
 * discount, the tax and the total, each its own line, as the client saw them (domain/money-lines.ts).
 * A booking of one plain price, or priced before these (no quote), shows nothing more.
 */
export const BookingQuote: FC<{ quote: Quote | null | undefined; currency: string; locale: string }> = ({
  quote,
  currency,
  locale,
}) => {
  if (!quote || !itemized(quote)) return null;
  const rows = moneyRows(
    quote,
    (cents) => formatMoney(cents, currency, locale),
    (key, params) => translate(en, "en", key, params),
  );
  return (
    <ul class="booking-quote">
      {quote.people > 1 && <li>{`${quote.people} people`}</li>}
      {rows.map((r) => (
        <li>{`${r.label}: ${r.value}`}</li>
      ))}
    </ul>
  );
};

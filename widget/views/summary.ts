import { html, nothing } from "lit";
import { itemized, moneyRows, type Shown } from "../../worker/domain/money-lines.ts";
import type { BookingRecord } from "../booking-api.ts";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { Package, Session } from "../schemas.ts";
import { errorId, renderFieldError } from "./fields.ts";

/**
 * What is being booked and what it costs, and the choice of package: shown once a spot is held or
 * a booking is opened, so not in the list of spots.
 */

export type Amounts = Pick<
  BookingRecord,
  "currency" | "amountCents" | "depositCents" | "paidCents" | "balanceCents"
> & {
  /** How the amount came about, shown line by line (tax its own line) when there is more than a price. */
  quote?: Shown | null | undefined;
};

/**
 * The package already decided (by the booking, then the session) or the only one there is;
 * undefined when the client has to choose.
 */
export function fixedPackage(
  packages: Package[],
  ...ids: (string | null | undefined)[]
): Package | undefined {
  const id = ids.find((candidate) => candidate);
  return id ? packages.find((p) => p.id === id) : packages.length === 1 ? packages[0] : undefined;
}

/** What a booking is for: the session, its time, the package and the seats. */
export type Booked = {
  session: Session;
  spot: { startsAt: string; endsAt: string };
  pkg?: Package | undefined;
  seats?: number | undefined;
};

const row = (term: string, value: string) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`;

/**
 * When, where, what, and the money: before booking the price and deposit, after booking
 * what is paid and what is still due.
 */
export function renderSummary(format: Format, what: Booked, amounts?: Amounts, booked = false) {
  const money = (cents: number) => format.money(cents, amounts?.currency ?? what.session.currency);
  return html`
    <dl part="summary">
      ${row(t("when"), format.range(what.spot.startsAt, what.spot.endsAt))}
      ${what.session.location ? row(t("where"), what.session.location) : nothing}
      ${what.seats && what.seats > 1 ? row(t("seats"), t("seatCount", { count: what.seats })) : nothing}
      ${what.pkg ? row(t("package"), what.pkg.name) : nothing}
      ${
        amounts?.quote && itemized(amounts.quote)
          ? moneyRows(amounts.quote, money, t).map((r) => row(r.label, r.value))
          : amounts
            ? row(t("price"), money(amounts.amountCents))
            : nothing
      }
      ${amounts && !booked && amounts.depositCents > 0 ? row(t("depositLabel"), money(amounts.depositCents)) : nothing}
      ${amounts && booked && amounts.paidCents > 0 ? row(t("paid"), money(amounts.paidCents)) : nothing}
      ${amounts && booked ? row(t("balance"), money(amounts.balanceCents)) : nothing}
    </dl>
  `;
}

/** The client's choice of package, as radios named `packageId`. */
export function renderPackageChoice(
  format: Format,
  packages: Package[],
  currency: string,
  chosen: string,
  error: string | undefined,
) {
  const price = (p: Package) =>
    p.depositCents > 0
      ? `${format.money(p.priceCents, currency)} (${t("deposit", { amount: format.money(p.depositCents, currency) })})`
      : format.money(p.priceCents, currency);
  return html`
    <fieldset class="field" part="field packages" aria-describedby=${error ? errorId("packageId") : nothing}>
      <legend part="label">${t("package")}</legend>
      ${packages.map(
        (p) => html`
          <label class="package" part="package">
            <input
              type="radio"
              name="packageId"
              value=${p.id}
              required
              .checked=${chosen === p.id}
              aria-invalid=${!!error}
            />
            <span>
              <strong>${p.name}</strong> · ${price(p)}
              ${p.description ? html`<span class="muted block">${p.description}</span>` : nothing}
            </span>
          </label>
        `,
      )}
      ${renderFieldError("packageId", error)}
    </fieldset>
  `;
}

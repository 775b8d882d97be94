import { html, nothing } from "lit";
import { itemized, moneyRows, type Shown } from "../../worker/domain/money-lines.ts";
import type { ApiProblem } from "../api.ts";
import type { Field, FieldErrors } from "../form.ts";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { BookingRecord, Package, Session, SessionType } from "../schemas.ts";

/** The id of each step's heading, which gets focus when the step changes. */
export const stepHeading = "step-heading";

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

// The API's codes whose message has the code's name in camelCase (rate_limited: rateLimited)…
const sameName = new Set(
  "network rate_limited spot_taken not_enough_seats hold_expired package_required forbidden conflict too_late reschedule_not_allowed cancel_not_allowed booking_not_open not_admitted booking_closed no_balance_due session_cancelled contract_changed".split(
    " ",
  ),
);
// …and those whose message is another's.
const renamed: Record<string, string> = {
  wrong_classification: "byInvitation",
  payments_unavailable: "payAtSession",
  booking_changed: "conflict",
  contract_not_signed: "signRequired",
};

const messageKey = (code: string) =>
  renamed[code] ??
  (sameName.has(code) ? code.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()) : "unknown");

/** A problem in words a visitor understands; `notFound` names the message for what could not be found. */
export const problemMessage = (problem: ApiProblem, notFound = "unknown") =>
  t(problem.code === "not_found" ? notFound : messageKey(problem.code), {
    // not_enough_seats says how many are left, the one number in its detail.
    count: Number(/\d+/.exec(problem.message)?.[0] ?? 0),
  });

export const renderProblem = (message: string, retry?: () => void) => html`
  <div class="problem" part="error" role="alert" id="problem" tabindex="-1">
    <p>${message}</p>
    ${retry ? html`<button type="button" part="button" @click=${retry}>${t("retry")}</button>` : nothing}
  </div>
`;

/** Placeholder while the one request on load runs; the host keeps its height meanwhile. */
export const renderLoading = (label: string) => html`<p class="loading" role="status">${label}</p>`;

export const renderStepHeading = (text: string) =>
  html`<h3 id=${stepHeading} part="heading" tabindex="-1">${text}</h3>`;

// Not a <header>: that would be a second banner landmark on the host page.
export function renderHeader(session: Session, sessionType: SessionType) {
  const facts = [
    sessionType.name,
    t("minutes", { count: sessionType.durationMinutes }),
    session.location,
  ].filter(Boolean);
  return html`
    <div part="header">
      <h2 part="heading title">${session.name}</h2>
      <p class="muted">${facts.join(" · ")}</p>
      ${sessionType.description ? html`<p>${sessionType.description}</p>` : nothing}
    </div>
  `;
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

const errorId = (name: string) => `${name}-error`;

/** A field's error under it, named `<field>-error` for its aria-describedby. */
export const renderFieldError = (name: string, error: string | undefined) =>
  error ? html`<p class="field-error" part="error" id=${errorId(name)}>${error}</p>` : nothing;

/** A text input with its label and error; `autocomplete` is the browser's hint. */
export function renderField(
  name: Field,
  label: string,
  type: string,
  autocomplete: string,
  value: string,
  error: string | undefined,
  required = false,
) {
  return html`
    <div class="field" part="field">
      <label part="label" for=${name}>${label}</label>
      <input
        part="input"
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        ?required=${required}
        .value=${value}
        aria-invalid=${!!error}
        aria-describedby=${error ? errorId(name) : nothing}
      />
      ${renderFieldError(name, error)}
    </div>
  `;
}

/** The name and email every form that books or joins asks for. */
export const renderContact = (draft: { name: string; email: string }, errors: FieldErrors) =>
  html`${renderField("name", t("name"), "text", "name", draft.name, errors.name, true)}${renderField(
    "email",
    t("email"),
    "email",
    "email",
    draft.email,
    errors.email,
    true,
  )}`;

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

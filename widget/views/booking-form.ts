import { html, nothing, type TemplateResult } from "lit";
import type { FieldErrors } from "../form.ts";
import type { Format } from "../format.ts";
import type { HoldCountdown } from "../hold-countdown.ts";
import { t } from "../i18n.ts";
import type { Package, Session, Spot } from "../schemas.ts";
import { type Extras, extrasAmounts, renderCheckoutExtras } from "./checkout-extras.ts";
import { renderField, renderPackageChoice, renderStepHeading, renderSummary } from "./parts.ts";

/** What the visitor has typed so far; kept when they go back and pick another time. */
export type Draft = Record<"name" | "email" | "phone" | "packageId", string> & Extras;

export interface BookingFormProps {
  format: Format;
  session: Session;
  spot: Spot;
  packages: Package[];
  /** The package decided for the visitor; when undefined and there are packages, they choose. */
  pkg: Package | undefined;
  /** Seats the hold takes. */
  seats: number;
  /** The studio's terms in plain words; booking accepts them. */
  rules: readonly string[] | undefined;
  countdown: HoldCountdown;
  draft: Draft;
  errors: FieldErrors;
  problem: TemplateResult | undefined;
  busy: boolean;
  /** Questions or a contract follow on a page of their own: the button continues there. */
  more: boolean;
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
  onExtend: () => void;
  onBack: () => void;
}

/** The studio's terms, shown above the button that books (booking accepts them). */
const renderRules = (text: readonly string[] | undefined) =>
  text?.length
    ? html`<div part="rules">
        <p>${t("rulesIntro")}</p>
        <ul>
          ${text.map((line) => html`<li>${line}</li>`)}
        </ul>
      </div>`
    : nothing;

export function renderBookingForm(props: BookingFormProps) {
  const { format, session, pkg, countdown, draft, errors, busy, seats } = props;
  const choose = !pkg && props.packages.length > 0;
  const chosen = pkg ?? props.packages.find((p) => p.id === draft.packageId);
  return html`
    <section>
      ${renderStepHeading(t("yourDetails"))}
      ${renderSummary(format, { session, spot: props.spot, pkg, seats }, chosen && extrasAmounts(chosen, session, draft, seats))}
      <div class="countdown" part="countdown">
        <p>
          ${t("held")} ·
          <strong aria-hidden="true">${t("timeLeft", { clock: countdown.clock })}</strong>
          <span class="visually-hidden" role="status">${countdown.announcement}</span>
        </p>
        <button type="button" part="button" @click=${props.onExtend}>${t("extend")}</button>
      </div>
      <form part="form" novalidate @input=${props.onInput} @change=${props.onInput} @submit=${props.onSubmit}>
        ${props.problem ?? nothing}
        ${renderField(
          { name: "name", label: t("name"), type: "text", autocomplete: "name", required: true },
          draft.name,
          errors.name,
        )}
        ${renderField(
          { name: "email", label: t("email"), type: "email", autocomplete: "email", required: true },
          draft.email,
          errors.email,
        )}
        ${renderField({ name: "phone", label: t("phone"), type: "tel", autocomplete: "tel" }, draft.phone, errors.phone)}
        ${
          choose
            ? renderPackageChoice(format, props.packages, session.currency, draft.packageId, errors.packageId)
            : nothing
        }
        ${renderRules(props.rules)}
        ${renderCheckoutExtras(format, chosen, session.currency, draft, errors.couponCode)}
        <div class="actions">
          <button type="submit" part="button primary" aria-disabled=${busy ? "true" : "false"}>
            ${busy ? t("booking") : t(props.more ? "continue" : "book")}
          </button>
          <button type="button" part="button" @click=${props.onBack}>${t("back")}</button>
        </div>
      </form>
    </section>
  `;
}

import { html, nothing, type TemplateResult } from "lit";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { BookingDetail, Package } from "../schemas.ts";
import { renderForms, signOr } from "./contract.ts";
import { type Amounts, renderPackageChoice, renderStepHeading, renderSummary } from "./parts.ts";
import type { FormErrors } from "./questionnaire.ts";

export interface SingleConfirmationProps {
  format: Format;
  detail: BookingDetail;
  /** The package as decided or chosen so far, for the summary. */
  pkg: Package | undefined;
  /** Whether the client chooses the package among `detail.packages`. */
  choose: boolean;
  amounts: Amounts | undefined;
  chosen: string;
  error: string | undefined;
  formErrors: FormErrors;
  problem: TemplateResult | undefined;
  busy: boolean;
  onInput: (event: Event) => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** A Single session (or a spot the photographer reserved) waiting for the client's yes. */
export function renderSingleConfirmation(props: SingleConfirmationProps) {
  const { format, detail, pkg, busy } = props;
  return html`
    <section>
      ${renderStepHeading(t("confirmTitle"))}
      <p>${t("confirmIntro")}</p>
      ${renderSummary(format, { session: detail.session, spot: detail.spot, pkg }, props.amounts)}
      <form part="form" novalidate @input=${props.onInput} @change=${props.onInput} @submit=${props.onSubmit}>
        ${props.problem ?? nothing}
        ${
          props.choose
            ? renderPackageChoice(format, detail.packages, detail.session.currency, props.chosen, props.error)
            : nothing
        }
        ${renderForms(detail, props.formErrors)}
        <div class="actions">
          <button type="submit" part="button primary" aria-disabled=${busy ? "true" : "false"}>
            ${busy ? t("confirming") : signOr(detail, t("confirm"))}
          </button>
        </div>
      </form>
    </section>
  `;
}

/**
 * A booking with nothing to confirm: a payment on its way (with a way to check again), or one
 * that was cancelled or has lapsed.
 */
export const renderBookingNotice = (text: string, refresh?: () => void, refreshing = false) => html`
  <section>
    ${renderStepHeading(t("confirmTitle"))}
    <p part="notice" role="status">${text}</p>
    ${
      refresh
        ? html`<button type="button" part="button" ?disabled=${refreshing} @click=${refresh}>${t("refresh")}</button>`
        : nothing
    }
  </section>
`;

import { html, nothing } from "lit";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import { renderStepHeading } from "./parts.ts";
import { type Amounts, type Booked, renderSummary } from "./summary.ts";

/**
 * The end of either flow: what was booked, when, what is paid and due, where the confirmation
 * (`email`) went (its link changes or cancels the booking), and the calendar file.
 */
export const renderConfirmation = (
  format: Format,
  title: string,
  what: Booked,
  amounts: Amounts | undefined,
  email: string | undefined,
  calendarUrl: string,
) => html`
  <section part="confirmation">
    ${renderStepHeading(title)}
    <p>${t("bookedIntro", { studio: what.session.studioName })}</p>
    ${renderSummary(format, what, amounts, true)}
    ${email ? html`<p>${t("emailSent", { email })} ${t("changeOrCancel")}</p>` : nothing}
    <p><a part="link" href=${calendarUrl} download>${t("addToCalendar")}</a></p>
  </section>
`;

/** Shown while the browser leaves for Stripe Checkout, with a link in case it does not. */
export const renderRedirect = (checkoutUrl: string) => html`
  <section part="confirmation">
    ${renderStepHeading(t("toPayment"))}
    <p><a part="link" href=${checkoutUrl}>${t("continueToPayment")}</a></p>
  </section>
`;

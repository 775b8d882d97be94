import { html, nothing } from "lit";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { Package, Session } from "../schemas.ts";
import { type Amounts, renderStepHeading, renderSummary } from "./parts.ts";

export interface ConfirmationProps {
  format: Format;
  title: string;
  session: Session;
  spot: { startsAt: string; endsAt: string };
  pkg: Package | undefined;
  seats?: number | undefined;
  /** Where the confirmation email went. */
  email?: string | undefined;
  amounts: Amounts | undefined;
  calendarUrl: string;
}

/**
 * The end of either flow: what was booked, when, what is paid and due, where the confirmation
 * went (its link changes or cancels the booking), and the calendar file.
 */
export const renderConfirmation = (props: ConfirmationProps) => html`
  <section part="confirmation">
    ${renderStepHeading(props.title)}
    <p>${t("bookedIntro", { studio: props.session.studioName })}</p>
    ${renderSummary(props.format, props, props.amounts, true)}
    ${props.email ? html`<p>${t("emailSent", { email: props.email })} ${t("changeOrCancel")}</p>` : nothing}
    <p><a part="link" href=${props.calendarUrl} download>${t("addToCalendar")}</a></p>
  </section>
`;

/** Shown while the browser leaves for Stripe Checkout, with a link in case it does not. */
export const renderRedirect = (checkoutUrl: string) => html`
  <section part="confirmation">
    ${renderStepHeading(t("toPayment"))}
    <p><a part="link" href=${checkoutUrl}>${t("continueToPayment")}</a></p>
  </section>
`;

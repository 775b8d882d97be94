import { html } from "lit";
import type { Format } from "../format.ts";
import { msg } from "../i18n.ts";
import type { Package, Session } from "../schemas.ts";
import { type Amounts, renderStepHeading, renderSummary } from "./parts.ts";

export interface ConfirmationProps {
  format: Format;
  title: string;
  session: Session;
  spot: { startsAt: string; endsAt: string };
  pkg: Package | undefined;
  amounts: Amounts | undefined;
  calendarUrl: string;
}

/** The end of either flow: what was booked, when, what is paid and due, and the calendar file. */
export const renderConfirmation = (props: ConfirmationProps) => html`
  <section part="confirmation">
    ${renderStepHeading(props.title)}
    <p>${msg.bookedIntro(props.session.studioName)}</p>
    ${renderSummary(props.format, props, props.amounts, true)}
    <p><a part="link" href=${props.calendarUrl}>${msg.addToCalendar}</a></p>
  </section>
`;

/** Shown while the browser leaves for Stripe Checkout, with a link in case it does not. */
export const renderRedirect = (checkoutUrl: string) => html`
  <section part="confirmation">
    ${renderStepHeading(msg.toPayment)}
    <p><a part="link" href=${checkoutUrl}>${msg.continueToPayment}</a></p>
  </section>
`;

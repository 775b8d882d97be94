import { html, nothing } from "lit";
import { t } from "../i18n.ts";
import { renderStepHeading } from "./parts.ts";

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

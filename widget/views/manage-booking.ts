import { html, nothing, type TemplateResult } from "lit";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { Spot } from "../schemas.ts";

/** What the client is doing with their confirmed booking: nothing yet, picking a time, or about to cancel. */
export type ManageStep = { name: "idle" } | { name: "pick"; spots: Spot[] } | { name: "cancel" };

export interface ManageProps {
  format: Format;
  step: ManageStep;
  canReschedule: boolean;
  canCancel: boolean;
  /** Balance due and online payment possible: offer to pay it. */
  canPay: boolean;
  busy: boolean;
  problem: TemplateResult | undefined;
  onReschedule: () => void;
  onPick: (spot: Spot) => void;
  onCancel: () => void;
  onConfirmCancel: () => void;
  onBack: () => void;
  onPay: () => void;
}

/** The client's own changes under the studio's rules: pay the balance, reschedule, cancel. */
export function renderManage(p: ManageProps) {
  if (!p.canReschedule && !p.canCancel && !p.canPay) return nothing;
  const body =
    p.step.name === "pick"
      ? html`<h3>${t("pickNewTime")}</h3>
          ${
            p.step.spots.length === 0
              ? html`<p>${t("noOtherTimes")}</p>`
              : html`<ul class="spots" part="spots">
                  ${p.step.spots.map(
                    (spot) => html`<li>
                      <button type="button" part="spot" ?disabled=${p.busy} @click=${() => p.onPick(spot)}>
                        ${p.format.range(spot.startsAt, spot.endsAt)}
                      </button>
                    </li>`,
                  )}
                </ul>`
          }
          <button type="button" part="button" @click=${p.onBack}>${t("keepIt")}</button>`
      : p.step.name === "cancel"
        ? html`<p>${t("cancelSure")}</p>
            <div class="actions">
              <button type="button" part="button primary" ?disabled=${p.busy} @click=${p.onConfirmCancel}>
                ${t("cancelYes")}
              </button>
              <button type="button" part="button" @click=${p.onBack}>${t("keepIt")}</button>
            </div>`
        : html`<div class="actions">
            ${p.canPay ? html`<button type="button" part="button primary" @click=${p.onPay}>${t("payBalance")}</button>` : nothing}
            ${p.canReschedule ? html`<button type="button" part="button" @click=${p.onReschedule}>${t("reschedule")}</button>` : nothing}
            ${p.canCancel ? html`<button type="button" part="button" @click=${p.onCancel}>${t("cancelBooking")}</button>` : nothing}
          </div>`;
  return html`<section part="manage" aria-label=${t("manage")}>${p.problem ?? nothing}${body}</section>`;
}

/** The studio's terms, shown above the button that books (booking accepts them). */
export const renderRules = (text: readonly string[] | undefined) =>
  text?.length
    ? html`<div part="rules">
        <p>${t("rulesIntro")}</p>
        <ul>
          ${text.map((line) => html`<li>${line}</li>`)}
        </ul>
      </div>`
    : nothing;

import { html, nothing } from "lit";
import type { ApiProblem } from "../api.ts";
import { t } from "../i18n.ts";
import type { Session, SessionType } from "../schemas.ts";

/** The id of each step's heading, which gets focus when the step changes. */
export const stepHeading = "step-heading";

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

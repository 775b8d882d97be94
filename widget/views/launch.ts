import { html, nothing } from "lit";
import { t } from "../i18n.ts";
import type { PlaceInLine } from "../schemas.ts";
import { renderStepHeading } from "./parts.ts";

export interface LaunchLineProps {
  /** The visitor's language: the opening is shown on their own clock, in their own zone. */
  locale: string | undefined;
  opensAt: string;
  place: PlaceInLine | undefined;
  onAgain: () => void;
}

/** When booking opens, in the visitor's own time zone (named), in their language. */
const openingTime = (locale: string | undefined, iso: string) =>
  new Intl.DateTimeFormat(locale, {
    weekday: "long",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));

/** Waiting for the opening, or for one's turn after it; or a turn that passed. */
export function renderLaunchLine({ locale, opensAt, place, onAgain }: LaunchLineProps) {
  const when = t("lineOpensAt", { when: openingTime(locale, place?.opensAt ?? opensAt) });
  if (place?.status === "over") {
    return html`${renderStepHeading(t("lineTurnOver"))}
      <button type="button" part="button primary" @click=${onAgain}>${t("lineAgain")}</button>`;
  }
  const position = place?.position ?? null;
  return html`${renderStepHeading(position === null ? when : t("lineHeading"))}
    <div class="line" part="notice" role="status" aria-live="polite">
      ${
        position === null
          ? html`<p>${t("lineWaitHere")}</p>`
          : html`<p>${position === 1 ? t("lineNext") : t("lineAhead", { count: position - 1 })}</p>
              ${place?.seatsLeft === 0 ? html`<p>${t("lineFull")}</p>` : nothing}`
      }
    </div>`;
}

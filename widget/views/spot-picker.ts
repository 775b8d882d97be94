import { html, nothing, type TemplateResult } from "lit";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { Spot } from "../schemas.ts";
import { renderStepHeading } from "./parts.ts";

/** Consecutive spots on the same day in the session's zone (the API sorts them by start). */
export function groupByDay(format: Format, spots: Spot[]): { day: string; spots: Spot[] }[] {
  const days: { day: string; spots: Spot[] }[] = [];
  for (const spot of spots) {
    const day = format.day(spot.startsAt);
    const last = days.at(-1);
    if (last?.day === day) last.spots.push(spot);
    else days.push({ day, spots: [spot] });
  }
  return days;
}

export interface SpotPickerProps {
  format: Format;
  spots: Spot[];
  /** Seats one booking may take (the session's maximum), and how many the visitor wants. */
  maxSeats: number;
  seats: number;
  onSeats: (event: Event) => void;
  /** Shown above the list: why the visitor is back here (a taken spot, a hold that ran out). */
  notice: TemplateResult | undefined;
  refreshing: boolean;
  onPick: (spot: Spot) => void;
}

/** What a time's button says after the time: nothing, Taken, or its seats (a workshop). */
const spotState = (spot: Spot) =>
  spot.seats > 1
    ? spot.available
      ? t("seatsLeft", { count: spot.seatsLeft, seats: spot.seats })
      : t("full")
    : spot.available
      ? ""
      : t("taken");

export function renderSpotPicker(props: SpotPickerProps) {
  const { format, spots, notice, refreshing, onPick, seats } = props;
  const first = spots[0];
  const zone = first ? format.zone(first.startsAt) : "";
  const choose = props.maxSeats > 1 && spots.some((spot) => spot.seats > 1);
  return html`
    <section>
      ${renderStepHeading(t("chooseTime"))} ${notice ?? nothing}
      ${zone ? html`<p class="muted" part="notice">${t("timesIn", { zone })}</p>` : nothing}
      <p role="status" class="visually-hidden">${refreshing ? t("updating") : ""}</p>
      ${spots.some((spot) => spot.available) ? nothing : html`<p part="notice">${t("noSpots")}</p>`}
      ${
        choose
          ? html`<div class="field" part="field">
              <label part="label" for="seats">${t("seatsWanted")}</label>
              <select part="input" id="seats" name="seats" @change=${props.onSeats}>
                ${Array.from(
                  { length: props.maxSeats },
                  (_, i) => html`<option value=${i + 1} ?selected=${i + 1 === seats}>${i + 1}</option>`,
                )}
              </select>
            </div>`
          : nothing
      }
      ${groupByDay(format, spots).map(
        ({ day, spots: daySpots }, i) => html`
          <section class="day" part="day" aria-labelledby=${`day-${i}`}>
            <h4 id=${`day-${i}`} part="day-heading">${day}</h4>
            <ul class="spots" part="spots">
              ${daySpots.map(
                (spot) => html`
                  <li>
                    <button
                      type="button"
                      class="spot"
                      part=${spot.available ? "spot" : "spot taken"}
                      ?disabled=${spot.seatsLeft < seats || !spot.available}
                      @click=${() => onPick(spot)}
                    >
                      ${format.time(spot.startsAt)}
                      ${spotState(spot) ? html`<span class="taken">${spotState(spot)}</span>` : nothing}
                    </button>
                  </li>
                `,
              )}
            </ul>
          </section>
        `,
      )}
    </section>
  `;
}

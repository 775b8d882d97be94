import { html, nothing, type TemplateResult } from "lit";
import type { Format } from "../format.ts";
import { msg } from "../i18n.ts";
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
  /** Shown above the list: why the visitor is back here (a taken spot, a hold that ran out). */
  notice: TemplateResult | undefined;
  refreshing: boolean;
  onPick: (spot: Spot) => void;
}

export function renderSpotPicker({ format, spots, notice, refreshing, onPick }: SpotPickerProps) {
  const first = spots[0];
  const zone = first ? format.zone(first.startsAt) : "";
  return html`
    <section>
      ${renderStepHeading(msg.chooseTime)} ${notice ?? nothing}
      ${zone ? html`<p class="muted" part="notice">${msg.timesIn(zone)}</p>` : nothing}
      <p role="status" class="visually-hidden">${refreshing ? msg.updating : ""}</p>
      ${spots.some((spot) => spot.available) ? nothing : html`<p part="notice">${msg.noSpots}</p>`}
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
                      ?disabled=${!spot.available}
                      @click=${() => onPick(spot)}
                    >
                      ${format.time(spot.startsAt)}
                      ${spot.available ? nothing : html`<span class="taken">${msg.taken}</span>`}
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

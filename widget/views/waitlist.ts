import { html, nothing, type TemplateResult } from "lit";
import type { FieldErrors } from "../form.ts";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { Spot, WaitlistEntry } from "../schemas.ts";
import { renderField, renderStepHeading } from "./parts.ts";
import { groupByDay } from "./spot-picker.ts";

/** Where the visitor stands with a full session's waitlist: a button, the form, or in line. */
export type WaitlistJoin =
  | { step: "offer" }
  | { step: "form"; errors: FieldErrors; busy?: boolean; problem?: TemplateResult | undefined }
  | { step: "joined"; position: number; link: string };

export interface WaitlistJoinProps {
  format: Format;
  timeZone: string;
  spots: Spot[];
  state: WaitlistJoin;
  draft: { name: string; email: string };
  onOpen: () => void;
  onSubmit: (event: SubmitEvent) => void;
}

/** The session-local date of a spot (YYYY-MM-DD), the form in which the API takes a day that suits. */
const localDate = (timeZone: string, iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );

/** Under a full session's list: join its waitlist with name, email and, optionally, the days that suit. */
export function renderWaitlistJoin(p: WaitlistJoinProps) {
  const { state } = p;
  if (state.step === "joined") {
    return html`<p part="notice" role="status">${t("waitlistPosition", { count: state.position })}</p>
      <p><a part="link" href=${state.link}>${t("waitlistKeepLink")}</a></p>`;
  }
  if (state.step === "offer") {
    return html`<p><button type="button" part="button" @click=${p.onOpen}>${t("waitlistJoin")}</button></p>`;
  }
  const days = groupByDay(p.format, p.spots);
  return html`
    <form part="form" novalidate @submit=${p.onSubmit}>
      ${renderStepHeading(t("waitlistJoin"))}
      ${state.problem ?? nothing}
      ${renderField({ name: "name", label: t("name"), type: "text", autocomplete: "name", required: true }, p.draft.name, state.errors.name)}
      ${renderField(
        { name: "email", label: t("email"), type: "email", autocomplete: "email", required: true },
        p.draft.email,
        state.errors.email,
      )}
      ${
        days.length > 1
          ? html`<fieldset part="packages">
              <legend part="label">${t("waitlistDays")}</legend>
              ${days.map(
                ({ day, spots }) =>
                  html`<label part="package"
                    ><input type="checkbox" name="day" value=${localDate(p.timeZone, spots[0]?.startsAt ?? "")} /> ${day}</label
                  >`,
              )}
            </fieldset>`
          : nothing
      }
      <button type="submit" part="button primary" class="primary" ?disabled=${state.busy}>${t("waitlistJoin")}</button>
    </form>
  `;
}

export interface WaitlistEntryProps {
  format: Format;
  entry: WaitlistEntry;
  busy: boolean;
  onLeave: () => void;
}

/** Through one's own link: one's place in line (or that a time is held for them), and Leave. */
export function renderWaitlistEntry({ format, entry, busy, onLeave }: WaitlistEntryProps) {
  const inLine = entry.status === "waiting";
  return html`
    <section>
      ${renderStepHeading(t("waitlistKeepLink"))}
      <p part="notice" role="status">
        ${
          entry.offerExpiresAt
            ? t("waitlistOffered", {
                until: `${format.day(entry.offerExpiresAt)} ${format.time(entry.offerExpiresAt)}`,
              })
            : inLine && entry.position
              ? t("waitlistPosition", { count: entry.position })
              : t("waitlistOut")
        }
      </p>
      ${
        inLine
          ? html`<button type="button" part="button" ?disabled=${busy} @click=${onLeave}>${t("waitlistLeave")}</button>`
          : nothing
      }
    </section>
  `;
}

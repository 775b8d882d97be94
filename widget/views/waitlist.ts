import { html, nothing, type TemplateResult } from "lit";
import type { FieldErrors } from "../form.ts";
import type { Format } from "../format.ts";
import { t } from "../i18n.ts";
import type { WaitlistEntry } from "../schemas.ts";
import { renderStepHeading } from "./parts.ts";

/** Where the visitor stands with a full session's waitlist: a button, the form, or in line. */
export type WaitlistJoin =
  | { step: "offer" }
  | { step: "form"; errors: FieldErrors; busy?: boolean; problem?: TemplateResult | undefined }
  | { step: "joined"; position: number; link: string };

/** The session-local date of a spot (YYYY-MM-DD), the form in which the API takes a day that suits. */
export const localDate = (timeZone: string, iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );

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

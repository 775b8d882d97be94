import { html, type LitElement, nothing } from "lit";
import type { Api } from "../api.ts";
import { t, type Words } from "../i18n.ts";
import type { WaitlistEntry } from "../schemas.ts";
import { renderStepHeading } from "../views/parts.ts";
import { Flow, type FlowContext } from "./flow.ts";

/** A waitlist link (`?spotbook-waitlist=TOKEN`): one's place in line, and a way to leave it. */
export class WaitlistFlow extends Flow<{ busy: boolean }, { entry: WaitlistEntry } & Words> {
  protected readonly texts = { loading: "loadingBooking", notFound: "bookingNotFound" };

  constructor(host: LitElement, context: () => FlowContext) {
    super(host, context, { busy: false });
  }

  protected load(api: Api, token: string, lang: string, signal: AbortSignal) {
    return api.waitlistEntry(token, lang, signal);
  }

  protected renderValue({ entry }: { entry: WaitlistEntry }) {
    return html`<header part="header"><h2 part="heading title">${entry.session.name}</h2></header>
      ${this.#renderEntry(entry)}`;
  }

  /** One's place in line (or that a time is held for them), and Leave. */
  #renderEntry(entry: WaitlistEntry) {
    const format = this.format(entry.session.timeZone);
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
            ? html`<button type="button" part="button" ?disabled=${this.state.busy} @click=${() => void this.#leave()}>${t("waitlistLeave")}</button>`
            : nothing
        }
      </section>
    `;
  }

  async #leave() {
    this.set({ busy: true });
    try {
      await this.context().api.leaveWaitlist(this.context().key);
    } catch (error) {
      this.report(error);
    }
    this.set({ busy: false });
    this.run();
  }
}

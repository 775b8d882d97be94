import { html, type LitElement } from "lit";
import type { Api } from "../api.ts";
import type { Words } from "../i18n.ts";
import type { WaitlistEntry } from "../schemas.ts";
import { renderWaitlistEntry } from "../views/waitlist.ts";
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
      ${renderWaitlistEntry({
        format: this.format(entry.session.timeZone),
        entry,
        busy: this.state.busy,
        onLeave: () => void this.#leave(),
      })}`;
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

import { html, type LitElement, nothing, type TemplateResult } from "lit";
import type { Api } from "../api.ts";
import { bookingApi, type WaitlistEntry } from "../booking-api.ts";
import { type FieldErrors, fieldErrors, firstInvalid, readForm, WaitlistInput } from "../form.ts";
import type { Format } from "../format.ts";
import { t, type Words } from "../i18n.ts";
import type { SessionData } from "../schemas.ts";
import { renderContact } from "../views/fields.ts";
import { renderStepHeading } from "../views/parts.ts";
import { groupByDay } from "../views/spot-picker.ts";
import { Flow, type FlowContext, type FlowPart } from "./flow.ts";

/** The session-local date of a spot (YYYY-MM-DD), the form in which the API takes a day that suits. */
const localDate = (timeZone: string, iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );

type Joining =
  | { step: "form"; errors: FieldErrors; busy?: boolean; problem?: TemplateResult | undefined }
  | { step: "joined"; position: number; link: string };

/**
 * Under a full session's list, once the visitor asked to join its waitlist: name, email and,
 * optionally, the days that suit; then their place, with the link (kept by them) that shows it.
 */
export class WaitlistJoin {
  #state: Joining = { step: "form", errors: {} };
  readonly #around: FlowPart;
  readonly #draft: { name: string; email: string };

  /** `draft` is the booking flow's: what the visitor types here is there for the time they book. */
  constructor(around: FlowPart, draft: { name: string; email: string }) {
    this.#around = around;
    this.#draft = draft;
  }

  render(data: SessionData, format: Format) {
    const state = this.#state;
    if (state.step === "joined") {
      return html`<p part="notice" role="status">${t("waitlistPosition", { count: state.position })}</p>
        <p><a part="link" href=${state.link}>${t("waitlistKeepLink")}</a></p>`;
    }
    const days = groupByDay(format, data.spots);
    const timeZone = data.session.timeZone;
    return html`
      <form part="form" novalidate @submit=${(event: SubmitEvent) => void this.#join(event, data)}>
        ${renderStepHeading(t("waitlistJoin"))}
        ${state.problem ?? nothing}
        ${renderContact(this.#draft, state.errors)}
        ${
          days.length > 1
            ? html`<fieldset part="packages">
                <legend part="label">${t("waitlistDays")}</legend>
                ${days.map(
                  ({ day, spots }) =>
                    html`<label part="package"
                      ><input type="checkbox" name="day" value=${localDate(timeZone, spots[0]?.startsAt ?? "")} /> ${day}</label
                    >`,
                )}
              </fieldset>`
            : nothing
        }
        <button type="submit" part="button primary" ?disabled=${state.busy}>${t("waitlistJoin")}</button>
      </form>
    `;
  }

  #set(state: Joining, focus?: string) {
    this.#state = state;
    this.#around.host.requestUpdate();
    if (focus) this.#around.focus(focus);
  }

  async #join(event: SubmitEvent, data: SessionData) {
    event.preventDefault();
    if (this.#state.step !== "form" || this.#state.busy) return;
    const form = event.target as HTMLFormElement;
    const read = readForm(WaitlistInput, form);
    if ("errors" in read)
      return this.#set({ step: "form", errors: read.errors }, firstInvalid(read.errors) ?? "#name");
    const days = new FormData(form).getAll("day").map((date) => ({ date: String(date) }));
    Object.assign(this.#draft, read.values);
    this.#set({ step: "form", errors: {}, busy: true });
    try {
      const { entry } = await bookingApi(this.#around.api()).joinWaitlist(data.session.slug, {
        client: read.values,
        ...(days.length ? { times: days } : {}),
        locale: data.locale,
      });
      const link = new URL(window.location.href);
      link.searchParams.set("spotbook-waitlist", entry.token);
      this.#set({ step: "joined", position: entry.position, link: link.href }, "[role=status]");
    } catch (error) {
      const { problem, message } = this.#around.report(error);
      this.#set(
        { step: "form", errors: fieldErrors(problem), problem: this.#around.alert(message) },
        "#problem",
      );
    }
  }
}

/** A waitlist link (`?spotbook-waitlist=TOKEN`): one's place in line, and a way to leave it. */
export class WaitlistFlow extends Flow<{ busy: boolean }, { entry: WaitlistEntry } & Words> {
  protected readonly texts = { loading: "loadingBooking", notFound: "bookingNotFound" };

  constructor(host: LitElement, context: () => FlowContext) {
    super(host, context, { busy: false });
  }

  protected load(api: Api, token: string, lang: string, signal: AbortSignal) {
    return bookingApi(api).waitlistEntry(token, lang, signal);
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
      await bookingApi(this.context().api).leaveWaitlist(this.context().key);
    } catch (error) {
      this.report(error);
    }
    this.set({ busy: false });
    this.run();
  }
}

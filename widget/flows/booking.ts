import { html, type LitElement, nothing, type TemplateResult } from "lit";
import { type Api, ApiProblem } from "../api.ts";
import { type FieldErrors, fieldErrors, firstInvalid, readForm } from "../form.ts";
import { type Format, learnLabels } from "../format.ts";
import { HoldCountdown } from "../hold-countdown.ts";
import { t } from "../i18n.ts";
import { LaunchLine } from "../launch-line.ts";
import {
  ClientInput,
  ClientWithPackage,
  type Hold,
  type Package,
  type PlaceInLine,
  type SessionData,
  type Spot,
  WaitlistInput,
} from "../schemas.ts";
import {
  type Extras,
  extrasAmounts,
  extrasBody,
  isExtra,
  renderCheckoutExtras,
} from "../views/checkout-extras.ts";
import { renderConfirmation, renderRedirect } from "../views/confirmation.ts";
import { firstFormError, formErrors, hasForms, readForms, renderForms, signOr } from "../views/contract.ts";
import {
  type Amounts,
  fixedPackage,
  renderContact,
  renderField,
  renderHeader,
  renderPackageChoice,
  renderStepHeading,
  renderSummary,
  stepHeading,
} from "../views/parts.ts";
import type { FormErrors } from "../views/questionnaire.ts";
import { groupByDay, spotState } from "../views/spot-picker.ts";
import { Flow, type FlowContext } from "./flow.ts";

type Step =
  | { name: "pick"; notice?: string; picking?: boolean }
  | {
      name: "form";
      spot: Spot;
      hold: Hold;
      /** How far the server's clock is ahead of this browser's, in milliseconds. */
      skew: number;
      errors: FieldErrors;
      alert?: string;
      busy?: boolean;
      /** On the second page: the questions and the contract, with what they need field by field. */
      forms?: FormErrors;
    }
  | {
      name: "done";
      spot: Spot;
      pkg: Package | undefined;
      seats: number;
      email: string;
      token: string;
      amounts: Amounts | undefined;
      checkoutUrl: string | undefined;
    };

type FormStep = Extract<Step, { name: "form" }>;

/** Where the visitor stands with a full session's waitlist: a button, the form, or in line. */
type WaitlistJoin =
  | { step: "offer" }
  | { step: "form"; errors: FieldErrors; busy?: boolean; problem?: TemplateResult | undefined }
  | { step: "joined"; position: number; link: string };

/** The session-local date of a spot (YYYY-MM-DD), the form in which the API takes a day that suits. */
const localDate = (timeZone: string, iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );

/** What the visitor has typed so far; kept when they go back and pick another time. */
type Draft = Record<"name" | "email" | "phone" | "packageId", string> & Extras;

/** The flow's key for a spot held from a waitlist (`?spotbook-offer=TOKEN`); a slug has no colon. */
export const offerKey = "offer:";

/**
 * A Multi session, booked by a visitor: pick a spot (held for them while they type), give name,
 * email and package, book; or go to payment when a deposit is due now.
 */
export class BookingFlow extends Flow<Step, SessionData> {
  protected readonly texts = { loading: "loading", notFound: "sessionNotFound" };
  #draft: Draft = { name: "", email: "", phone: "", packageId: "" };
  /** The details as checked on the first page, sent with the answers from the second. */
  #details: ClientInput = { name: "", email: "", phone: "", packageId: "" };
  /** Seats the visitor wants at a workshop's time. */
  #seats = 1;
  #waitlist: WaitlistJoin = { step: "offer" };
  readonly #countdown: HoldCountdown;
  /** A session with an opening time: the visitor's place in its line, and their turn. */
  readonly #line: LaunchLine;
  /** The spots just opened to this visitor: the browser's cached copy of the session is stale. */
  #fresh = false;

  constructor(host: LitElement, context: () => FlowContext) {
    super(host, context, { name: "pick" });
    this.#line = new LaunchLine(host, (before, now) => {
      if (now.status === "admitted" && before?.status !== "admitted") {
        this.#fresh = true;
        void this.run();
        this.focus(`#${stepHeading}`);
      }
    });
    this.#countdown = new HoldCountdown(host, () => {
      this.report(new ApiProblem(410, "hold_expired"));
      this.#returnToPick(t("holdExpired"));
    });
  }

  protected async load(api: Api, key: string, lang: string, signal: AbortSignal) {
    if (!key.startsWith(offerKey)) {
      const data = await api.session(key, lang, signal, this.#fresh ? "no-cache" : undefined);
      learnLabels(data);
      this.#fresh = false;
      if (data.rules?.opensAt) this.#line.join(api, key);
      else this.#line.stop();
      return data;
    }
    // A spot held for them from the waitlist: straight to the details form, on the offer's hold.
    const token = key.slice(offerKey.length);
    const { offer } = await api.offer(token, signal);
    const data = await api.session(offer.session, lang, signal);
    learnLabels(data);
    this.#draft = { ...this.#draft, name: offer.client.name, email: offer.client.email };
    this.state = {
      name: "form",
      // An offer holds one spot: one seat.
      spot: { ...offer.spot, available: false, seats: 1, seatsLeft: 0 },
      hold: { id: offer.hold.id, token, expiresAt: offer.hold.expiresAt, seats: 1 },
      skew: 0,
      errors: {},
    };
    this.#countdown.start(Date.parse(offer.hold.expiresAt));
    return data;
  }

  protected override reset(): void {
    super.reset();
    this.#countdown.stop();
    this.#line.stop();
    this.#waitlist = { step: "offer" };
  }

  protected renderValue(data: SessionData, refreshing: boolean) {
    return html`${renderHeader(data.session, data.sessionType)}${this.#renderStep(data, refreshing)}`;
  }

  #renderStep(data: SessionData, refreshing: boolean) {
    const { session } = data;
    const format = this.format(session.timeZone);
    const step = this.state;
    const place = this.#line.place;
    const onTurn = place?.status === "admitted" || place?.status === "held";
    switch (step.name) {
      case "pick":
        if (data.rules?.opensAt && !onTurn) {
          return this.#renderLine(data.locale, data.rules.opensAt, place);
        }
        return html`${
          place?.admission
            ? html`<p part="notice" role="status">${t("lineYourTurn", {
                count: Math.max(1, Math.round((Date.parse(place.admission.expiresAt) - Date.now()) / 60_000)),
              })}</p>`
            : ""
        }${this.#renderPicker(data, format, this.alert(step.notice), refreshing)}${
          session.waitlistOpen && !data.spots.some((s) => s.available)
            ? this.#renderWaitlist(data, format)
            : ""
        }`;
      case "form":
        if (step.forms) {
          return html`<section>
            ${renderStepHeading(t("beforeYouBook"))}
            <form part="form" novalidate @submit=${(event: SubmitEvent) => void this.#submit(event, data, step)}>
              ${this.alert(step.alert) ?? ""}${renderForms(data, step.forms)}
              <div class="actions">
                <button type="submit" part="button primary" aria-disabled=${step.busy ? "true" : "false"}>
                  ${step.busy ? t("booking") : signOr(data, t("book"))}
                </button>
                <button type="button" part="button" @click=${() => this.set({ ...step, forms: undefined })}>${t("backToDetails")}</button>
              </div>
            </form>
          </section>`;
        }
        return this.#renderDetails(data, step, format);
      case "done":
        return step.checkoutUrl
          ? renderRedirect(step.checkoutUrl)
          : renderConfirmation(
              format,
              t("booked"),
              { session, spot: step.spot, pkg: step.pkg, seats: step.seats },
              step.amounts,
              step.email,
              this.context().api.calendarUrl(step.token),
            );
    }
  }

  /** Waiting for the opening, or for one's turn after it; or a turn that passed. */
  #renderLine(locale: string, opensAt: string, place: PlaceInLine | undefined) {
    // The opening on the visitor's own clock, in their own zone (named), in their language.
    const when = t("lineOpensAt", {
      when: new Intl.DateTimeFormat(locale, {
        weekday: "long",
        month: "long",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZoneName: "short",
      }).format(new Date(place?.opensAt ?? opensAt)),
    });
    if (place?.status === "over") {
      return html`${renderStepHeading(t("lineTurnOver"))}
        <button type="button" part="button primary" @click=${() => this.#line.again()}>${t("lineAgain")}</button>`;
    }
    const position = place?.position ?? null;
    return html`${renderStepHeading(position === null ? when : t("lineHeading"))}
      <div part="notice" role="status" aria-live="polite">
        ${
          position === null
            ? html`<p>${t("lineWaitHere")}</p>`
            : html`<p>${position === 1 ? t("lineNext") : t("lineAhead", { count: position - 1 })}</p>
                ${place?.seatsLeft === 0 ? html`<p>${t("lineFull")}</p>` : nothing}`
        }
      </div>`;
  }

  /** The session's times by day, each a button that holds it; and how many seats, at a workshop. */
  #renderPicker(data: SessionData, format: Format, notice: TemplateResult | undefined, refreshing: boolean) {
    const { spots } = data;
    const maxSeats = data.session.maxSeatsPerBooking;
    const seats = this.#seats;
    const first = spots[0];
    const zone = first ? format.zone(first.startsAt) : "";
    const choose = maxSeats > 1 && spots.some((spot) => spot.seats > 1);
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
                <select
                  part="input"
                  id="seats"
                  name="seats"
                  @change=${(event: Event) => {
                    this.#seats = Number((event.target as HTMLSelectElement).value);
                    this.host.requestUpdate();
                  }}
                >
                  ${Array.from(
                    { length: maxSeats },
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
                        @click=${() => void this.#pick(data, spot)}
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

  /** Under a full session's list: join its waitlist with name, email and, optionally, the days that suit. */
  #renderWaitlist(data: SessionData, format: Format) {
    const state = this.#waitlist;
    if (state.step === "joined") {
      return html`<p part="notice" role="status">${t("waitlistPosition", { count: state.position })}</p>
        <p><a part="link" href=${state.link}>${t("waitlistKeepLink")}</a></p>`;
    }
    if (state.step === "offer") {
      return html`<p><button type="button" part="button" @click=${() => this.#setWaitlist({ step: "form", errors: {} }, "#name")}>${t("waitlistJoin")}</button></p>`;
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

  /** The held spot's details form: name, email and package, the extras, the rules, and the hold's countdown. */
  #renderDetails(data: SessionData, step: FormStep, format: Format) {
    const { session, packages } = data;
    const { seats } = step.hold;
    const [draft, errors, busy, countdown] = [this.#draft, step.errors, step.busy, this.#countdown];
    // The package decided for the visitor; when undefined and there are packages, they choose.
    const pkg = fixedPackage(packages, session.packageId);
    const chosen = pkg ?? packages.find((p) => p.id === draft.packageId);
    const rules = data.rules?.text;
    return html`
      <section>
        ${renderStepHeading(t("yourDetails"))}
        ${renderSummary(format, { session, spot: step.spot, pkg, seats }, chosen && extrasAmounts(chosen, session, draft, seats))}
        <div class="countdown" part="countdown">
          <p>
            ${t("held")} ·
            <strong aria-hidden="true">${t("timeLeft", { clock: countdown.clock })}</strong>
            <span class="visually-hidden" role="status">${countdown.announcement}</span>
          </p>
          <button type="button" part="button" @click=${() => void this.#extend(step)}>${t("extend")}</button>
        </div>
        <form
          part="form"
          novalidate
          @input=${this.#keep}
          @change=${this.#keep}
          @submit=${(event: SubmitEvent) => void this.#submit(event, data, step)}
        >
          ${this.alert(step.alert) ?? nothing}
          ${renderContact(draft, errors)}
          ${renderField("phone", t("phone"), "tel", "tel", draft.phone, errors.phone)}
          ${
            !pkg && packages.length > 0
              ? renderPackageChoice(format, packages, session.currency, draft.packageId, errors.packageId)
              : nothing
          }
          ${
            // The studio's terms, above the button that books (booking accepts them).
            rules?.length
              ? html`<div part="rules">
                  <p>${t("rulesIntro")}</p>
                  <ul>
                    ${rules.map((line) => html`<li>${line}</li>`)}
                  </ul>
                </div>`
              : nothing
          }
          ${renderCheckoutExtras(format, chosen, session.currency, draft, errors.couponCode)}
          <div class="actions">
            <button type="submit" part="button primary" aria-disabled=${!!busy}>
              ${t(busy ? "booking" : hasForms(data) ? "continue" : "book")}
            </button>
            <button type="button" part="button" @click=${() => this.#back(step)}>${t("back")}</button>
          </div>
        </form>
      </section>
    `;
  }

  async #pick(data: SessionData, spot: Spot) {
    if (this.state.name !== "pick" || this.state.picking) return;
    this.set({ ...this.state, picking: true });
    const sentAt = Date.now();
    try {
      const { hold } = await this.context().api.hold(
        data.session.slug,
        spot.id,
        this.#seats,
        this.#line.place?.admission?.token,
      );
      // The hold ends by the server's clock; a browser clock that is minutes off must neither
      // end the countdown at once nor promise time the visitor does not have.
      const skew = Date.parse(hold.expiresAt) - data.session.holdMinutes * 60_000 - sentAt;
      this.set({ name: "form", spot, hold, skew, errors: {} });
      this.#countdown.start(Date.parse(hold.expiresAt) - skew);
      this.emit("spotbook-hold", {
        session: data.session.slug,
        spotId: spot.id,
        expiresAt: hold.expiresAt,
      });
      this.focus(`#${stepHeading}`);
    } catch (error) {
      const { problem, message } = this.report(error);
      // Taken, or started meanwhile (409 conflict): the list is out of date.
      if (problem.status === 409) this.#returnToPick(message);
      else {
        this.set({ name: "pick", notice: message });
        this.focus("#problem");
      }
    }
  }

  #setWaitlist(state: WaitlistJoin, focus: string) {
    this.#waitlist = state;
    this.host.requestUpdate();
    this.focus(focus);
  }

  /** Joins the full session's waitlist; the answer's link (kept by the visitor) shows their place. */
  async #join(event: SubmitEvent, data: SessionData) {
    event.preventDefault();
    if (this.#waitlist.step !== "form" || this.#waitlist.busy) return;
    const form = event.target as HTMLFormElement;
    const read = readForm(WaitlistInput, form);
    if ("errors" in read)
      return this.#setWaitlist({ step: "form", errors: read.errors }, firstInvalid(read.errors) ?? "#name");
    const days = new FormData(form).getAll("day").map((date) => ({ date: String(date) }));
    this.#draft = { ...this.#draft, ...read.values };
    this.#waitlist = { step: "form", errors: {}, busy: true };
    this.host.requestUpdate();
    try {
      const { entry } = await this.context().api.joinWaitlist(data.session.slug, {
        client: read.values,
        ...(days.length ? { times: days } : {}),
        locale: data.locale,
      });
      const link = new URL(window.location.href);
      link.searchParams.set("spotbook-waitlist", entry.token);
      this.#setWaitlist({ step: "joined", position: entry.position, link: link.href }, "[role=status]");
    } catch (error) {
      const { problem, message } = this.report(error);
      this.#setWaitlist(
        { step: "form", errors: fieldErrors(problem), problem: this.alert(message) },
        "#problem",
      );
    }
  }

  /** Back to the list, told why when `notice` is given, with a fresh copy of the spots. */
  #returnToPick(notice?: string, released: Promise<unknown> = Promise.resolve()) {
    this.#countdown.stop();
    this.set(notice ? { name: "pick", notice } : { name: "pick" });
    this.focus(notice ? "#problem" : `#${stepHeading}`);
    // After a release, wait for it, so the fresh list shows the visitor's spot free again.
    void released.catch(() => undefined).then(() => this.run());
  }

  #back(step: FormStep) {
    this.#returnToPick(undefined, this.context().api.release(step.hold));
  }

  async #extend(step: FormStep) {
    try {
      const { hold } = await this.context().api.extend(step.hold);
      this.#countdown.start(Date.parse(hold.expiresAt) - step.skew);
    } catch (error) {
      this.#failed(error, step);
    }
  }

  /** Keeps what the visitor types, for the next spot if this hold ends. */
  #keep = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.#draft[input.name] = input.value;
    // The price follows the package, the party size and the add-ons as they change.
    if (isExtra(input.name) || input.name === "packageId") this.host.requestUpdate();
  };

  async #submit(event: SubmitEvent, data: SessionData, step: FormStep) {
    event.preventDefault();
    if (step.busy) return;
    const pkg = fixedPackage(data.packages, data.session.packageId);
    const target = event.target as HTMLFormElement;
    if (!step.forms) {
      const form = readForm(pkg || data.packages.length === 0 ? ClientInput : ClientWithPackage, target);
      if ("errors" in form) return this.#showErrors(step, form.errors);
      this.#details = form.values;
      // The questions and the contract come on a page of their own, after the details.
      if (hasForms(data)) return this.#showForms(step, {});
    }
    const forms = step.forms ? readForms(data, target) : { body: {} };
    if ("errors" in forms) return this.#showForms(step, forms.errors);
    const { name, email, phone } = this.#details;
    const packageId = this.#details.packageId || pkg?.id;
    this.set({ ...step, busy: true, errors: {}, alert: undefined });
    try {
      const chosen = data.packages.find((p) => p.id === packageId);
      const { booking, quote, checkoutUrl } = await this.context().api.book(step.hold, {
        client: phone ? { name, email, phone } : { name, email },
        ...(packageId ? { packageId } : {}),
        locale: data.locale,
        ...(data.rules?.text.length ? { acceptRules: true } : {}),
        ...extrasBody(chosen, this.#draft),
        ...forms.body,
      });
      this.#countdown.stop();
      this.set({
        name: "done",
        spot: step.spot,
        pkg: chosen,
        seats: step.hold.seats,
        email,
        token: booking.token,
        amounts: quote
          ? {
              currency: data.session.currency,
              ...quote,
              paidCents: 0,
              balanceCents: quote.amountCents,
              quote,
            }
          : chosen && extrasAmounts(chosen, data.session, this.#draft, step.hold.seats),
        checkoutUrl: checkoutUrl ?? undefined,
      });
      this.finish(
        "spotbook-booked",
        { session: data.session.slug, spotId: step.spot.id, bookingId: booking.id, status: booking.status },
        checkoutUrl,
      );
    } catch (error) {
      this.#failed(error, step);
    }
  }

  /** An action on a held spot failed: back to the list when the spot is lost, else say so in the form. */
  #failed(error: unknown, step: FormStep) {
    const current = this.state;
    // The hold may have run out while the request was on its way; then the list is showing.
    if (current.name !== "form" || current.hold !== step.hold) return;
    const { problem, message } = this.report(error);
    if (problem.code === "hold_expired" || problem.code === "spot_taken") return this.#returnToPick(message);
    const answers = formErrors(problem);
    if (current.forms && Object.keys(answers).length > 0) return this.#showForms(current, answers);
    const errors = fieldErrors(problem);
    if (Object.keys(errors).length > 0) return this.#showErrors({ ...current, forms: undefined }, errors);
    this.set({ ...current, busy: false, errors: {}, alert: message });
    this.focus("#problem");
  }

  #showForms(step: FormStep, forms: FormErrors) {
    this.set({ ...step, busy: false, alert: undefined, forms });
    this.focus(firstFormError(forms) ?? `#${stepHeading}`);
  }

  #showErrors(step: FormStep, errors: FieldErrors) {
    this.set({ ...step, busy: false, errors, alert: undefined });
    this.focus(firstInvalid(errors) ?? "#problem");
  }
}

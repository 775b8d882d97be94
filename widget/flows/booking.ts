import { html, type LitElement, nothing, type TemplateResult } from "lit";
import type { Api } from "../api.ts";
import type { PlaceInLine } from "../booking-api.ts";
import { type Format, learnLabels } from "../format.ts";
import { t } from "../i18n.ts";
import type { LaunchLine } from "../launch-line.ts";
import type { SessionData, Spot } from "../schemas.ts";
import { renderHeader, renderStepHeading, stepHeading } from "../views/parts.ts";
import { groupByDay, spotState } from "../views/spot-picker.ts";
import { Flow, type FlowContext, notLoaded } from "./flow.ts";
import type { AroundHeldSpot, Draft, HeldSpot } from "./held-spot.ts";
import type { WaitlistJoin } from "./waitlist.ts";

/**
 * Choosing a time, told what went wrong (with a reload of the page when what loads on demand did
 * not); or on a held spot, whose step (./held-spot.ts) is loaded on demand.
 */
type Step = { name: "pick"; notice?: string; reload?: boolean; picking?: boolean } | { name: "held" };

/** The flow's key for a spot held from a waitlist (`?spotbook-offer=TOKEN`); a slug has no colon. */
export const offerKey = "offer:";

/**
 * A Multi session, booked by a visitor: pick a spot (held for them while they type), give name,
 * email and package, book; or go to payment when a deposit is due now.
 */
export class BookingFlow extends Flow<Step, SessionData> {
  protected readonly texts = { loading: "loading", notFound: "sessionNotFound" };
  #draft: Draft = { name: "", email: "", phone: "", packageId: "" };
  /** Seats the visitor wants at a workshop's time. */
  #seats = 1;
  /** The held spot's step, from the first hold on. */
  #held: HeldSpot | undefined;
  /** A full session's waitlist form, once the visitor asked for it. */
  #joining: WaitlistJoin | undefined;
  /** What the parts loaded on demand ask of this flow. */
  readonly #around: AroundHeldSpot = {
    host: this.host,
    api: () => this.context().api,
    report: (error) => this.report(error),
    focus: (selector) => this.focus(selector),
    alert: (message) => this.alert(message),
    finish: (detail, checkoutUrl) => {
      // Booked even when the hold's countdown ran out while the booking was on its way.
      this.set({ name: "held" });
      this.finish("spotbook-booked", detail, checkoutUrl);
    },
    returnToPick: (notice, released) => this.#returnToPick(notice, released),
  };
  /** A session with an opening time: the visitor's place in its line, and their turn. */
  #line: LaunchLine | undefined;
  /** The spots just opened to this visitor: the browser's cached copy of the session is stale. */
  #fresh = false;

  constructor(host: LitElement, context: () => FlowContext) {
    super(host, context, { name: "pick" });
  }

  protected async load(api: Api, key: string, lang: string, signal: AbortSignal) {
    if (!key.startsWith(offerKey)) {
      const data = await api.session(key, lang, signal, this.#fresh ? "no-cache" : undefined);
      learnLabels(data);
      this.#fresh = false;
      if (data.rules?.opensAt) void this.#joinLine(api, key);
      else this.#line?.stop();
      return data;
    }
    // A spot held for them from the waitlist: straight to the details form, on the offer's hold.
    const token = key.slice(offerKey.length);
    const [{ offer }, held] = await Promise.all([api.offer(token, signal), this.#heldSpot()]);
    const data = await api.session(offer.session, lang, signal);
    learnLabels(data);
    Object.assign(this.#draft, { name: offer.client.name, email: offer.client.email });
    held.start(
      {
        // An offer holds one spot: one seat.
        spot: { ...offer.spot, available: false, seats: 1, seatsLeft: 0 },
        hold: { id: offer.hold.id, token, expiresAt: offer.hold.expiresAt, seats: 1 },
        skew: 0,
      },
      Date.parse(offer.hold.expiresAt),
    );
    this.state = { name: "held" };
    return data;
  }

  /** Takes the visitor's place in the session's line, once its module has come. */
  async #joinLine(api: Api, slug: string) {
    try {
      const { LaunchLine } = await this.context().onDemand();
      // Another session took this one's place meanwhile.
      if (this.context().key !== slug) return;
      this.#line ??= new LaunchLine(this.host, (before, now) => {
        if (now.status === "admitted" && before?.status !== "admitted") {
          this.#fresh = true;
          void this.run();
          this.focus(`#${stepHeading}`);
        }
      });
      this.#line.join(api, slug);
    } catch (error) {
      this.#failed(error);
    }
  }

  async #heldSpot(): Promise<HeldSpot> {
    const { HeldSpot } = await this.context().onDemand();
    this.#held ??= new HeldSpot(this.#around, this.#draft);
    return this.#held;
  }

  /** Shows the waitlist's form, once its module has come. */
  async #openWaitlist() {
    try {
      const { WaitlistJoin } = await this.context().onDemand();
      this.#joining = new WaitlistJoin(this.#around, this.#draft);
      // The list again, without a failed try's alert.
      this.set({ name: "pick" });
      this.focus("#name");
    } catch (error) {
      this.#failed(error);
    }
  }

  /** On the list, says what failed; when what loads on demand did not, its retry reloads the page. */
  #failed(error: unknown) {
    const { problem, message } = this.report(error);
    // Taken, or started meanwhile (409 conflict): the list is out of date.
    if (problem.status === 409) return this.#returnToPick(message);
    this.set({ name: "pick", notice: message, reload: problem.code === notLoaded });
    this.focus("#problem");
  }

  protected override reset(): void {
    super.reset();
    this.#held?.stop();
    this.#line?.stop();
    this.#joining = undefined;
  }

  protected renderValue(data: SessionData, refreshing: boolean) {
    return html`${renderHeader(data.session, data.sessionType)}${this.#renderStep(data, refreshing)}`;
  }

  #renderStep(data: SessionData, refreshing: boolean) {
    const { session } = data;
    const format = this.format(session.timeZone);
    const step = this.state;
    const place = this.#line?.place;
    const onTurn = place?.status === "admitted" || place?.status === "held";
    switch (step.name) {
      case "pick":
        if (data.rules?.opensAt && !onTurn) {
          return html`${this.alert(step.notice, step.reload) ?? nothing}${this.#renderLine(data.locale, data.rules.opensAt, place)}`;
        }
        return html`${
          place?.admission
            ? html`<p part="notice" role="status">${t("lineYourTurn", {
                count: Math.max(1, Math.round((Date.parse(place.admission.expiresAt) - Date.now()) / 60_000)),
              })}</p>`
            : ""
        }${this.#renderPicker(data, format, this.alert(step.notice, step.reload), refreshing)}${
          session.waitlistOpen && !data.spots.some((s) => s.available)
            ? this.#renderWaitlist(data, format)
            : ""
        }`;
      case "held":
        return this.#held?.render(data, format);
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
        <button type="button" part="button primary" @click=${() => this.#line?.again()}>${t("lineAgain")}</button>`;
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

  /** Under a full session's list: a button that opens the form to join its waitlist. */
  #renderWaitlist(data: SessionData, format: Format) {
    return (
      this.#joining?.render(data, format) ??
      html`<p><button type="button" part="button" @click=${() => void this.#openWaitlist()}>${t("waitlistJoin")}</button></p>`
    );
  }

  async #pick(data: SessionData, spot: Spot) {
    if (this.state.name !== "pick" || this.state.picking) return;
    this.set({ ...this.state, picking: true });
    const sentAt = Date.now();
    const { api, key } = this.context();
    const holding = api.hold(data.session.slug, spot.id, this.#seats, this.#line?.place?.admission?.token);
    try {
      // The step's module comes beside the hold, which the visitor waits for anyway.
      const [{ hold }, held] = await Promise.all([holding, this.#heldSpot()]);
      // Another session took this one's place meanwhile: nobody is left holding this time.
      if (this.context().key !== key) return void api.release(hold).catch(() => undefined);
      // The hold ends by the server's clock; a browser clock that is minutes off must neither
      // end the countdown at once nor promise time the visitor does not have.
      const skew = Date.parse(hold.expiresAt) - data.session.holdMinutes * 60_000 - sentAt;
      held.start({ spot, hold, skew }, Date.parse(hold.expiresAt) - skew);
      this.set({ name: "held" });
      this.emit("spotbook-hold", {
        session: data.session.slug,
        spotId: spot.id,
        expiresAt: hold.expiresAt,
      });
      this.focus(`#${stepHeading}`);
    } catch (error) {
      // Held, but its step did not load: the spot is let go now rather than when the hold ends.
      holding.then(({ hold }) => api.release(hold)).catch(() => undefined);
      this.#failed(error);
    }
  }

  /** Back to the list, told why when `notice` is given, with a fresh copy of the spots. */
  #returnToPick(notice?: string, released: Promise<unknown> = Promise.resolve()) {
    this.#held?.stop();
    this.set(notice ? { name: "pick", notice } : { name: "pick" });
    this.focus(notice ? "#problem" : `#${stepHeading}`);
    // After a release, wait for it, so the fresh list shows the visitor's spot free again.
    void released.catch(() => undefined).then(() => this.run());
  }
}

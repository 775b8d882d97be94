import { html, type LitElement, nothing } from "lit";
import * as v from "valibot";
import type { Api } from "../api.ts";
import { type BookingDetail, type BookingRecord, bookingApi } from "../booking-api.ts";
import { fieldErrors, firstInvalid, PackageChoice, readForm } from "../form.ts";
import { type Format, learnLabels } from "../format.ts";
import { t } from "../i18n.ts";
import type { Spot } from "../schemas.ts";
import { extrasAmounts } from "../views/checkout-extras.ts";
import { renderConfirmation, renderRedirect } from "../views/confirmation.ts";
import { firstFormError, formErrors, readForms, renderForms, signOr } from "../views/contract.ts";
import { renderHeader, renderStepHeading, stepHeading } from "../views/parts.ts";
import type { FormErrors } from "../views/questionnaire.ts";
import { renderBookingNotice } from "../views/single-confirmation.ts";
import { fixedPackage, renderPackageChoice, renderSummary } from "../views/summary.ts";
import { Flow, type FlowContext } from "./flow.ts";

/** What the client is doing with their confirmed booking: nothing yet, picking a time, or about to cancel. */
type ManageStep = { name: "idle" } | { name: "pick"; spots: Spot[] } | { name: "cancel" };

interface State {
  /** The booking as the confirm call answered it, in place of the one loaded. */
  confirmed?: BookingRecord;
  checkoutUrl?: string;
  /** The package the client picked, when the session leaves the choice to them. */
  chosen: string;
  error?: string;
  /** What the answers and the signature need, field by field. */
  formErrors?: FormErrors;
  alert?: string;
  busy?: boolean;
  /** The client's own changes to a confirmed booking. */
  manage: ManageStep;
  /** What the client just did, said once above the booking. */
  done?: string;
}

const Choice = v.object({ packageId: PackageChoice });

/** Back from Stripe Checkout with a payment made: the booking is followed until Stripe's word arrives. */
const returnedPaid = () => new URLSearchParams(window.location.search).get("spotbook_payment") === "paid";
// Waits between looks at the booking: from half a second, half as long again each time, up to 5 s,
// for about two minutes; then the visitor is told it is slow, and may look again themselves.
const firstWaitMs = 500;
const maxWaitMs = 5000;
const maxLooks = 30;

/**
 * A confirmation link (`?spotbook=TOKEN`): the client checks their Single session (or a spot the
 * photographer reserved for them), chooses a package if none is set, and confirms; or sees
 * where the booking stands.
 */
export class ConfirmationFlow extends Flow<State, BookingDetail> {
  protected readonly texts = { loading: "loadingBooking", notFound: "bookingNotFound" };
  /** How many times the booking was looked at since the visitor came back from paying. */
  #looks = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: LitElement, context: () => FlowContext) {
    super(host, context, { chosen: "", manage: { name: "idle" } });
  }

  protected async load(api: Api, token: string, lang: string, signal: AbortSignal) {
    const detail = await bookingApi(api).booking(token, lang, signal);
    this.#follow(detail.booking);
    return detail;
  }

  get #api() {
    return bookingApi(this.context().api);
  }

  protected override reset(): void {
    super.reset();
    clearTimeout(this.#timer);
    this.#looks = 0;
  }

  /** Whether the payment the visitor just made is still on its way to the booking. */
  #awaitingPayment(booking: BookingRecord): boolean {
    return (
      returnedPaid() &&
      ["held", "pending_payment", "awaiting_confirmation", "reserved"].includes(booking.status)
    );
  }

  /** Looks at the booking again, ever less often, until it is confirmed (or ends) or it takes too long. */
  #follow(booking: BookingRecord) {
    clearTimeout(this.#timer);
    if (!this.#awaitingPayment(booking) || this.#looks >= maxLooks) return;
    const wait = Math.min(maxWaitMs, firstWaitMs * 1.5 ** this.#looks);
    this.#looks += 1;
    this.#timer = setTimeout(() => {
      if (this.host.isConnected) void this.run();
    }, wait);
  }

  protected renderValue(detail: BookingDetail, refreshing: boolean) {
    return html`${renderHeader(detail.session, detail.sessionType)}${this.#renderStatus(detail, refreshing)}`;
  }

  #renderStatus(detail: BookingDetail, refreshing: boolean) {
    const { session, packages, spot } = detail;
    const state = this.state;
    const booking = state.confirmed ?? detail.booking;
    const format = this.format(session.timeZone);
    const pkg = fixedPackage(packages, booking.packageId, session.packageId);
    if (state.checkoutUrl) return renderRedirect(state.checkoutUrl);
    if (this.#awaitingPayment(booking)) {
      return this.#looks >= maxLooks
        ? renderBookingNotice(t("paymentSlow"), () => this.#lookAgain(), refreshing)
        : renderBookingNotice(t("paymentConfirming"));
    }
    switch (booking.status) {
      case "confirmed":
        return html`${state.done ? html`<p part="notice" role="status">${state.done}</p>` : nothing}
          ${renderConfirmation(
            format,
            t("confirmed"),
            { session, spot, pkg, seats: booking.seats },
            booking,
            booking.client?.email,
            this.#api.calendarUrl(this.context().key),
          )}
          ${this.#renderManage(detail, booking, format)}`;
      case "reserved":
      case "awaiting_confirmation": {
        // A Single session (or a spot the photographer reserved) waiting for the client's yes.
        const shown = pkg ?? packages.find((p) => p.id === state.chosen);
        return html`
          <section>
            ${renderStepHeading(t("confirmTitle"))}
            <p>${t("confirmIntro")}</p>
            ${renderSummary(
              format,
              { session, spot, pkg: shown },
              // Until a package is set, the booking's amounts are not yet known to the server.
              booking.packageId ? booking : shown && extrasAmounts(shown, session, {}),
            )}
            <form
              part="form"
              novalidate
              @input=${this.#choose}
              @change=${this.#choose}
              @submit=${(event: SubmitEvent) => void this.#confirm(event, detail)}
            >
              ${this.alert(state.alert) ?? nothing}
              ${!pkg && packages.length > 0 ? renderPackageChoice(format, packages, session.currency, state.chosen, state.error) : nothing}
              ${renderForms(detail, state.formErrors ?? {})}
              <div class="actions">
                <button type="submit" part="button primary" aria-disabled=${!!state.busy}>
                  ${state.busy ? t("confirming") : signOr(detail, t("confirm"))}
                </button>
              </div>
            </form>
          </section>
        `;
      }
      case "held":
      case "pending_payment":
        return renderBookingNotice(t("pendingPayment"), () => void this.run(), refreshing);
      default:
        if (state.done) return renderBookingNotice(state.done);
        return renderBookingNotice(
          t(booking.status === "cancelled" ? "cancelled" : "expired", { studio: session.studioName }),
        );
    }
  }

  /** The client's own changes under the studio's rules: pay the balance, reschedule, cancel. */
  #renderManage(detail: BookingDetail, booking: BookingRecord, format: Format) {
    const state = this.state;
    const step = state.manage;
    const canReschedule = detail.selfService?.reschedule.allowed;
    const canCancel = detail.selfService?.cancel.allowed;
    const canPay = booking.balanceCents > 0;
    if (!canReschedule && !canCancel && !canPay) return nothing;
    const back = () => this.set({ ...state, manage: { name: "idle" }, alert: undefined });
    const body =
      step.name === "pick"
        ? html`<h3>${t("pickNewTime")}</h3>
            ${
              step.spots.length === 0
                ? html`<p>${t("noOtherTimes")}</p>`
                : html`<ul class="spots" part="spots">
                    ${step.spots.map(
                      (spot) => html`<li>
                        <button
                          type="button"
                          part="spot"
                          ?disabled=${state.busy}
                          @click=${() =>
                            void this.#change(
                              () => this.#api.reschedule(this.context().key, spot.id),
                              t("moved"),
                            )}
                        >
                          ${format.range(spot.startsAt, spot.endsAt)}
                        </button>
                      </li>`,
                    )}
                  </ul>`
            }
            <button type="button" part="button" @click=${back}>${t("keepIt")}</button>`
        : step.name === "cancel"
          ? html`<p>${t("cancelSure")}</p>
              <div class="actions">
                <button
                  type="button"
                  part="button primary"
                  ?disabled=${state.busy}
                  @click=${() => void this.#change(() => this.#api.cancel(this.context().key), t("cancelledNow"))}
                >
                  ${t("cancelYes")}
                </button>
                <button type="button" part="button" @click=${back}>${t("keepIt")}</button>
              </div>`
          : html`<div class="actions">
              ${canPay ? html`<button type="button" part="button primary" @click=${() => void this.#pay()}>${t("payBalance")}</button>` : nothing}
              ${canReschedule ? html`<button type="button" part="button" @click=${() => void this.#offerTimes(detail)}>${t("reschedule")}</button>` : nothing}
              ${canCancel ? html`<button type="button" part="button" @click=${() => this.set({ ...state, manage: { name: "cancel" }, alert: undefined })}>${t("cancelBooking")}</button>` : nothing}
            </div>`;
    return html`<section part="manage" aria-label=${t("manage")}>${this.alert(state.alert) ?? nothing}${body}</section>`;
  }

  #lookAgain() {
    this.#looks = 0;
    void this.run();
  }

  /** The session's other times with seats free for the whole booking, to move to. */
  async #offerTimes(detail: BookingDetail) {
    this.set({ ...this.state, busy: true, alert: undefined });
    try {
      const data = await this.context().api.session(detail.session.slug, this.context().lang);
      learnLabels(data);
      const spots = data.spots.filter(
        (s) => s.available && s.seatsLeft >= detail.booking.seats && s.startsAt !== detail.spot.startsAt,
      );
      this.set({ ...this.state, busy: false, manage: { name: "pick", spots } });
    } catch {
      // A Single session is not public: it has no other time to move to.
      this.set({ ...this.state, busy: false, manage: { name: "pick", spots: [] } });
    }
  }

  /** A move or a cancellation: done, said, and the booking read again as it now stands. */
  async #change(call: () => Promise<unknown>, done: string) {
    if (this.state.busy) return;
    this.set({ ...this.state, busy: true, alert: undefined });
    try {
      await call();
      this.set({ chosen: this.state.chosen, manage: { name: "idle" }, done });
      await this.run();
      this.focus("[part=notice]");
    } catch (error) {
      this.set({ ...this.state, busy: false, alert: this.report(error).message });
      this.focus("#problem");
    }
  }

  async #pay() {
    try {
      const { checkoutUrl } = await this.#api.payBalance(this.context().key);
      window.location.assign(checkoutUrl);
    } catch (error) {
      this.set({ ...this.state, alert: this.report(error).message });
      this.focus("#problem");
    }
  }

  #choose = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name === "packageId") this.set({ ...this.state, chosen: input.value, error: undefined });
  };

  async #confirm(event: SubmitEvent, detail: BookingDetail) {
    event.preventDefault();
    if (this.state.busy) return;
    const token = this.context().key;
    const pkg = fixedPackage(detail.packages, detail.booking.packageId, detail.session.packageId);
    let packageId = pkg?.id;
    const target = event.target as HTMLFormElement;
    if (!pkg && detail.packages.length > 0) {
      const form = readForm(Choice, target);
      if ("errors" in form) return this.#showError(form.errors.packageId);
      packageId = form.values.packageId;
    }
    const forms = readForms(detail, target);
    if ("errors" in forms) return this.#showFormErrors(forms.errors);
    this.set({ ...this.state, busy: true, error: undefined, alert: undefined, formErrors: {} });
    try {
      const { booking, checkoutUrl } = await this.#api.confirm(token, {
        ...(packageId && { packageId }),
        ...forms.body,
      });
      this.set({ ...this.state, busy: false, confirmed: booking, ...(checkoutUrl ? { checkoutUrl } : {}) });
      this.finish("spotbook-confirmed", { bookingId: booking.id, status: booking.status }, checkoutUrl);
    } catch (error) {
      const { problem, message } = this.report(error);
      if (problem.code === "already_confirmed") {
        // Confirmed in another tab or by the photographer meanwhile: show it as it now stands.
        this.set({ chosen: this.state.chosen, manage: { name: "idle" } });
        await this.run();
        return this.focus(`#${stepHeading}`);
      }
      const packageError = fieldErrors(problem).packageId;
      if (packageError) return this.#showError(packageError);
      const errors = formErrors(problem);
      if (Object.keys(errors).length > 0) return this.#showFormErrors(errors);
      this.set({ ...this.state, busy: false, alert: message });
      this.focus("#problem");
    }
  }

  #showFormErrors(formErrors: FormErrors) {
    this.set({ ...this.state, busy: false, formErrors });
    this.focus(firstFormError(formErrors) ?? "#problem");
  }

  #showError(error: string | undefined) {
    this.set({ ...this.state, busy: false, error });
    this.focus(firstInvalid({ packageId: error }) ?? "#problem");
  }
}

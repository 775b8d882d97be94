import { html, nothing } from "lit";
import { ApiProblem } from "../api.ts";
import { bookingApi } from "../booking-api.ts";
import type { SpotbookEventDetail } from "../events.ts";
import {
  ClientInput,
  ClientWithPackage,
  type FieldErrors,
  fieldErrors,
  firstInvalid,
  readForm,
} from "../form.ts";
import type { Format } from "../format.ts";
import { HoldCountdown } from "../hold-countdown.ts";
import { t } from "../i18n.ts";
import type { Hold, Package, SessionData, Spot } from "../schemas.ts";
import {
  type Extras,
  extrasAmounts,
  extrasBody,
  isExtra,
  renderCheckoutExtras,
} from "../views/checkout-extras.ts";
import { renderConfirmation, renderRedirect } from "../views/confirmation.ts";
import { firstFormError, formErrors, hasForms, readForms, renderForms, signOr } from "../views/contract.ts";
import { renderContact, renderField } from "../views/fields.ts";
import { renderStepHeading, stepHeading } from "../views/parts.ts";
import type { FormErrors } from "../views/questionnaire.ts";
import { type Amounts, fixedPackage, renderPackageChoice, renderSummary } from "../views/summary.ts";
import type { FlowPart } from "./flow.ts";

/** What the visitor has typed so far; kept when they go back and pick another time. */
export type Draft = Record<"name" | "email" | "phone" | "packageId", string> & Extras;

/** A spot held for the visitor. */
export interface Held {
  spot: Spot;
  hold: Hold;
  /** How far the server's clock is ahead of this browser's, in milliseconds. */
  skew: number;
}

type Step =
  | (Held & {
      name: "form";
      errors: FieldErrors;
      alert?: string;
      busy?: boolean;
      /** On the second page: the questions and the contract, with what they need field by field. */
      forms?: FormErrors;
    })
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

/** What the held spot's step asks of the booking flow around it. */
export interface AroundHeldSpot extends FlowPart {
  finish(
    detail: Omit<SpotbookEventDetail<"spotbook-booked">, "checkoutUrl">,
    checkoutUrl: string | null,
  ): void;
  /** Back to the list, told why when `notice` is given, once `released` (the hold let go) settles. */
  returnToPick(notice?: string, released?: Promise<unknown>): void;
}

/**
 * The spot held for the visitor, to booked: name, email and package, the extras, the rules and the
 * hold's countdown; then the questions and the contract, when the session has them; then the
 * booking (or the way to payment). Part of what is loaded on demand (on-demand.ts), which the
 * booking flow loads beside the first hold's request.
 */
export class HeldSpot {
  #step: Step | undefined;
  readonly #draft: Draft;
  /** The details as checked on the first page, sent with the answers from the second. */
  #details: ClientInput = { name: "", email: "", phone: "", packageId: "" };
  readonly #countdown: HoldCountdown;
  readonly #around: AroundHeldSpot;

  /** `draft` is the booking flow's, which this step keeps up to date as the visitor types. */
  constructor(around: AroundHeldSpot, draft: Draft) {
    this.#around = around;
    this.#draft = draft;
    this.#countdown = new HoldCountdown(around.host, () => {
      around.report(new ApiProblem(410, "hold_expired"));
      around.returnToPick(t("holdExpired"));
    });
  }

  /** Shows `held`'s details form, filled in from the draft, until `endsAt` on this browser's clock. */
  start(held: Held, endsAt: number): void {
    this.#set({ name: "form", ...held, errors: {} });
    this.#countdown.start(endsAt);
  }

  /**
   * The visitor left the step (the list is back): its countdown stops, and a late failure or
   * extension is dropped; a late booking still shows, for it was made.
   */
  stop(): void {
    this.#countdown.stop();
    this.#step = undefined;
  }

  render(data: SessionData, format: Format) {
    const step = this.#step;
    switch (step?.name) {
      case undefined:
        return nothing;
      case "form":
        if (step.forms) {
          return html`<section>
            ${renderStepHeading(t("beforeYouBook"))}
            <form part="form" novalidate @submit=${(event: SubmitEvent) => void this.#submit(event, data, step)}>
              ${this.#around.alert(step.alert) ?? ""}${renderForms(data, step.forms)}
              <div class="actions">
                <button type="submit" part="button primary" aria-disabled=${step.busy ? "true" : "false"}>
                  ${step.busy ? t("booking") : signOr(data, t("book"))}
                </button>
                <button type="button" part="button" @click=${() => this.#set({ ...step, forms: undefined })}>${t("backToDetails")}</button>
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
              { session: data.session, spot: step.spot, pkg: step.pkg, seats: step.seats },
              step.amounts,
              step.email,
              this.#api.calendarUrl(step.token),
            );
    }
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
          ${this.#around.alert(step.alert) ?? nothing}
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

  get #api() {
    return bookingApi(this.#around.api());
  }

  #set(step: Step): void {
    this.#step = step;
    this.#around.host.requestUpdate();
  }

  #back(step: FormStep) {
    this.#around.returnToPick(undefined, this.#around.api().release(step.hold));
  }

  async #extend(step: FormStep) {
    try {
      const { hold } = await this.#api.extend(step.hold);
      // Not when the visitor has left this hold meanwhile.
      if (this.#step?.name === "form" && this.#step.hold === step.hold) {
        this.#countdown.start(Date.parse(hold.expiresAt) - step.skew);
      }
    } catch (error) {
      this.#failed(error, step);
    }
  }

  /** Keeps what the visitor types, for the next spot if this hold ends. */
  #keep = (event: Event) => {
    const input = event.target as HTMLInputElement;
    this.#draft[input.name] = input.value;
    // The price follows the package, the party size and the add-ons as they change.
    if (isExtra(input.name) || input.name === "packageId") this.#around.host.requestUpdate();
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
    this.#set({ ...step, busy: true, errors: {}, alert: undefined });
    try {
      const chosen = data.packages.find((p) => p.id === packageId);
      const { booking, quote, checkoutUrl } = await this.#api.book(step.hold, {
        client: phone ? { name, email, phone } : { name, email },
        ...(packageId ? { packageId } : {}),
        locale: data.locale,
        ...(data.rules?.text.length ? { acceptRules: true } : {}),
        ...extrasBody(chosen, this.#draft),
        ...forms.body,
      });
      this.#countdown.stop();
      this.#set({
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
      this.#around.finish(
        { session: data.session.slug, spotId: step.spot.id, bookingId: booking.id, status: booking.status },
        checkoutUrl ?? null,
      );
    } catch (error) {
      this.#failed(error, step);
    }
  }

  /** An action on a held spot failed: back to the list when the spot is lost, else say so in the form. */
  #failed(error: unknown, step: FormStep) {
    const current = this.#step;
    // The hold may have run out while the request was on its way; then the list is showing.
    if (current?.name !== "form" || current.hold !== step.hold) return;
    const { problem, message } = this.#around.report(error);
    if (problem.code === "hold_expired" || problem.code === "spot_taken")
      return this.#around.returnToPick(message);
    const answers = formErrors(problem);
    if (current.forms && Object.keys(answers).length > 0) return this.#showForms(current, answers);
    const errors = fieldErrors(problem);
    if (Object.keys(errors).length > 0) return this.#showErrors({ ...current, forms: undefined }, errors);
    this.#set({ ...current, busy: false, errors: {}, alert: message });
    this.#around.focus("#problem");
  }

  #showForms(step: FormStep, forms: FormErrors) {
    this.#set({ ...step, busy: false, alert: undefined, forms });
    this.#around.focus(firstFormError(forms) ?? `#${stepHeading}`);
  }

  #showErrors(step: FormStep, errors: FieldErrors) {
    this.#set({ ...step, busy: false, errors, alert: undefined });
    this.#around.focus(firstInvalid(errors) ?? "#problem");
  }
}

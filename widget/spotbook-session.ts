import { adoptStyles, LitElement, type PropertyValues, supportsAdoptingStyleSheets } from "lit";
import { type Api, ApiProblem, apiBase, createApi, toProblem } from "./api.ts";
import type { SpotbookEventMap } from "./events.ts";
import { BookingFlow, offerKey } from "./flows/booking.ts";
import type { ConfirmationFlow } from "./flows/confirmation.ts";
import { type FlowContext, notLoaded, reloadPage } from "./flows/flow.ts";
import type { OnDemand } from "./flows/on-demand.ts";
import type { WaitlistFlow } from "./flows/waitlist.ts";
import { t } from "./i18n.ts";
import { styles } from "./styles.ts";
import { problemMessage, renderLoading, renderProblem } from "./views/parts.ts";
// The plain-HTML embeds (a div, a link) that survive site editors.
import "./embed.ts";

/**
 * A Spotbook Booking Session, booked inline on the photographer's own site.
 *
 * With `session="fall-minis"` it lists the session's spots by day and books one: the spot is
 * held while the visitor gives their details, then booked (or paid for through Stripe Checkout).
 * With a booking token (the `booking` attribute, or `?spotbook=TOKEN` in the page's address,
 * which wins over `session`) it shows that booking to its client to confirm.
 *
 * @summary Book a spot in a photography session, or confirm a booking.
 *
 * @fires spotbook-hold - A spot is held for the visitor. detail: `{session, spotId, expiresAt}` (nothing that could book: the hold's token stays inside).
 * @fires spotbook-booked - A booking was made. detail: `{session, spotId, bookingId, status, checkoutUrl?}`.
 * @fires spotbook-confirmed - A client confirmed their booking. detail: `{bookingId, status, checkoutUrl?}`.
 * @fires spotbook-error - The visitor was shown an error. detail: `{status, code, message}`.
 *
 * @csspart header - The session's name, type, length, place and description.
 * @csspart heading - Every heading (the session's name also has `title`).
 * @csspart title - The session's name.
 * @csspart day - One day's group of spots.
 * @csspart day-heading - The day's heading, in the visitor's language.
 * @csspart spots - The list of one day's spots.
 * @csspart spot - A spot's button; a taken one also has `taken`.
 * @csspart taken - A taken spot's (disabled) button.
 * @csspart notice - A line of information (time zone, nothing left, payment pending).
 * @csspart countdown - The hold's countdown with its Extend button.
 * @csspart form - The details form, and the confirm form.
 * @csspart field - A label, its input and its error.
 * @csspart label - A field's label or a group's legend.
 * @csspart input - A text input.
 * @csspart packages - The package choice (a fieldset).
 * @csspart package - One package's radio and label.
 * @csspart error - An error: below a field, or an alert.
 * @csspart button - Every button; the main action also has `primary`.
 * @csspart primary - The step's main action (Book, Confirm).
 * @csspart summary - When, where, package and amounts.
 * @csspart confirmation - The booked or confirmed state.
 * @csspart link - Links (Add to calendar, Continue to payment).
 *
 * @cssproperty [--spotbook-font=inherit] - The font.
 * @cssproperty [--spotbook-heading-font=inherit] - The headings' font.
 * @cssproperty [--spotbook-text=inherit] - The text color.
 * @cssproperty [--spotbook-muted=currentColor at 72%] - Secondary text.
 * @cssproperty [--spotbook-accent=#2456c8] - Main buttons, links, focus ring, the chosen package.
 * @cssproperty [--spotbook-accent-text=#fff] - Text on the accent color.
 * @cssproperty [--spotbook-surface=transparent] - Buttons' and inputs' background.
 * @cssproperty [--spotbook-border=currentColor at 35%] - Borders of spots, inputs and boxes.
 * @cssproperty [--spotbook-radius=0.5rem] - Corner radius.
 * @cssproperty [--spotbook-danger=#b3261e] - Errors.
 * @cssproperty [--spotbook-focus=the accent] - The focus ring.
 * @cssproperty [--spotbook-gap=1rem] - Space between sections and fields.
 * @cssproperty [--spotbook-min-height=max(22rem, 40rem - 40vw)] - Height kept while loading.
 */
export class SpotbookSession extends LitElement {
  static override styles = styles;

  // Declared without decorators: the decorator helpers would cost the bundle half a kilobyte.
  static override properties = { session: {}, booking: {}, api: {}, locale: {}, lang: {} };

  /** The Booking Session's public slug; when empty, read from `?spotbook-session=` (an announcement's link). */
  declare session: string;

  /** A booking token from a confirmation link; by default read from `?spotbook=` in the address. */
  declare booking: string;

  /** The API's root URL; by default the folder widget.js was loaded from. */
  declare api: string;

  /**
   * The visitor's language (a BCP 47 tag) for every word, date and price; by default the `lang`
   * of the element or its closest ancestor, else the page's, else the browser's languages.
   */
  declare locale: string;

  #client: Api = createApi(apiBase(""));
  #token = "";
  /** From the page's address: a place on a waitlist, or a spot held from one. */
  #waitlistToken = "";
  #offerToken = "";
  #linkedSession = "";

  readonly #bookingFlow = new BookingFlow(this, () =>
    this.#flowContext(
      this.#token || this.#waitlistToken
        ? ""
        : this.#offerToken
          ? offerKey + this.#offerToken
          : this.session || this.#linkedSession,
    ),
  );
  /**
   * The flows a link in the page's address opens (a client's booking, a place on a waitlist), in
   * the module loaded when first needed (flows/on-demand.ts): the list of times runs neither.
   */
  #confirmationFlow: ConfirmationFlow | undefined;
  #waitlistFlow: WaitlistFlow | undefined;
  /** Why the linked flow's module did not load (offline, or a deploy replaced it). */
  #linkProblem: ApiProblem | undefined;
  /** The linked flow on its way. */
  #opening: Promise<void> | undefined;
  /** What is loaded on demand (flows/on-demand.ts), on its way or come. */
  #onDemand: Promise<OnDemand> | undefined;

  constructor() {
    super();
    this.session = "";
    this.booking = "";
    this.api = "";
    this.locale = "";
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("api")) this.#client = createApi(apiBase(this.api));
    if (changed.has("booking")) {
      const query = new URLSearchParams(window.location.search);
      this.#token = this.booking || query.get("spotbook") || "";
      this.#waitlistToken = query.get("spotbook-waitlist") || "";
      this.#offerToken = query.get("spotbook-offer") || "";
      this.#linkedSession = query.get("spotbook-session") || "";
    }
    if (!this.#flow && !this.#linkProblem) this.#opening ??= this.#openLinkedFlow();
  }

  /** Rendered means with what is loaded on demand too, when it is on its way. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await Promise.all([this.#opening, this.#onDemand?.catch(() => undefined)]);
    return super.getUpdateComplete();
  }

  /** What is loaded on demand, once; failing, a problem whose retry reloads the page (flow.ts, notLoaded). */
  #loadOnDemand(): Promise<OnDemand> {
    this.#onDemand ??= import("./flows/on-demand.ts").then(
      (module) => {
        // Its views' styles join the element's own (without adopted sheets, Lit adds a <style>).
        adoptStyles(this.renderRoot as ShadowRoot, [
          ...(supportsAdoptingStyleSheets ? SpotbookSession.elementStyles : []),
          module.formStyles,
        ]);
        return module;
      },
      (error: unknown) => {
        throw new ApiProblem(0, notLoaded, String(error));
      },
    );
    return this.#onDemand;
  }

  async #openLinkedFlow() {
    try {
      const { ConfirmationFlow, WaitlistFlow } = await this.#loadOnDemand();
      if (this.#token) {
        this.#confirmationFlow ??= new ConfirmationFlow(this, () => this.#flowContext(this.#token));
      } else {
        this.#waitlistFlow ??= new WaitlistFlow(this, () =>
          this.#flowContext(this.#token ? "" : this.#waitlistToken),
        );
      }
    } catch (error) {
      this.#linkProblem = toProblem(error);
    }
    this.#opening = undefined;
    this.requestUpdate();
  }

  get #flow() {
    return this.#token
      ? this.#confirmationFlow
      : this.#waitlistToken
        ? this.#waitlistFlow
        : this.#bookingFlow;
  }

  override updated(): void {
    const loading = this.#flow ? this.#flow.loading : !this.#linkProblem;
    if (loading) this.setAttribute("aria-busy", "true");
    else this.removeAttribute("aria-busy");
  }

  #flowContext(key: string): FlowContext {
    const own = this.locale || this.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang;
    return {
      api: this.#client,
      lang: [own, ...navigator.languages].filter(Boolean).join(","),
      key,
      onDemand: () => this.#loadOnDemand(),
    };
  }

  override render() {
    const flow = this.#flow;
    if (flow) return flow.render();
    const problem = this.#linkProblem;
    return problem ? renderProblem(problemMessage(problem), reloadPage) : renderLoading(t("loadingBooking"));
  }
}

customElements.get("spotbook-session") ?? customElements.define("spotbook-session", SpotbookSession);

declare global {
  interface HTMLElementTagNameMap {
    "spotbook-session": SpotbookSession;
  }
  // Where the events can be heard: the element, and every ancestor up to document and window.
  interface GlobalEventHandlersEventMap extends SpotbookEventMap {}
}

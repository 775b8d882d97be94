import type { LitElement, ReactiveController, TemplateResult } from "lit";
import { type Api, type ApiProblem, toProblem } from "../api.ts";
import type { SpotbookEventDetail, SpotbookEventName } from "../events.ts";
import { createFormat } from "../format.ts";
import { speak, t, type Words } from "../i18n.ts";
import { problemMessage, renderLoading, renderProblem, stepHeading } from "../views/parts.ts";
import type { OnDemand } from "./on-demand.ts";

/**
 * The problem's code when what is loaded on demand did not load (offline, or a deploy replaced
 * it). A browser does not fetch a module that failed again, so trying again is loading the page
 * afresh, whose fresh widget.js also names the chunk that replaced the old one.
 */
export const notLoaded = "not_loaded";
export const reloadPage = () => location.reload();

/** Whether the console already told the site's owner to allow this page's origin (once a page). */
let toldOwner = false;

/** What a flow reads from its element, fresh at each use. */
export interface FlowContext {
  api: Api;
  /** The visitor's languages, most wanted first, comma-separated: the answer comes in the first spoken. */
  lang: string;
  /** The session slug or booking token the flow loads; "" when the element shows the other flow. */
  key: string;
  /** What is loaded on demand (./on-demand.ts), loaded once for the element. */
  onDemand(): Promise<OnDemand>;
}

/** What a part of a flow in a module of its own (flows/on-demand.ts) asks of the flow. */
export interface FlowPart {
  host: LitElement;
  api(): Api;
  report(error: unknown): { problem: ApiProblem; message: string };
  focus(selector: string): void;
  alert(message: string | undefined): TemplateResult | undefined;
}

/**
 * One way through the widget (book a spot, or confirm a booking): the one request on load, the
 * visitor's progress as `state`, and `render()`. The state lives here rather than in `@state()`
 * fields so the element stays small; `set` re-renders it. The load is a reactive controller of a
 * few lines rather than `@lit/task` (850 B of the bundle for what this needs): it starts when the
 * key or language changes, aborts the one it replaces, and keeps the last answer on screen while
 * a fresh one is on its way.
 */
export abstract class Flow<State, Value extends Words> implements ReactiveController {
  protected state: State;
  /** The last answer; undefined before the first, and after a failed load. */
  protected value: Value | undefined;
  /** Why the last load failed. */
  #problem: ApiProblem | undefined;
  #pending = false;
  #loadedKey = "";
  #args: unknown[] = [];
  #abort: AbortController | undefined;
  readonly #initial: State;

  /** The one request on load. */
  protected abstract load(api: Api, key: string, lang: string, signal: AbortSignal): Promise<Value>;
  /** The keys of what the placeholder says while loading, and of what a 404 means here. */
  protected abstract readonly texts: { loading: string; notFound: string };

  constructor(
    protected readonly host: LitElement,
    protected readonly context: () => FlowContext,
    initial: State,
  ) {
    this.#initial = initial;
    this.state = initial;
    host.addController(this);
  }

  /** Before each render: loads again when the client, the key or the language changed. */
  hostUpdate(): void {
    const { api, key, lang } = this.context();
    if (api !== this.#args[0] || key !== this.#args[1] || lang !== this.#args[2]) void this.run();
  }

  /** Loads the flow's data now (again); "" as the key loads nothing: the element shows another flow. */
  protected async run(): Promise<void> {
    const { api, key, lang } = this.context();
    this.#args = [api, key, lang];
    this.#abort?.abort();
    this.#abort = undefined;
    // Another session or booking (a single-page app reusing the element): start afresh.
    if (key !== this.#loadedKey) this.reset();
    this.#loadedKey = key;
    this.#pending = !!key;
    if (!key) return;
    const abort = new AbortController();
    this.#abort = abort;
    this.host.requestUpdate();
    let value: Value | undefined;
    let problem: ApiProblem | undefined;
    try {
      value = await this.load(api, key, lang, abort.signal);
    } catch (error) {
      // Told in the words on screen until now, as the view it replaces spoke them.
      if (this.#abort === abort) problem = this.report(error, this.texts.notFound).problem;
    }
    // A newer load took this one's place.
    if (this.#abort !== abort) return;
    this.#pending = false;
    this.value = value;
    this.#problem = problem;
    this.host.requestUpdate();
  }

  /** The request on load is running and there is nothing to show yet: the host keeps its height. */
  get loading(): boolean {
    return this.#pending && this.value === undefined;
  }

  render() {
    const { value } = this;
    speak(value);
    if (value) return this.renderValue(value, this.#pending);
    if (this.#pending) return renderLoading(t(this.texts.loading));
    const problem = this.#problem;
    if (!problem) return undefined;
    const message = problemMessage(problem, this.texts.notFound);
    const retry = problem.code === notLoaded ? reloadPage : () => void this.run();
    return renderProblem(message, problem.code === "not_found" ? undefined : retry);
  }

  /** The loaded data on screen; `refreshing` while a fresh copy is on its way. */
  protected abstract renderValue(value: Value, refreshing: boolean): unknown;

  /** Forgets the visitor's progress; the load's own render follows. */
  protected reset(): void {
    this.state = this.#initial;
  }

  protected set(state: State): void {
    this.state = state;
    this.host.requestUpdate();
  }

  protected format(timeZone: string) {
    return createFormat(this.value?.locale, timeZone);
  }

  protected emit<K extends SpotbookEventName>(type: K, detail: SpotbookEventDetail<K>): void {
    this.host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  /** A booking is made or confirmed: tell the host page, then go to payment or show the result. */
  protected finish<K extends "spotbook-booked" | "spotbook-confirmed">(
    type: K,
    detail: Omit<SpotbookEventDetail<K>, "checkoutUrl">,
    checkoutUrl: string | null | undefined,
  ): void {
    this.emit(type, { ...detail, ...(checkoutUrl ? { checkoutUrl } : {}) } as SpotbookEventDetail<K>);
    if (checkoutUrl) window.location.assign(checkoutUrl);
    this.focus(`#${stepHeading}`);
  }

  /** Puts what went wrong into words and tells the host page; returns both for the view. */
  protected report(error: unknown, notFound?: string): { problem: ApiProblem; message: string } {
    speak(this.value);
    const problem = toProblem(error);
    if (problem.code === "forbidden" && !toldOwner) {
      // The visitor sees a polite line; the site's owner, in the console, what to change and where.
      toldOwner = true;
      console.warn(
        `Spotbook: this studio does not allow bookings from ${location.origin}. Add ${location.origin} to the allowed websites at ${this.context().api.settingsUrl}`,
      );
    }
    const message = problemMessage(problem, notFound);
    this.emit("spotbook-error", { status: problem.status, code: problem.code, message });
    return { problem, message };
  }

  /** Moves focus once the next render is on screen: to a step's heading, an alert or a field. */
  protected focus(selector: string): void {
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>(selector)?.focus(),
    );
  }

  /** An alert inside a step, for a failed action the visitor can simply try again, or by `reload`ing the page. */
  protected alert(message: string | undefined, reload = false): TemplateResult | undefined {
    return message === undefined ? undefined : renderProblem(message, reload ? reloadPage : undefined);
  }
}

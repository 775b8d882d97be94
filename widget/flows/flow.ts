import { initialState, Task, TaskStatus } from "@lit/task";
import type { LitElement } from "lit";
import { type Api, type ApiProblem, toProblem } from "../api.ts";
import type { SpotbookEventDetail, SpotbookEventName } from "../events.ts";
import { createFormat } from "../format.ts";
import { speak, t, type Words } from "../i18n.ts";
import { problemMessage, renderLoading, renderProblem, stepHeading } from "../views/parts.ts";

/** Whether the console already told the site's owner to allow this page's origin (once a page). */
let toldOwner = false;

/** What a flow reads from its element, fresh at each use. */
export interface FlowContext {
  api: Api;
  /** The visitor's languages, most wanted first, comma-separated: the answer comes in the first spoken. */
  lang: string;
  /** The session slug or booking token the flow loads; "" when the element shows the other flow. */
  key: string;
}

/**
 * One way through the widget (book a spot, or confirm a booking): a task that loads its data
 * with the one request on load, the visitor's progress as `state`, and `render()`. The state
 * lives here rather than in `@state()` fields so the element stays small; `set` re-renders it.
 */
export abstract class Flow<State, Value extends Words> {
  protected readonly task: Task<[Api, string, string], Value>;
  protected state: State;
  private loadedKey = "";

  /** The one request on load. */
  protected abstract load(api: Api, key: string, lang: string, signal: AbortSignal): Promise<Value>;
  /** The keys of what the placeholder says while loading, and of what a 404 means here. */
  protected abstract readonly texts: { loading: string; notFound: string };

  constructor(
    protected readonly host: LitElement,
    protected readonly context: () => FlowContext,
    private readonly initial: State,
  ) {
    this.state = initial;
    this.task = new Task(host, {
      task: ([api, key, lang], { signal }) => {
        // Another session or booking (a single-page app reusing the element): start afresh.
        if (key !== this.loadedKey) this.reset();
        this.loadedKey = key;
        return key ? this.load(api, key, lang, signal) : initialState;
      },
      args: () => [context().api, context().key, context().lang],
      onError: (error) => this.report(error, this.texts.notFound),
    });
  }

  /** The request on load is running and there is nothing to show yet: the host keeps its height. */
  get loading(): boolean {
    return this.task.status === TaskStatus.PENDING && this.task.value === undefined;
  }

  render() {
    speak(this.task.value);
    return this.task.render({
      pending: () =>
        this.task.value === undefined
          ? renderLoading(t(this.texts.loading))
          : this.renderValue(this.task.value, true),
      complete: (value) => this.renderValue(value, false),
      error: (error) => {
        const problem = toProblem(error);
        const message = problemMessage(problem, this.texts.notFound);
        return renderProblem(message, problem.code === "not_found" ? undefined : () => void this.task.run());
      },
    });
  }

  /** The loaded data on screen; `refreshing` while a fresh copy is on its way. */
  protected abstract renderValue(value: Value, refreshing: boolean): unknown;

  /** Forgets the visitor's progress; the task's own render follows. */
  protected reset(): void {
    this.state = this.initial;
  }

  protected set(state: State): void {
    this.state = state;
    this.host.requestUpdate();
  }

  protected format(timeZone: string) {
    return createFormat(this.task.value?.locale, timeZone);
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
    speak(this.task.value);
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

  /** An alert inside a step, for a failed action the visitor can simply try again. */
  protected alert(message: string | undefined) {
    return message === undefined ? undefined : renderProblem(message);
  }
}

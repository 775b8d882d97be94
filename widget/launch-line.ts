import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Api } from "./api.ts";
import { bookingApi, type PlaceInLine } from "./booking-api.ts";

/** The longest a visitor waits between two asks after failures. */
const maxBackOffMs = 30_000;

/** The visitor's ticket for a session's line, kept by the browser: a refresh or a second tab reuses it. */
const ticketKey = (slug: string) => `spotbook-line:${slug}`;

function storedTicket(slug: string): string | undefined {
  try {
    return localStorage.getItem(ticketKey(slug)) ?? undefined;
  } catch {
    // Storage blocked (a sandboxed frame, strict privacy settings): the place lasts this page.
    return undefined;
  }
}

function storeTicket(slug: string, ticket: string | null): void {
  try {
    if (ticket) localStorage.setItem(ticketKey(slug), ticket);
    else localStorage.removeItem(ticketKey(slug));
  } catch {
    // As above: nothing to keep it in.
  }
}

/**
 * The visitor's place in a session's launch line, kept fresh by polling rather than a WebSocket:
 * each answer says when to ask again (jittered by the server, sooner near the front), a failed ask
 * backs off exponentially with jitter, and a poll is one small JSON request through the same API,
 * CORS and contract as everything else. Stops while the element is off the page.
 */
export class LaunchLine implements ReactiveController {
  place: PlaceInLine | undefined;
  #api: Api | undefined;
  #slug = "";
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;

  readonly #host: ReactiveControllerHost;
  /** The place changed (status or position): the flow reacts, e.g. reloads the spots on a turn. */
  readonly #onChange: (before: PlaceInLine | undefined, now: PlaceInLine) => void;

  constructor(
    host: ReactiveControllerHost,
    onChange: (before: PlaceInLine | undefined, now: PlaceInLine) => void,
  ) {
    this.#host = host;
    this.#onChange = onChange;
    host.addController(this);
  }

  /** Takes (or finds again) the visitor's place in the line of `slug`. */
  join(api: Api, slug: string): void {
    if (this.#slug === slug) return;
    this.#api = api;
    this.#slug = slug;
    this.place = undefined;
    void this.#ask();
  }

  /** A new place at the back, after a turn that passed. */
  again(): void {
    storeTicket(this.#slug, null);
    this.place = undefined;
    this.#host.requestUpdate();
    void this.#ask();
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#slug = "";
    this.place = undefined;
  }

  hostConnected(): void {
    if (this.#slug && !this.#timer) void this.#ask();
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #later(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#ask(), ms);
  }

  async #ask(): Promise<void> {
    const api = this.#api;
    const slug = this.#slug;
    if (!api || !slug) return;
    clearTimeout(this.#timer);
    try {
      const { place } = await bookingApi(api).queue(slug, this.place?.ticket ?? storedTicket(slug));
      if (slug !== this.#slug) return;
      storeTicket(slug, place.ticket);
      const before = this.place;
      this.place = place;
      this.#failures = 0;
      this.#onChange(before, place);
      this.#host.requestUpdate();
      // On a turn, ask again when it ends (it may pass); a used turn needs nothing more.
      if (place.status === "waiting") this.#later(place.retryAfterMs);
      else if (place.status === "admitted" && place.admission) {
        this.#later(Math.max(1_000, Date.parse(place.admission.expiresAt) - Date.now() + 1_000));
      }
    } catch {
      this.#failures++;
      this.#later(Math.min(maxBackOffMs, 1_000 * 2 ** this.#failures) * (0.5 + Math.random()));
    }
  }
}

import type { ReactiveController, ReactiveControllerHost } from "lit";
import { t } from "./i18n.ts";

/**
 * Counts down a hold and says when it ends. The visible clock ticks every second; the words for
 * screen readers (`announcement`, meant for a polite live region) change at most once a minute:
 * when the hold starts, every fifth minute, and at one minute left, so a visitor filling in the
 * form is told the time without being interrupted each second.
 */
export class HoldCountdown implements ReactiveController {
  /** Whole seconds left; 0 when no hold runs. */
  secondsLeft = 0;
  announcement = "";
  #endsAt = 0;
  #announcedMinutes = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #onExpire: () => void;

  constructor(host: ReactiveControllerHost, onExpire: () => void) {
    this.#host = host;
    this.#onExpire = onExpire;
    host.addController(this);
  }

  /** Counts down to `endsAt` (epoch milliseconds, on this browser's clock). */
  start(endsAt: number): void {
    this.#endsAt = endsAt;
    this.#announcedMinutes = 0;
    this.#resume();
  }

  stop(): void {
    this.#endsAt = 0;
    this.secondsLeft = 0;
    this.announcement = "";
    this.#pause();
  }

  /** The visible clock, "14:05". */
  get clock(): string {
    const s = this.secondsLeft;
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  }

  hostConnected(): void {
    if (this.#endsAt > 0) this.#resume();
  }

  hostDisconnected(): void {
    this.#pause();
  }

  #resume(): void {
    this.#pause();
    this.#tick();
    if (this.#endsAt > 0) this.#timer = setInterval(() => this.#tick(), 1000);
  }

  #pause(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    this.secondsLeft = Math.max(0, Math.ceil((this.#endsAt - Date.now()) / 1000));
    if (this.secondsLeft === 0) {
      this.stop();
      this.#onExpire();
      return;
    }
    const minutes = Math.ceil(this.secondsLeft / 60);
    const due = this.#announcedMinutes === 0 || minutes % 5 === 0 || minutes === 1;
    if (due && minutes !== this.#announcedMinutes) {
      this.#announcedMinutes = minutes;
      this.announcement = t("minutesLeft", { count: minutes });
    }
    this.#host.requestUpdate();
  }
}

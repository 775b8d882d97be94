/** Mounting `<spotbook-session>` in happy-dom and reading what a visitor would see. */
import { afterEach, vi } from "vitest";
import "../../widget/spotbook-session.ts";
import type { SpotbookSession } from "../../widget/spotbook-session.ts";
import { API } from "./fake-api.ts";

const onDemand = "../../widget/flows/on-demand.ts";

afterEach(() => {
  vi.doUnmock(onDemand);
  document.body.replaceChildren();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.history.replaceState(null, "", "/");
});

/**
 * From now until the test ends, what the widget loads on demand fails to load, as after a deploy
 * replaced it or with the network gone. Returns `location.reload`, stubbed, to see "Try again"
 * load the page afresh.
 */
export function onDemandUnreachable() {
  vi.doMock(onDemand, () => {
    throw new TypeError("Failed to fetch dynamically imported module");
  });
  return vi.spyOn(window.location, "reload").mockImplementation(() => undefined);
}

/** Lets fetches answer and renders finish (real timers: only Date and intervals are ever faked). */
export async function settle(element: SpotbookSession): Promise<void> {
  for (let i = 0; i < 8; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
  }
}

export async function mount(attributes: Record<string, string>): Promise<SpotbookSession> {
  const element = document.createElement("spotbook-session");
  element.setAttribute("api", API);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await settle(element);
  return element;
}

export function shadow(element: SpotbookSession): ShadowRoot {
  if (!element.shadowRoot) throw new Error("no shadow root");
  return element.shadowRoot;
}

export function find<E extends Element = HTMLElement>(element: SpotbookSession, selector: string): E {
  const found = shadow(element).querySelector<E>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

export const findAll = <E extends Element = HTMLElement>(element: SpotbookSession, selector: string) => [
  ...shadow(element).querySelectorAll<E>(selector),
];

/** The visible words, spaces collapsed. */
export const text = (node: Node | null | undefined) => (node?.textContent ?? "").replace(/\s+/g, " ").trim();

/** The spot buttons, by their label. */
export const spotButton = (element: SpotbookSession, label: string) => {
  const button = findAll<HTMLButtonElement>(element, "button.spot").find((b) => text(b).startsWith(label));
  if (!button) throw new Error(`no spot ${label}`);
  return button;
};

export async function click(element: SpotbookSession, target: HTMLElement): Promise<void> {
  target.click();
  await settle(element);
}

/** Types into a field as a visitor does, so input events fire. */
export function type(element: SpotbookSession, name: string, value: string): void {
  const input = find<HTMLInputElement>(element, `[name="${name}"]`);
  input.value = value;
  input.dispatchEvent(new Event("input", { bubbles: true, composed: true }));
}

export async function submit(element: SpotbookSession): Promise<void> {
  find<HTMLButtonElement>(element, 'form button[type="submit"]').click();
  await settle(element);
}

/** Collects the element's events of one type. */
export function listen<K extends keyof HTMLElementEventMap>(element: SpotbookSession, type: K) {
  const seen: HTMLElementEventMap[K][] = [];
  element.addEventListener(type, (event) => seen.push(event));
  return seen;
}

/** The summary's rows, term to value: what the visitor reads as "Price $150.00". */
export const summary = (element: SpotbookSession) =>
  Object.fromEntries(
    findAll(element, "[part=summary] > div").map((row) => [
      text(row.firstElementChild),
      text(row.lastElementChild),
    ]),
  );

/** Where keyboard focus is inside the widget. */
export const focused = (element: SpotbookSession) => shadow(element).activeElement;

/**
 * The floor under every framework (widget.ts): a custom element under the widget's name that
 * fetches the session and puts one plain DOM button per spot in its shadow root, with no library.
 * What it costs on the main thread is what this machine and browser charge any script that loads,
 * fetches and renders; a run of it above the goal is the machine's, not the widget's.
 */
import { fetchSpots } from "./floor-spots.ts";

class PlainWidget extends HTMLElement {
  connectedCallback(): void {
    const root = this.attachShadow({ mode: "open" });
    void fetchSpots(this).then((spots) => {
      const list = document.createElement("ul");
      for (const spot of spots) {
        const button = document.createElement("button");
        button.setAttribute("part", "spot");
        button.textContent = spot.startsAt;
        const item = document.createElement("li");
        item.append(button);
        list.append(item);
      }
      root.append(list);
    });
  }
}

customElements.define("spotbook-session", PlainWidget);

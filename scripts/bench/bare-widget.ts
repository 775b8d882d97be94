/**
 * The floor the widget's main-thread figure is read against (widget.ts): a Lit element under the
 * widget's name that does only the least the widget must before its spots show, with the same
 * Lit: one fetch of the session and one button per spot. Built for the bench and served in place
 * of /widget.js, so both are measured by the same runs on the same machine.
 */
import { css, html, LitElement } from "lit";
import { type FloorSpot, fetchSpots } from "./floor-spots.ts";

class BareWidget extends LitElement {
  static override styles = css`
    button {
      font: inherit;
    }
  `;
  #spots: FloorSpot[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    void fetchSpots(this).then((spots) => {
      this.#spots = spots;
      this.requestUpdate();
    });
  }

  override render() {
    return html`<ul>
      ${this.#spots.map((spot) => html`<li><button part="spot">${spot.startsAt}</button></li>`)}
    </ul>`;
  }
}

customElements.define("spotbook-session", BareWidget);

import { unsafeCSS } from "lit";

/**
 * A stylesheet's one literal, as Lit's CSSResult: `css` would bring its checks of interpolated
 * values, which a sheet without any needs not. Named `css` so the build minifies it as one (this
 * file's and form-styles.ts's).
 */
export const css = (text: TemplateStringsArray) => unsafeCSS(text[0]);

/*
 * Inherits the host page's font and color by default and takes its accent and shapes from
 * --spotbook-* custom properties (THEMING.md); the private --_* names keep the fallbacks in one
 * place. Nothing here reaches the host page: it all lives in the shadow root.
 */
// While loading, the host keeps about the height of a session of eight spots on one day, taller
// where the spots wrap into more rows: the viewport's width stands in for the element's, which
// cannot size its own height (WordPress, 375 px: 490 px loaded; 1280 px: 330-370 px).
export const styles = css`
  :host {
    --_accent: var(--spotbook-accent, #2456c8);
    --_on-accent: var(--spotbook-accent-text, #fff);
    --_text: var(--spotbook-text, inherit);
    --_muted: var(--spotbook-muted, color-mix(in srgb, currentColor 72%, transparent));
    --_surface: var(--spotbook-surface, transparent);
    --_border: var(--spotbook-border, color-mix(in srgb, currentColor 35%, transparent));
    --_radius: var(--spotbook-radius, 0.5rem);
    --_danger: var(--spotbook-danger, #b3261e);
    --_focus: var(--spotbook-focus, var(--_accent));
    --_gap: var(--spotbook-gap, 1rem);

    display: block;
    font-family: var(--spotbook-font, inherit);
    color: var(--_text);
    line-height: 1.5;
    overflow-wrap: anywhere;
  }

  :host([hidden]) {
    display: none;
  }

  /* Keep the space the widget will take while its one request runs, so the page does not jump:
     a day of spots is 330-370px tall at 1280px on WordPress's default themes, 490-550px at 375px. */
  :host([aria-busy="true"]) {
    min-height: var(--spotbook-min-height, max(22rem, 40rem - 40vw));
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  h2,
  h3,
  h4 {
    margin: 0 0 0.5em;
    line-height: 1.25;
    font-family: var(--spotbook-heading-font, inherit);
  }

  h2 {
    font-size: 1.5em;
  }

  h3 {
    font-size: 1.2em;
    margin-top: var(--_gap);
  }

  p {
    margin: 0 0 0.75em;
  }

  .muted {
    color: var(--_muted);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  :focus {
    outline: none;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  h3:focus-visible,
  .problem:focus-visible {
    outline-offset: 4px;
  }

  .day {
    margin-top: var(--_gap);
  }

  .spots {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(6.5rem, 1fr));
    gap: 0.5rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  /* Links inherit the font already; their color is the accent (below). */
  button,
  input {
    font: inherit;
    color: inherit;
  }

  button {
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }

  button:hover {
    border-color: var(--_accent);
  }

  /* A taken spot has a second line; its row's other buttons grow to match. */
  .spots > li {
    display: grid;
  }

  .spot {
    width: 100%;
    padding: 0.5rem;
    font-variant-numeric: tabular-nums;
  }

  .spot:disabled {
    cursor: not-allowed;
    border-style: dashed;
    border-color: var(--_border);
    color: var(--_muted);
  }

  .taken {
    display: block;
    font-size: 0.8em;
  }

  [part~="primary"] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }

  [aria-disabled="true"] {
    cursor: progress;
    opacity: 0.8;
  }

  .field {
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  label {
    font-weight: 600;
  }

  .problem {
    color: var(--_danger);
    padding: 0.75rem;
    margin-bottom: var(--_gap);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }

  .problem p {
    margin-bottom: 0.5rem;
  }

  .problem p:only-child {
    margin: 0;
  }

  .loading {
    color: var(--_muted);
  }

  @media (prefers-reduced-motion: no-preference) {
    button {
      transition:
        border-color 0.15s,
        background-color 0.15s;
    }

    .loading {
      animation: spotbook-pulse 1.5s ease-in-out infinite alternate;
    }

    @keyframes spotbook-pulse {
      to {
        opacity: 0.4;
      }
    }
  }
`;

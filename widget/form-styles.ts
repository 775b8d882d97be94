import { css } from "./styles.ts";

/**
 * The styles of what the widget loads on demand (flows/on-demand.ts), which come with it: the
 * forms, the summary of what is booked, the hold's countdown, the contract. The element adopts
 * them beside its own (styles.ts), whose custom properties they use.
 */
export const formStyles = css`
  dl {
    display: grid;
    grid-template-columns: minmax(0, max-content) 1fr;
    gap: 0.25rem 1rem;
    margin: 0 0 var(--_gap);
  }

  dl > div {
    display: contents;
  }

  dt {
    color: var(--_muted);
  }

  dd {
    margin: 0;
  }

  .countdown {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
    padding: 0.5rem 0.75rem;
    margin-bottom: var(--_gap);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-variant-numeric: tabular-nums;
  }

  .countdown p {
    margin: 0;
  }

  form {
    display: grid;
    gap: var(--_gap);
  }

  legend {
    padding: 0;
    margin-bottom: 0.25rem;
    font-weight: 600;
  }

  input:not([type="radio"]) {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  input[aria-invalid="true"] {
    border-color: var(--_danger);
  }

  .package {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-weight: normal;
    cursor: pointer;
  }

  .package input {
    margin-top: 0.35em;
    accent-color: var(--_accent);
  }

  .package:has(:checked) {
    border-color: var(--_accent);
  }

  .contract {
    max-height: 16rem;
    overflow: auto;
    white-space: pre-wrap;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  .field-error {
    color: var(--_danger);
    margin: 0;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  a[part~="link"] {
    color: var(--_accent);
    font-weight: 600;
  }

  .block {
    display: block;
  }

  @media (prefers-reduced-motion: no-preference) {
    input,
    .package {
      transition:
        border-color 0.15s,
        background-color 0.15s;
    }
  }
`;

import type { FC } from "hono/jsx";
import { paths } from "../paths.ts";

/** The session's public link and a Facebook share link. */
export const PublicLink: FC<{ url: string }> = ({ url }) => (
  <p class="actions">
    <span>
      Public link: <a href={url}>{url}</a>
    </span>
    <a href={`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`} rel="noopener">
      Share on Facebook
    </a>
  </p>
);

/** Whether the widget may show on the studio's websites: it works nowhere else. */
const Websites: FC<{ allowed: string[] }> = ({ allowed }) =>
  allowed.length === 0 ? (
    <p class="warning" role="status">
      No website is allowed to show your booking yet, so the snippet shows "Booking is not open on this
      website yet". Add your website in <a href={paths.settings}>Settings</a>.
    </p>
  ) : (
    <p>
      It works on {allowed.join(", ")}. To add a website, go to <a href={paths.settings}>Settings</a>.
    </p>
  );

/** Read-only text to copy (a snippet, an address); the copy button appears only where the script runs. */
export const CopyableText: FC<{ id: string; label: string; hint: string; button: string; text: string }> = ({
  id,
  label,
  hint,
  button,
  text,
}) => (
  <div class="field">
    <label for={id}>{label}</label>
    <p id={`${id}-hint`} class="hint">
      {hint}
    </p>
    <textarea id={id} class="snippet" rows={2} readonly aria-describedby={`${id}-hint`}>
      {text}
    </textarea>
    <p class="actions">
      <button type="button" class="secondary" data-copy={id} hidden>
        {button}
      </button>
      <span id={`${id}-status`} role="status" />
    </p>
  </div>
);

/** The widget's embed snippet; the copy button appears only where the script runs. */
export const Embed: FC<{ slug: string; origin: string; allowedOrigins: string[] }> = ({
  slug,
  origin,
  allowedOrigins,
}) => {
  const snippet = `<script type="module" src="${origin}/widget.js"></script>\n<spotbook-session session="${slug}"></spotbook-session>`;
  return (
    <section aria-labelledby="embed-title">
      <h2 id="embed-title">Embed on your site</h2>
      <Websites allowed={allowedOrigins.filter((o) => o !== origin)} />
      <CopyableText
        id="embed-snippet"
        label="Embed snippet"
        hint="Paste it where the booking should appear on your page."
        button="Copy the snippet"
        text={snippet}
      />
    </section>
  );
};

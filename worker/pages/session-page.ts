import type { Context } from "hono";
import { html } from "hono/html";
import { clientBooking } from "../actions/bookings.ts";
import { openSession } from "../actions/public-sessions.ts";
import { early } from "../domain/catalogues/en.ts";
import { type MessageKey, translate } from "../domain/catalogues/index.ts";
import { DomainError } from "../domain/errors.ts";
import { formatWhen } from "../domain/messages.ts";
import type { HonoEnv } from "../env.ts";
import { actionContext } from "../middleware/context.ts";
import type { PublicSession } from "../queries/sessions.ts";
import { LanguageQuery, visitorWords } from "../schemas/public-views.ts";
import { shell } from "./hosted-shell.ts";

type Say = (key: MessageKey, params?: Record<string, string>) => string;

/**
 * A hosted page's language, negotiated as the JSON answers are: `?lang=`, else the browser's
 * Accept-Language, else `fallback` (the studio's locale, when the page knows its studio).
 */
function pageWords(c: Context<HonoEnv>, fallback?: string): { locale: string; say: Say; early: string } {
  c.header("vary", "accept-language");
  const lang = LanguageQuery.safeParse(c.req.query()).data?.lang;
  const { locale, messages } = visitorWords(lang, c.req.header("accept-language"), fallback);
  const words = Object.fromEntries(Object.keys(early).map((key) => [key, messages[key as MessageKey]]));
  return {
    locale,
    say: (key, params = {}) => translate(messages, locale, key, params),
    early: JSON.stringify({ locale, messages: words }),
  };
}

/** Why a session's page offers nothing to book, or null while it does. */
function closedBecause(found: PublicSession, now: number, say: Say): string | null {
  if (found.session.status === "cancelled") return say("pageCancelled", { studio: found.studio.name });
  if (found.spots.length > 0 && found.spots.every((s) => s.startsAt <= now)) return say("pageTookPlace");
  return null;
}

/**
 * The hosted page of a session (the link a photographer shares): the widget on a plain page,
 * with Open Graph tags so a shared link shows the session's name, studio and dates. A cancelled or
 * past session says so instead; a link to no session answers a page, not the API's JSON.
 */
export async function sessionPage(c: Context<HonoEnv>) {
  const ctx = actionContext(c);
  let found: PublicSession;
  try {
    // Our own page: no other site is asking.
    found = await openSession({ ...ctx, origin: null }, c.req.param("slug") ?? "");
  } catch (err) {
    if (!(err instanceof DomainError && err.code === "not_found")) throw err;
    const { locale, say } = pageWords(c);
    const body = html`<h1>${say("pageNoSession")}</h1>
      <p>${say("pageNoSessionText")}</p>`;
    const title = say("pageNoSessionTitle");
    return c.html(shell(c, { lang: locale, title, description: title, body }), 404);
  }
  const { session, studio } = found;
  const first = found.spots[0];
  // The widget on the page follows its lang.
  const { locale, say, early: words } = pageWords(c, studio.locale);
  const when = first ? formatWhen({ ...first, timeZone: session.timeZone, locale }) : "";
  const closed = closedBecause(found, ctx.now, say);
  const description = [
    closed ?? say("pageBookWith", { studio: studio.name }),
    when && say("pageFrom", { when }),
    session.location,
  ]
    .filter(Boolean)
    .join(" ");
  const body = html`<h1>${session.name}</h1>
    <p>${studio.name}</p>
    ${session.description ? html`<p>${session.description}</p>` : ""}
    ${
      closed
        ? html`<p class="closed" role="status">${closed}</p>`
        : html`<spotbook-session session="${session.slug}"></spotbook-session>
            <script type="module" src="/widget.js"></script>`
    }`;
  const title = `${session.name} · ${studio.name}`;
  return c.html(
    shell(c, {
      lang: locale,
      early: words,
      title,
      description,
      url: `${ctx.publicUrl}/s/${session.slug}`,
      body,
    }),
  );
}

/** The studio's language for the hosted booking page: the booking's own (as when booked), else its studio's. */
async function bookingLocale(c: Context<HonoEnv>, token: string | undefined): Promise<string | null> {
  if (!token) return null;
  try {
    // Our own page: no other site is asking.
    const v = await clientBooking({ ...actionContext(c), origin: null }, token);
    return v.booking.locale ?? v.studio.locale;
  } catch (err) {
    if (err instanceof DomainError && err.code === "not_found") return null;
    throw err;
  }
}

/**
 * The hosted booking page (`/book/`), where a client's links lead when the studio has no booking
 * page of its own: the widget opens the booking, the waitlist place or the offer its address
 * names, in the visitor's language (its <html lang>). A booking link that opens nothing says so.
 */
export async function bookingPage(c: Context<HonoEnv>) {
  const token = c.req.query("spotbook");
  const known = await bookingLocale(c, token);
  const { locale, say, early: words } = pageWords(c, known ?? undefined);
  // Its address carries the client's token: no Referer leaves it (pageHeaders), no search engine keeps it.
  c.header("x-robots-tag", "noindex");
  const title = say("pageBooking");
  const body =
    token && !known
      ? html`<h1>${title}</h1>
          <p class="closed" role="alert">${say("bookingNotFound")}</p>`
      : html`<spotbook-session></spotbook-session>
          <script type="module" src="/widget.js"></script>`;
  return c.html(
    shell(c, { lang: locale, early: words, title, description: title, body }),
    token && !known ? 404 : 200,
  );
}

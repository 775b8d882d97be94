import type { Context } from "hono";
import { html } from "hono/html";
import { openSession } from "../actions/public-sessions.ts";
import { type MessageKey, translate } from "../domain/catalogues/index.ts";
import { DomainError } from "../domain/errors.ts";
import { formatWhen } from "../domain/messages.ts";
import type { HonoEnv } from "../env.ts";
import { actionContext } from "../middleware/context.ts";
import type { PublicSession } from "../queries/sessions.ts";
import { visitorWords } from "../schemas/public-views.ts";
import { shell } from "./hosted-shell.ts";

type Say = (key: MessageKey, params?: Record<string, string>) => string;

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
    const body = html`<h1>No session here</h1>
      <p>This link does not lead to a booking session. It may have been mistyped, or the session was
        removed. Ask the photographer who shared it for the current link.</p>`;
    return c.html(
      shell(c, { lang: "en", title: "Session not found", description: "No session at this address.", body }),
      404,
    );
  }
  const { session, studio } = found;
  const first = found.spots[0];
  // The visitor's language, as their browser asks for it; the widget on the page follows its lang.
  const { locale, messages } = visitorWords(undefined, c.req.header("accept-language"));
  const say: Say = (key, params = {}) => translate(messages, locale, key, params);
  const when = first ? formatWhen({ ...first, timeZone: session.timeZone, locale }) : "";
  const closed = closedBecause(found, ctx.now, say);
  const description = [
    closed ?? say("pageBookWith", { studio: studio.name }),
    when && say("pageFrom", { when }),
    session.location,
  ]
    .filter(Boolean)
    .join(" ");
  c.header("vary", "accept-language");
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
    shell(c, { lang: locale, title, description, url: `${ctx.publicUrl}/s/${session.slug}`, body }),
  );
}

import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { openSession } from "../actions/public-sessions.ts";
import { DomainError } from "../domain/errors.ts";
import { formatWhen } from "../domain/messages.ts";
import type { HonoEnv } from "../env.ts";
import { actionContext } from "../middleware/context.ts";
import type { PublicSession } from "../queries/sessions.ts";

type Page = {
  title: string;
  description: string;
  url?: string;
  body: HtmlEscapedString | Promise<HtmlEscapedString>;
};

/** One look for every hosted page: the session's, and the answer for a link that leads nowhere. */
const shell = (c: Context<HonoEnv>, page: Page) => html`<!doctype html>
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>${page.title}</title>
      <meta name="description" content="${page.description}" />
      <meta property="og:type" content="website" />
      <meta property="og:title" content="${page.title}" />
      <meta property="og:description" content="${page.description}" />
      ${page.url ? html`<meta property="og:url" content="${page.url}" />` : ""}
      <style nonce="${c.get("secureHeadersNonce") ?? ""}">
        body { margin: 0; font: 17px/1.5 system-ui, sans-serif; color: #1f2328; background: #fafaf9; }
        main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        .closed { border-left: 4px solid #8a6d3b; background: #fff8e6; padding: .75rem 1rem; }
      </style>
    </head>
    <body>
      <main>${page.body}</main>
    </body>
  </html>`;

/** Why a session's page offers nothing to book, or null while it does. */
function closedBecause(found: PublicSession, now: number): string | null {
  if (found.session.status === "cancelled") {
    return `This session was cancelled by ${found.studio.name}. There is nothing to book.`;
  }
  if (found.spots.length > 0 && found.spots.every((s) => s.startsAt <= now)) {
    return "This session has taken place. There is nothing left to book.";
  }
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
      shell(c, { title: "Session not found", description: "No session at this address.", body }),
      404,
    );
  }
  const { session, studio } = found;
  const first = found.spots[0];
  const when = first ? formatWhen({ ...first, timeZone: session.timeZone, locale: "en-US" }) : "";
  const closed = closedBecause(found, ctx.now);
  const description = [closed ?? `Book with ${studio.name}.`, when && `From ${when}.`, session.location]
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
  return c.html(shell(c, { title, description, url: `${ctx.publicUrl}/s/${session.slug}`, body }));
}

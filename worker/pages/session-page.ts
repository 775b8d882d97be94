import type { Context } from "hono";
import { html } from "hono/html";
import { openSession } from "../actions/public-sessions.ts";
import { type MessageKey, translate } from "../domain/catalogues/index.ts";
import { formatWhen } from "../domain/messages.ts";
import type { HonoEnv } from "../env.ts";
import { actionContext } from "../middleware/context.ts";
import { visitorWords } from "../schemas/public-views.ts";

/**
 * The hosted page of a session (the link a photographer shares): the widget on a plain page,
 * with Open Graph tags so a shared link shows the session's name, studio and dates.
 */
export async function sessionPage(c: Context<HonoEnv>) {
  const ctx = actionContext(c);
  // Our own page: no other site is asking.
  const found = await openSession({ ...ctx, origin: null }, c.req.param("slug") ?? "");
  const base = ctx.publicUrl;
  const first = found.spots[0];
  // The visitor's language, as their browser asks for it; the widget on the page follows its lang.
  const { locale, messages } = visitorWords(undefined, c.req.header("accept-language"));
  const say = (key: MessageKey, params: Record<string, string>) => translate(messages, locale, key, params);
  const when = first ? formatWhen({ ...first, timeZone: found.session.timeZone, locale }) : "";
  const description = [
    say("pageBookWith", { studio: found.studio.name }),
    when && say("pageFrom", { when }),
    found.session.location,
  ]
    .filter(Boolean)
    .join(" ");
  c.header("vary", "accept-language");
  return c.html(html`<!doctype html>
    <html lang="${locale}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${found.session.name} · ${found.studio.name}</title>
        <meta name="description" content="${description}" />
        <meta property="og:type" content="website" />
        <meta property="og:title" content="${found.session.name} · ${found.studio.name}" />
        <meta property="og:description" content="${description}" />
        <meta property="og:url" content="${base}/s/${found.session.slug}" />
        <style nonce="${c.get("secureHeadersNonce") ?? ""}">
          body { margin: 0; font: 17px/1.5 system-ui, sans-serif; color: #1f2328; background: #fafaf9; }
          main { max-width: 44rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        </style>
      </head>
      <body>
        <main>
          <h1>${found.session.name}</h1>
          <p>${found.studio.name}</p>
          <spotbook-session session="${found.session.slug}"></spotbook-session>
        </main>
        <script type="module" src="/widget.js"></script>
      </body>
    </html>`);
}

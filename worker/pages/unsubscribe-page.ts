import type { Context } from "hono";
import { html } from "hono/html";
import { unsubscribe, unsubscribeTarget } from "../actions/announcements.ts";
import { acceptedLanguages, type MessageKey, negotiate, translate } from "../domain/catalogues/index.ts";
import type { HonoEnv } from "../env.ts";
import { actionContext } from "../middleware/context.ts";
import { shell } from "./hosted-shell.ts";

/**
 * An announcement's unsubscribe link: GET asks with one button (a link scanner that opens it
 * unsubscribes nobody), POST unsubscribes, both from the page and from a mail client's one-click
 * List-Unsubscribe-Post. In the visitor's language, else the studio's.
 */
export async function unsubscribePage(c: Context<HonoEnv>) {
  const ctx = actionContext(c);
  const token = c.req.param("token") ?? "";
  const found = c.req.method === "POST" ? await unsubscribe(ctx, token) : await unsubscribeTarget(ctx, token);
  const { locale, messages } = negotiate([
    ...acceptedLanguages(c.req.header("accept-language")),
    ...(found ? [found.studio.locale] : []),
  ]);
  const say = (key: MessageKey) => translate(messages, locale, key, { studio: found?.studio.name ?? "" });
  c.header("vary", "accept-language");
  c.header("cache-control", "no-store");
  if (!found) {
    const body = html`<p class="closed" role="alert">${say("unsubscribeUnknown")}</p>`;
    const title = say("unsubscribeButton");
    return c.html(shell(c, { lang: locale, title, description: title, body }), 404);
  }
  const title = say("unsubscribeTitle");
  const body = found.unsubscribed
    ? html`<h1>${title}</h1>
        <p role="status">${say("unsubscribedNow")}</p>`
    : html`<h1>${title}</h1>
        <p>${say("unsubscribeAsk")}</p>
        <form method="post"><button type="submit">${say("unsubscribeButton")}</button></form>`;
  return c.html(shell(c, { lang: locale, title, description: title, body }));
}

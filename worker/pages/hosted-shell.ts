import type { Context } from "hono";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { HonoEnv } from "../env.ts";

type Page = {
  lang: string;
  title: string;
  description: string;
  url?: string;
  body: HtmlEscapedString | Promise<HtmlEscapedString>;
};

/** One look for every page the Worker hosts for visitors: a session's, a link that leads nowhere, an unsubscribe. */
export const shell = (c: Context<HonoEnv>, page: Page) => html`<!doctype html>
  <html lang="${page.lang}">
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
        button { font: inherit; padding: .6rem 1.1rem; border: 0; border-radius: 6px; background: #1f2937; color: #fff; cursor: pointer; }
      </style>
    </head>
    <body>
      <main>${page.body}</main>
    </body>
  </html>`;

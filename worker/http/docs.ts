import type { Context } from "hono";
import { html, raw } from "hono/html";
import type { HonoEnv } from "../env.ts";

type Operation = { summary?: string; tags?: string[]; security?: unknown[] };
type OpenApiDocument = { info: { title: string; description?: string }; paths?: object };
type Row = { path: string; method: string; op: Operation };

/**
 * A readable page of the API from the served OpenAPI document, self-contained (no CDN script),
 * so it works offline and behind a strict CSP (its one <style> goes by the nonce `pageHeaders`
 * sets). Tools read /v1/openapi.json itself.
 */
export const docsPage = (document: () => OpenApiDocument) =>
  function docs(c: Context<HonoEnv>) {
    const doc = document();
    const paths = (doc.paths ?? {}) as Record<string, Record<string, Operation>>;
    const rows: Row[] = Object.entries(paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    const byTag = Map.groupBy(rows, (r) => r.op.tags?.[0] ?? "Other");
    return c.html(html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${doc.info.title}</title>
        <style nonce="${c.get("secureHeadersNonce") ?? ""}">
          body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
          code { font: 14px ui-monospace, monospace; }
          .m { display: inline-block; min-width: 4.5rem; font-weight: 600; }
          li { margin: .25rem 0; list-style: none; }
          ul { padding: 0; }
        </style>
      </head>
      <body>
        <h1>${doc.info.title}</h1>
        <p>${doc.info.description ?? ""}</p>
        <p>Machine-readable: <a href="/v1/openapi.json"><code>/v1/openapi.json</code></a> (OpenAPI 3.1).</p>
        ${[...byTag].map(
          ([tag, ops]) => html`<h2>${tag}</h2>
            <ul>
              ${ops.map(
                (r) =>
                  html`<li><code class="m">${r.method}</code><code>${r.path}</code> — ${r.op.summary ?? ""}${
                    r.op.security?.length ? raw(" <small>(token)</small>") : ""
                  }</li>`,
              )}
            </ul>`,
        )}
      </body>
    </html>`);
  };

import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A photographer's own website on another origin, with a theme of its own (serif type, dark
 * surface, a rust accent, its own global CSS that must not leak in or out), embedding the widget
 * the way the README says: one script tag and one element.
 */
export function photographerPage(workerOrigin: string, element: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Willow &amp; Rust Photography — Book</title>
  <style>
    body { margin: 0; font: 18px/1.6 Georgia, "Times New Roman", serif; background: #1d1b19; color: #f3ede4; }
    header, main { max-width: 46rem; margin: 0 auto; padding: 1.5rem; }
    button { background: hotpink; font-size: 40px; }
    h1 { font-weight: 400; letter-spacing: .02em; }
    spotbook-session {
      --spotbook-accent: #a4492a;
      --spotbook-danger: #ff8a80;
      --spotbook-font: Georgia, serif;
      --spotbook-text: #f3ede4;
      --spotbook-surface: #2a2724;
      --spotbook-border: #4a443e;
      --spotbook-radius: 2px;
    }
  </style>
</head>
<body>
  <header><h1>Willow &amp; Rust Photography</h1><p>Autumn minis in the park. Pick your time below.</p></header>
  <main>
    ${element}
    <p><button type="button" id="host-button">A button of the host page</button></p>
  </main>
  <script type="module" src="${workerOrigin}/widget.js"></script>
</body>
</html>`;
}

/**
 * Serves the page at / (the Multi session) and /book (a confirmation link, read from ?spotbook=)
 * on a port picked as it binds: one picked first and bound later can be taken meanwhile.
 * `workerOrigin` is read per request, as the Worker starts only once the site's origin is seeded.
 */
export function servePhotographerSite(
  workerOrigin: () => string,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const element =
      url.pathname === "/two"
        ? '<spotbook-session session="fall-minis"></spotbook-session><spotbook-session session="lighting-workshop"></spotbook-session>'
        : url.pathname === "/book"
          ? "<spotbook-session></spotbook-session>"
          : `<spotbook-session session="${url.searchParams.get("session") ?? "fall-minis"}"${
              // The visitor's language, as a page in another language would set it on the element.
              url.searchParams.has("lang")
                ? ` lang="${url.searchParams.get("lang")?.replace(/[^\w-]/g, "")}"`
                : ""
            }></spotbook-session>`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(photographerPage(workerOrigin(), element));
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ origin: `http://localhost:${port}`, close });
    }),
  );
}

import { apiBase } from "./api.ts";

/**
 * Mounts the widget on what site editors keep when they strip custom elements and scripts
 * (README, "Embed the widget"): a plain `<div data-spotbook-session="slug">`, whose children
 * (a fallback link) it replaces, and a link to a Worker's hosted page, `<a href="…/s/slug">`,
 * replaced in place, so a page whose script was stripped still offers a way to book. A link
 * is taken when it has `data-spotbook` or points at `base`'s Worker (rich-text editors drop
 * data attributes). Elements a page builder adds later are mounted as they arrive.
 */
export function embed(root: Node, base: URL): MutationObserver {
  const widget = (api: string, slug: string) => {
    const element = document.createElement("spotbook-session");
    element.setAttribute("api", api);
    if (slug) element.setAttribute("session", slug);
    return element;
  };
  const mount = (node: Node) => {
    if (!(node instanceof Element)) return;
    for (const found of [node, ...node.querySelectorAll("[data-spotbook-session],a[href]")]) {
      // A fallback inside the element is its light DOM, which the shadow root already hides.
      if (found.parentElement?.closest("spotbook-session")) continue;
      const slug = found.getAttribute("data-spotbook-session");
      if (slug !== null) {
        const api = found.getAttribute("data-spotbook-api") || base.href;
        if (!found.querySelector(":scope>spotbook-session")) found.replaceChildren(widget(api, slug));
        continue;
      }
      const link = found instanceof HTMLAnchorElement && /^(.*\/)s\/([\w-]+)\/?(?:[?#].*)?$/.exec(found.href);
      if (link?.[1] && link[2] && (link[1] === base.href || found.hasAttribute("data-spotbook"))) {
        found.replaceWith(widget(link[1], link[2]));
      }
    }
  };
  mount(root instanceof Document ? root.documentElement : root);
  const observer = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(mount);
  });
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}

embed(document, apiBase(""));

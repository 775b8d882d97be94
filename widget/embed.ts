import { apiBase } from "./api.ts";

/**
 * Mounts the widget on what site editors keep when they strip custom elements and scripts
 * (README, "Embed the widget"): a plain `<div data-spotbook-session="slug">`, whose children
 * (a fallback link) it replaces, and a link to a Worker's hosted page, `<a href="…/s/slug">`,
 * replaced in place, so a page whose script was stripped still offers a way to book. A link
 * is taken when it has `data-spotbook` or points at `base`'s Worker (rich-text editors drop
 * data attributes). Elements a page builder adds later are mounted as they arrive.
 */
export function embed(root: Element, base: URL): MutationObserver {
  const mount = (node: Node) => {
    if (node instanceof Element)
      for (const found of [node, ...node.querySelectorAll("[data-spotbook-session],a")]) {
        // A fallback inside the element is its light DOM, which the shadow root already hides.
        if (found.parentElement?.closest("spotbook-session")) continue;
        const widget = document.createElement("spotbook-session");
        let slug = found.getAttribute("data-spotbook-session");
        let api = found.getAttribute("data-spotbook-api") || base.href;
        if (slug === null) {
          const link = /^(.*\/)s\/([\w-]+)\/?([?#].*)?$/.exec((found as HTMLAnchorElement).href) ?? [];
          if (!link[2] || (link[1] !== api && !found.hasAttribute("data-spotbook"))) continue;
          api = link[1] as string;
          slug = link[2];
          found.replaceWith(widget);
        } else if (found.querySelector(":scope>spotbook-session")) continue;
        else found.replaceChildren(widget);
        widget.setAttribute("api", api);
        if (slug) widget.setAttribute("session", slug);
      }
  };
  mount(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(mount);
  });
  observer.observe(root, { childList: true, subtree: true });
  return observer;
}

embed(document.documentElement, apiBase(""));

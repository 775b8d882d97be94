import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { createApp } from "../../worker/http/app.ts";
import adminPages from "../../worker/pages/admin/index.tsx";
import { nextMonthDay } from "../dates.ts";
import { newStudio } from "./support.ts";

/*
 * Drives the admin pages as a browser without script would: GET pages, POST url-encoded forms
 * with the page's CSRF token and our Origin, keep the login cookie, never follow redirects.
 */

export const origin = "https://spotbook.test";

// The Worker does not mount the pages yet; this app does, as worker/index.ts will.
const app = createApp();
app.route("/admin", adminPages);

export type Page = { status: number; html: string; location: string | null; headers: Headers };

export class Browser {
  cookie: string | undefined;
  /** The CSRF token of the last page that had a form. */
  csrf: string | undefined;

  async get(path: string): Promise<Page> {
    return this.send(path, { method: "GET" });
  }

  /** Submits a form as the page would: its token first (unless `fields` overrides it), our Origin. */
  async post(path: string, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
    const body = new URLSearchParams({ ...(this.csrf && { _csrf: this.csrf }), ...fields });
    return this.send(path, {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", origin, ...headers },
    });
  }

  private async send(path: string, init: RequestInit): Promise<Page> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    const res = await app.request(`${origin}${path}`, { ...init, headers, redirect: "manual" }, env);
    const login = /spotbook_admin=([^;]*)/.exec(res.headers.get("set-cookie") ?? "");
    if (login) this.cookie = login[1] ? `spotbook_admin=${login[1]}` : undefined;
    const html = await res.text();
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? this.csrf;
    return { status: res.status, html, location: res.headers.get("location"), headers: res.headers };
  }
}

export const password = "correct horse battery";

/** A studio whose photographer has set up sign-in, and a browser signed in as them. */
export async function signedInStudio(overrides: Record<string, unknown> = {}) {
  const { studio, token } = await newStudio(overrides);
  const email = `owner+${crypto.randomUUID().slice(0, 8)}@example.com`;
  const browser = new Browser();
  await browser.get("/admin/setup");
  const res = await browser.post("/admin/setup", {
    adminToken: token,
    email,
    password,
    confirmPassword: password,
  });
  expect(res.status, res.html).toBe(303);
  return { browser, studio, token, email };
}

/** The id in a redirect to a page such as /admin/sessions/ID?done=…. */
export const idIn = (location: string | null, prefix: string): string => {
  const match = new RegExp(`^${prefix}/([^/?]+)`).exec(location ?? "");
  expect(match, `redirect to ${prefix}/…, got ${location}`).not.toBeNull();
  return match?.[1] ?? "";
};

/** Schedules a session through the form and answers its id. */
export async function schedule(browser: Browser, fields: Record<string, string>) {
  await browser.get("/admin/sessions/new");
  const res = await browser.post("/admin/sessions/new", fields);
  expect(res.status, res.html).toBe(303);
  return idIn(res.location, "/admin/sessions");
}

/** A Multi session's form, first spot on the next 16 October at 9:00 in New York (EDT: 13:00Z). */
export const multiFields = (sessionTypeId: string, overrides: Record<string, string> = {}) => ({
  name: "Fall Minis",
  classification: "multi",
  sessionTypeId,
  date: nextMonthDay("10-16"),
  time: "09:00",
  spots: "6",
  ...overrides,
});

const entities: Record<string, string> = {
  "&lt;": "<",
  "&gt;": ">",
  "&amp;": "&",
  "&quot;": '"',
  "&#39;": "'",
};
const decode = (text: string) => text.replace(/&(lt|gt|amp|quot|#39);/g, (e) => entities[e] ?? e);

/** The text of each element matching a CSS selector, entities decoded and spaces collapsed. */
export async function texts(html: string, selector: string): Promise<string[]> {
  const found: string[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element() {
        found.push("");
      },
      text(chunk) {
        found[found.length - 1] += chunk.text;
      },
    })
    // Cells and other inner elements read as separate words, as a screen reader would say them.
    .on(`${selector} *`, {
      element() {
        found[found.length - 1] += " ";
      },
    })
    .transform(new Response(html))
    .text();
  return found.map((t) => decode(t).replace(/\s+/g, " ").trim());
}

/** An attribute of each element matching a CSS selector, entities decoded. */
export async function attributes(html: string, selector: string, name: string): Promise<(string | null)[]> {
  const found: (string | null)[] = [];
  await new HTMLRewriter()
    .on(selector, {
      element(el) {
        const value = el.getAttribute(name);
        found.push(value === null ? null : decode(value));
      },
    })
    .transform(new Response(html))
    .text();
  return found;
}

/** A form field as a person sees it: what it holds, its error, and whether the error is tied to it. */
export async function field(html: string, name: string) {
  const id = `f-${name.replace(/\./g, "-")}`;
  const [value] = await attributes(html, `#${id}`, "value");
  const [describedBy] = await attributes(html, `#${id}`, "aria-describedby");
  const [error] = await texts(html, `#${id}-error`);
  return {
    value,
    error: error?.replace(/^Error: /, ""),
    describedByError: (describedBy ?? "").split(" ").includes(`${id}-error`),
  };
}

import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { PropsWithChildren } from "hono/jsx";
import { raw } from "hono/utils/html";
import { PostForm } from "./components/fields.tsx";
import type { AdminEnv } from "./env.ts";
import { paths } from "./paths.ts";
import { RequestContext } from "./request-context.ts";

const sections = [
  { href: paths.root, label: "Today" },
  { href: paths.sessions, label: "Booking Sessions" },
  { href: paths.sessionTypes, label: "Session Types" },
  { href: paths.clients, label: "Studio & Clients" },
  { href: paths.settings, label: "Settings" },
  { href: paths.coupons, label: "Coupons" },
  { href: paths.mail, label: "Mail" },
];

const Shell = ({ children, c }: PropsWithChildren<{ c: Context<AdminEnv> }>) => {
  const signedIn = c.var.login !== undefined;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="stylesheet" href={paths.styles} />
        <script type="module" src={paths.script} />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <p class="brand">{signedIn ? c.var.studio.name : "Spotbook"}</p>
          {signedIn && (
            <nav aria-label="Main">
              <ul>
                {sections.map((s) => (
                  <li>
                    <a
                      href={s.href}
                      aria-current={
                        (s.href === paths.root ? c.req.path === s.href : c.req.path.startsWith(s.href))
                          ? "page"
                          : undefined
                      }
                    >
                      {s.label}
                    </a>
                  </li>
                ))}
              </ul>
              <PostForm action={paths.signOut}>
                <button type="submit" class="link">
                  Sign out
                </button>
              </PostForm>
            </nav>
          )}
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
};

/** The one page shell that `c.render(<Page />)` fills; each page's Heading gives its <title>. */
export const layout = createMiddleware<AdminEnv>(async function layout(c, next) {
  c.setRenderer((content) =>
    c.html(
      <>
        {raw("<!DOCTYPE html>")}
        <RequestContext.Provider value={c}>
          <Shell c={c}>{content}</Shell>
        </RequestContext.Provider>
      </>,
    ),
  );
  await next();
});

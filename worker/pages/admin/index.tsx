import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { trimTrailingSlash } from "hono/trailing-slash";
import { limitBody } from "../../middleware/body.ts";
import { database } from "../../middleware/database.ts";
import { assets } from "./assets.ts";
import { requireCsrfToken, requireLogin } from "./auth/guard.ts";
import type { AdminEnv } from "./env.ts";
import { errorPage, notFoundPage } from "./errors.tsx";
import { layout } from "./layout.tsx";
import { paths } from "./paths.ts";
import { signInPages, signOut } from "./routes/auth.tsx";
import { clientPages } from "./routes/clients.tsx";
import { couponPages } from "./routes/coupons.tsx";
import { mailPages } from "./routes/mail.tsx";
import { sessionDetailPages } from "./routes/session-details.tsx";
import { sessionTypePages } from "./routes/session-types.tsx";
import { sessionPages } from "./routes/sessions.tsx";
import { adminHeaders, noStore } from "./security.ts";

/** The photographer's admin pages, mounted at /admin: server-rendered, working without script. */
const adminPages = new Hono<AdminEnv>();

adminPages.use("*", adminHeaders, noStore, layout, trimTrailingSlash({ alwaysRedirect: true }));
// Every POST must come from our own pages (Origin or Sec-Fetch-Site), signed in or not.
adminPages.use("*", limitBody, csrf(), database);
adminPages.onError(errorPage);

adminPages.route("/", assets);
adminPages.route("/", signInPages);

// Hono runs handlers in the order they are added: everything below needs a signed-in studio.
adminPages.use("*", requireLogin, requireCsrfToken);
adminPages.get("/", (c) => c.redirect(paths.sessions, 303));
adminPages.post("/sign-out", signOut);
adminPages.route("/sessions", sessionPages);
adminPages.route("/sessions", sessionDetailPages);
adminPages.route("/session-types", sessionTypePages);
adminPages.route("/clients", clientPages);
adminPages.route("/mail", mailPages);
adminPages.route("/coupons", couponPages);
adminPages.all("*", notFoundPage);

export default adminPages;

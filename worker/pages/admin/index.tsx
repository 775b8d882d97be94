import { Hono } from "hono";
import { csrf } from "hono/csrf";
import { trimTrailingSlash } from "hono/trailing-slash";
import { dashboard } from "../../actions/overview.ts";
import { limitBody } from "../../middleware/body.ts";
import { studioContext } from "../../middleware/context.ts";
import { database } from "../../middleware/database.ts";
import { requireCsrfToken, requireLogin } from "./auth/guard.ts";
import type { AdminEnv } from "./env.ts";
import { errorPage, notFoundPage } from "./errors.tsx";
import { layout } from "./layout.tsx";
import { announcePages } from "./routes/announce.tsx";
import { signInPages, signOut } from "./routes/auth.tsx";
import { bookingPages } from "./routes/bookings.tsx";
import { clientPages } from "./routes/clients.tsx";
import { couponPages } from "./routes/coupons.tsx";
import { emailTemplatePages, sessionEmailPages, sessionTypeEmailPages } from "./routes/email-templates.tsx";
import { launchPages } from "./routes/launch.tsx";
import { mailPages } from "./routes/mail.tsx";
import { sessionChangePages } from "./routes/session-changes.tsx";
import { sessionDetailPages } from "./routes/session-details.tsx";
import { sessionMovePages } from "./routes/session-move.tsx";
import { sessionTypeFormPages } from "./routes/session-type-forms.tsx";
import { sessionTypePages } from "./routes/session-types.tsx";
import { sessionPages } from "./routes/sessions.tsx";
import { settingsPages } from "./routes/settings.tsx";
import { waitlistPages } from "./routes/waitlist.tsx";
import { adminHeaders, noStore } from "./security.ts";
import { DashboardPage } from "./views/dashboard.tsx";

/** The photographer's admin pages, mounted at /admin: server-rendered, working without script. */
const adminPages = new Hono<AdminEnv>();

adminPages.use("*", adminHeaders, noStore, layout, trimTrailingSlash({ alwaysRedirect: true }));
// Every POST must come from our own pages (Origin or Sec-Fetch-Site), signed in or not.
adminPages.use("*", limitBody, csrf(), database);
adminPages.onError(errorPage);

adminPages.route("/", signInPages);

// Hono runs handlers in the order they are added: everything below needs a signed-in studio.
adminPages.use("*", requireLogin, requireCsrfToken);
adminPages.get("/", async (c) => {
  const { studio } = c.var;
  const board = await dashboard(studioContext(c));
  const zoned = { timeZone: studio.timeZone, locale: studio.locale, currency: studio.currency };
  return c.render(<DashboardPage board={board} zoned={zoned} notice={c.req.query("done")} />);
});
adminPages.post("/sign-out", signOut);
adminPages.route("/sessions", sessionPages);
adminPages.route("/sessions", sessionDetailPages);
adminPages.route("/session-types", sessionTypeEmailPages);
adminPages.route("/session-types", sessionTypeFormPages);
adminPages.route("/sessions", sessionEmailPages);
adminPages.route("/sessions", sessionChangePages);
adminPages.route("/bookings", bookingPages);
adminPages.route("/sessions", sessionMovePages);
adminPages.route("/sessions", announcePages);
adminPages.route("/sessions", waitlistPages);
adminPages.route("/sessions", launchPages);
adminPages.route("/session-types", sessionTypePages);
adminPages.route("/clients", clientPages);
adminPages.route("/settings/emails", emailTemplatePages);
adminPages.route("/settings", settingsPages);
adminPages.route("/mail", mailPages);
adminPages.route("/coupons", couponPages);
adminPages.all("*", notFoundPage);

export default adminPages;

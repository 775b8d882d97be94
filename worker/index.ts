import type { Bindings } from "./env.ts";
import { adminApi } from "./http/admin/index.ts";
import { createApp } from "./http/app.ts";
import { adminAuth } from "./http/auth.ts";
import { publicApiPaths, publicCors } from "./http/cors.ts";
import clientBookings from "./http/public/bookings.ts";
import calendarFeed from "./http/public/calendar-feed.ts";
import { holds, sessionHolds } from "./http/public/holds.ts";
import { sessionQueue } from "./http/public/launch.ts";
import selfService from "./http/public/self-service.ts";
import publicSessions from "./http/public/sessions.ts";
import stripeWebhook from "./http/public/stripe-webhook.ts";
import studios from "./http/public/studios.ts";
import { offers, sessionWaitlist, waitlist } from "./http/public/waitlist.ts";
import { testHooks } from "./http/test-hooks.ts";
import { scheduled } from "./jobs/scheduled.ts";
import { jsonBodyOnly, limitBody } from "./middleware/body.ts";
import { database } from "./middleware/database.ts";
import { noSniff, pageHeaders } from "./middleware/headers.ts";
import adminPages from "./pages/admin/index.tsx";
import { bookingPage, sessionPage } from "./pages/session-page.ts";
import { unsubscribePage } from "./pages/unsubscribe-page.ts";
import { loadCatalogues } from "./services/catalogue-assets.ts";

const app = createApp();

app.use("*", noSniff);
// Any answer may speak a visitor's or a client's language, whose words are static assets read once per isolate.
app.use("*", async function catalogues(c, next) {
  await loadCatalogues(c.env.ASSETS);
  await next();
});

for (const path of publicApiPaths) app.use(`${path}/*`, publicCors);
app.use("/v1/*", limitBody, jsonBodyOnly, database);
app.use("/v1/admin/*", adminAuth);

app.route("/v1/sessions", publicSessions);
app.route("/v1/sessions", sessionHolds);
app.route("/v1/sessions", sessionWaitlist);
app.route("/v1/sessions", sessionQueue);
app.route("/v1/holds", holds);
app.route("/v1/waitlist", waitlist);
app.route("/v1/offers", offers);
app.route("/v1/bookings", clientBookings);
app.route("/v1/bookings", selfService);
app.route("/v1/stripe", stripeWebhook);
app.route("/v1/calendar", calendarFeed);

app.route("/v1/studios", studios);
app.route("/v1/admin", adminApi);
app.route("/v1/test", testHooks);

// The document is a static asset made at build time (worker/openapi-document.ts), which Workers
// Assets answer before the Worker runs; this route gives the same file to a caller of the Worker itself.
app.get("/v1/openapi.json", async (c) => {
  const asset = await c.env.ASSETS.fetch(c.req.raw);
  // A copy: the assets' answer has immutable headers, and the Worker's middleware adds its own.
  return new Response(asset.body, asset);
});
app.route("/admin", adminPages);
app.get("/", (c) => c.redirect("/demo/"));
app.get("/s/:slug", pageHeaders, database, sessionPage);
// The hosted booking page, with or without its slash (as Workers Assets served it before).
for (const path of ["/book/", "/book"]) app.get(path, pageHeaders, database, bookingPage);
app.on(["GET", "POST"], "/unsubscribe/:token", pageHeaders, database, unsubscribePage);

// The launch lines' Durable Object class, exported from the Worker's main module as the runtime asks.
export { LaunchQueue } from "./coordinators/launch-queue.ts";
export { app };
export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>;

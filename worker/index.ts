import type { Bindings } from "./env.ts";
import { adminApi } from "./http/admin/index.ts";
import { createApp } from "./http/app.ts";
import { adminAuth } from "./http/auth.ts";
import { publicApiPaths, publicCors } from "./http/cors.ts";
import { docsPage } from "./http/docs.ts";
import { documentShapeProblems } from "./http/openapi.ts";
import clientBookings from "./http/public/bookings.ts";
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
import { docsHeaders, noSniff, pageHeaders } from "./middleware/headers.ts";
import adminPages from "./pages/admin/index.tsx";
import { sessionPage } from "./pages/session-page.ts";
import { unsubscribePage } from "./pages/unsubscribe-page.ts";

const app = createApp();

app.use("*", noSniff);

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

app.route("/v1/studios", studios);
app.route("/v1/admin", adminApi);
app.route("/v1/test", testHooks);

// Every route is mounted: each operation's entry now gets the problems its shape can answer.
documentShapeProblems(app.openAPIRegistry, publicApiPaths);
app.openAPIRegistry.registerComponent("securitySchemes", "adminToken", {
  type: "http",
  scheme: "bearer",
  description: "A studio's admin token (POST /v1/studios answers it once).",
});
app.openAPIRegistry.registerComponent("securitySchemes", "holdToken", {
  type: "http",
  scheme: "bearer",
  description: "The token answered with a hold; it proves the visitor holds the spot.",
});
app.openAPIRegistry.registerComponent("securitySchemes", "operatorToken", {
  type: "http",
  scheme: "bearer",
  description: "The deployment's OPERATOR_TOKEN secret.",
});
const openApi = {
  openapi: "3.1.0",
  info: {
    title: "Spotbook API",
    version: "1.0.0",
    description: "Booking Sessions for photographers: the public booking API and the studio admin API.",
  },
};
app.doc31("/v1/openapi.json", openApi);
app.route("/admin", adminPages);
app.get("/", (c) => c.redirect("/demo/"));
app.get("/s/:slug", pageHeaders, database, sessionPage);
app.on(["GET", "POST"], "/unsubscribe/:token", pageHeaders, database, unsubscribePage);
app.get("/docs", docsHeaders, docsPage);

// The launch lines' Durable Object class, exported from the Worker's main module as the runtime asks.
export { LaunchQueue } from "./coordinators/launch-queue.ts";
export { app };
export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Bindings>;

import { createRouter } from "../app.ts";
import bookings from "./bookings.ts";
import clients from "./clients.ts";
import coupons from "./coupons.ts";
import sessionTypes from "./session-types.ts";
import sessions from "./sessions.ts";
import spots from "./spots.ts";
import studio from "./studio.ts";

/** The admin JSON API's resources, served behind the studio's bearer token. */
export const adminApi = createRouter();
adminApi.route("/studio", studio);
adminApi.route("/session-types", sessionTypes);
adminApi.route("/clients", clients);
adminApi.route("/sessions", sessions);
adminApi.route("/spots", spots);
adminApi.route("/bookings", bookings);
adminApi.route("/coupons", coupons);

import { createRouter } from "../app.ts";
import bookings from "./bookings.ts";
import clients from "./clients.ts";
import coupons from "./coupons.ts";
import { adminSessionQueue } from "./launch.ts";
import sessionChanges from "./session-changes.ts";
import sessionShift from "./session-shift.ts";
import sessionTypes from "./session-types.ts";
import sessions from "./sessions.ts";
import spots from "./spots.ts";
import studio from "./studio.ts";
import { adminSessionWaitlist, adminWaitlist } from "./waitlist.ts";

/** The admin JSON API's resources, served behind the studio's bearer token. */
export const adminApi = createRouter();
adminApi.route("/studio", studio);
adminApi.route("/session-types", sessionTypes);
adminApi.route("/clients", clients);
adminApi.route("/sessions", sessions);
adminApi.route("/sessions", sessionChanges);
adminApi.route("/sessions", sessionShift);
adminApi.route("/spots", spots);
adminApi.route("/bookings", bookings);
adminApi.route("/sessions", adminSessionWaitlist);
adminApi.route("/sessions", adminSessionQueue);
adminApi.route("/waitlist", adminWaitlist);
adminApi.route("/coupons", coupons);

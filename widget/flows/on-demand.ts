/**
 * What the widget loads only when it is needed, as one module (one chunk of the build, one
 * request): the held spot's step, loaded beside the first hold's request; the form that joins a
 * full session's waitlist; a session's launch line; and the flows a link in the page's address
 * opens (a client's booking, a place on a waitlist). A visitor who only looks at the times of a
 * session without an opening time downloads none of it.
 */

export { formStyles } from "../form-styles.ts";
export { LaunchLine } from "../launch-line.ts";
export { ConfirmationFlow } from "./confirmation.ts";
export { HeldSpot } from "./held-spot.ts";
export { WaitlistFlow, WaitlistJoin } from "./waitlist.ts";

export type OnDemand = typeof import("./on-demand.ts");

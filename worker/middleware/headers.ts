import { createMiddleware } from "hono/factory";
import { NONCE, secureHeaders } from "hono/secure-headers";

/**
 * Every answer of the Worker, JSON or page or problem: the browser takes its content type as
 * given and never sniffs a JSON answer or an iCalendar file into a script or a page.
 * (Static assets carry theirs from widget/public/_headers.)
 */
export const noSniff = createMiddleware(async function noSniff(c, next) {
  await next();
  c.res.headers.set("x-content-type-options", "nosniff");
});

/**
 * The headers of a page the Worker renders outside the admin (the hosted session page): the
 * admin's set, loosened only for what such a page loads: the widget module script and
 * its API calls from our own origin, and the page's own <style> by the request's nonce (read it
 * from `c.get("secureHeadersNonce")`). No other site may frame it.
 */
export const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", NONCE],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
});

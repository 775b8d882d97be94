import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import type { AdminEnv } from "./env.ts";

/** Strict headers for every admin response; a route that needs its own policy sets it first. */
export const adminHeaders = secureHeaders({
  overwrite: false,
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    frameSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
});

/** Pages show clients' personal data: no cache keeps a copy (assets say otherwise themselves). */
export const noStore = createMiddleware<AdminEnv>(async function noStore(c, next) {
  await next();
  if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
});

import type { Context } from "hono";
import { Hono } from "hono";
import { messageOf, outboxOf } from "../../../actions/mail.ts";
import { studioContext } from "../../../middleware/context.ts";
import type { AdminEnv } from "../env.ts";
import { MailPage, MessagePage } from "../views/mail.tsx";

/** The outbox viewer: with the local mail provider, the only place mail goes. */
export const mailPages = new Hono<AdminEnv>();

const zonedFor = (c: Context<AdminEnv>) => ({ timeZone: c.var.studio.timeZone, locale: c.var.studio.locale });

const mailOrNotFound = (c: Context<AdminEnv>) => messageOf(studioContext(c), c.req.param("id") ?? "");

mailPages.get("/", async (c) =>
  c.render(<MailPage mail={await outboxOf(studioContext(c))} zoned={zonedFor(c)} />),
);

mailPages.get("/:id", async (c) => {
  const mail = await mailOrNotFound(c);
  return c.render(<MessagePage mail={mail} zoned={zonedFor(c)} />);
});

// The message's own HTML, framed by its page: sandboxed, no script, nothing fetched but images.
mailPages.get("/:id/html", async (c) => {
  const mail = await mailOrNotFound(c);
  return c.body(mail.html, 200, {
    "content-type": "text/html; charset=utf-8",
    "content-security-policy":
      "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'",
    "x-frame-options": "SAMEORIGIN",
  });
});

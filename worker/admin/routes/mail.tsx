import type { Context } from "hono";
import { Hono } from "hono";
import { notFound } from "../../http/problem.ts";
import type { AdminEnv } from "../env.ts";
import { getMail, listMail } from "../outbox.ts";
import { MailPage, MessagePage } from "../pages/mail.tsx";

/** The outbox viewer: with the local mail provider, the only place mail goes. */
export const mailPages = new Hono<AdminEnv>();

const zonedFor = (c: Context<AdminEnv>) => ({ timeZone: c.var.studio.timeZone, locale: c.var.studio.locale });

async function mailOrNotFound(c: Context<AdminEnv>) {
  const mail = await getMail(c.var.db, c.var.studio.id, c.req.param("id") ?? "");
  if (!mail) throw notFound("message");
  return mail;
}

mailPages.get("/", async (c) =>
  c.render(<MailPage mail={await listMail(c.var.db, c.var.studio.id)} zoned={zonedFor(c)} />),
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

import { EmailMessage } from "cloudflare:email";
import { type Mailer, unsubscribeHeaders } from "./mail.ts";
import { buildMime, parseMailbox } from "./mime.ts";

/** Cloudflare's send_email binding, which takes a raw MIME message. */
export function cloudflareMailer(binding: SendEmail, from: string): Mailer {
  const sender = parseMailbox(from);
  const domain = sender.address.split("@")[1];
  return {
    async send(mail) {
      const raw = buildMime({
        from: mail.fromName ? { ...sender, name: mail.fromName } : sender,
        to: mail.to,
        replyTo: mail.replyTo,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `${mail.id}@${domain}`,
        date: new Date(),
        extraHeaders: unsubscribeHeaders(mail.unsubscribeUrl),
      });
      await binding.send(new EmailMessage(sender.address, mail.to, raw));
    },
  };
}

import { type Mailer, unsubscribeHeaders } from "./mail.ts";
import { formatMailbox, parseMailbox } from "./mime.ts";

/** How long Resend may take to accept a message before the attempt counts as failed. */
const sendTimeoutMs = 10_000;

/** Resend's HTTP API (https://resend.com/docs/api-reference/emails/send-email). */
export function resendMailer(apiKey: string, from: string): Mailer {
  const sender = parseMailbox(from);
  return {
    async send(mail) {
      const res = await fetch("https://api.resend.com/emails", {
        method: "POST",
        headers: {
          authorization: `Bearer ${apiKey}`,
          "content-type": "application/json",
          // A retry after a timeout that Resend did receive is not sent twice.
          "idempotency-key": mail.id,
        },
        body: JSON.stringify({
          from: mail.fromName ? formatMailbox({ ...sender, name: mail.fromName }) : from,
          to: [mail.to],
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          ...(mail.replyTo ? { reply_to: mail.replyTo } : {}),
          ...(mail.unsubscribeUrl ? { headers: unsubscribeHeaders(mail.unsubscribeUrl) } : {}),
        }),
        signal: AbortSignal.timeout(sendTimeoutMs),
      });
      if (!res.ok) throw new Error(`Resend answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
    },
  };
}

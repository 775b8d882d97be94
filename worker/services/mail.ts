import type { Bindings } from "../env.ts";
import { cloudflareMailer } from "./mail-cloudflare.ts";
import { resendMailer } from "./mail-resend.ts";

/** One message as a provider sends it; `id` is our outbox row's, for the provider's idempotency. */
export type Mail = {
  id: string;
  to: string;
  replyTo: string | null;
  /** The studio's sender name, shown instead of MAIL_FROM's own; null keeps MAIL_FROM as written. */
  fromName: string | null;
  subject: string;
  text: string;
  html: string;
  /** A marketing message's one-click unsubscribe address (RFC 8058), sent as List-Unsubscribe. */
  unsubscribeUrl: string | null;
};

/** The headers that let a mail client offer "Unsubscribe" that works in one click (RFC 8058). */
export const unsubscribeHeaders = (url: string | null): Record<string, string> =>
  url ? { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {};

/** Delivers one message or throws; what it throws is kept as the outbox row's last error. */
export type Mailer = { send(mail: Mail): Promise<void> };

function required(env: Bindings, name: "RESEND_API_KEY" | "MAIL_FROM"): string {
  const value = env[name];
  if (!value) throw new Error(`MAIL_PROVIDER=${env.MAIL_PROVIDER} needs ${name}.`);
  return value;
}

/**
 * The configured provider, or null for `outbox` (the default): then mail is never sent, and stays
 * `queued` with no attempt, exactly as the admin's mail viewer shows it.
 */
export function mailerFor(env: Bindings): Mailer | null {
  switch (env.MAIL_PROVIDER ?? "outbox") {
    case "outbox":
      return null;
    case "resend":
      return resendMailer(required(env, "RESEND_API_KEY"), required(env, "MAIL_FROM"));
    case "cloudflare": {
      if (!env.SEND_EMAIL) throw new Error("MAIL_PROVIDER=cloudflare needs a send_email binding.");
      return cloudflareMailer(env.SEND_EMAIL, required(env, "MAIL_FROM"));
    }
    default:
      throw new Error(`Unknown MAIL_PROVIDER "${env.MAIL_PROVIDER}": use outbox, resend or cloudflare.`);
  }
}

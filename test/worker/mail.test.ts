import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import { delivery, retryAt, sendDueMail } from "../../worker/actions/mail.ts";
import { runScheduledJobs } from "../../worker/jobs/scheduled.ts";
import { openDb } from "../../worker/queries/db.ts";
import type { Mail } from "../../worker/services/mail.ts";
import { buildMime, encodeHeaderText, parseMailbox } from "../../worker/services/mime.ts";
import { bookHeld } from "./payments-support.ts";
import { call, newClient, openMultiSession } from "./support.ts";

afterEach(() => {
  vi.restoreAllMocks();
});

type Row = { id: string; status: string; attempts: number; send_after: number; last_error: string | null };

const resendEnv = {
  ...env,
  MAIL_PROVIDER: "resend",
  RESEND_API_KEY: "re_test_key",
  MAIL_FROM: "Spotbook <bookings@spotbook.example>",
};

/** A Multi spot reserved for a client: the reservation's email is queued with it. */
async function queuedReservation(email = `percy+${crypto.randomUUID().slice(0, 6)}@example.com`) {
  const { spotIds, token } = await openMultiSession(1);
  const client = await newClient(token, { name: "Percy", email });
  const reserved = await call("POST", `/v1/admin/spots/${spotIds[0]}/reservation`, {
    token,
    body: { clientId: client.id },
  });
  const mail = await env.DB.prepare("SELECT * FROM emails WHERE booking_id = ?")
    .bind(reserved.body.booking.id)
    .first<Row & { recipient: string; subject: string; text: string; html: string }>();
  if (!mail) throw new Error("no reservation email");
  return { mail, bookingId: reserved.body.booking.id as string, admin: token };
}

const emailRow = (id: string) => env.DB.prepare("SELECT * FROM emails WHERE id = ?").bind(id).first<Row>();

/** Resend answers every message with `answer`; the calls made to it are returned. */
function resend(answer: () => Promise<Response>) {
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    expect(String(input)).toBe("https://api.resend.com/emails");
    return answer();
  });
}

const callsFor = (spy: ReturnType<typeof resend>, id: string) =>
  spy.mock.calls.filter(([, init]) => new Headers(init?.headers).get("idempotency-key") === id);

describe("the mail sender with Resend", () => {
  it("delivers queued mail once, with the message's id as Resend's idempotency key", async () => {
    const { mail } = await queuedReservation();
    const spy = resend(async () => Response.json({ id: "re_1" }));
    const now = Date.now();
    await runScheduledJobs(resendEnv, now);
    await runScheduledJobs(resendEnv, now + 60 * 60_000);
    const [call] = callsFor(spy, mail.id);
    expect(callsFor(spy, mail.id)).toHaveLength(1);
    const headers = new Headers(call?.[1]?.headers);
    expect(headers.get("authorization")).toBe("Bearer re_test_key");
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({
      from: "Spotbook <bookings@spotbook.example>",
      to: [mail.recipient],
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
    });
    expect(await emailRow(mail.id)).toMatchObject({ status: "sent", attempts: 1, last_error: null });
  });

  it.each([
    [
      "answers 500",
      async () => new Response("upstream broke", { status: 500 }),
      "Error: Resend answered 500: upstream broke",
    ],
    [
      "times out",
      () => Promise.reject(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
      "TimeoutError: The operation was aborted due to timeout",
    ],
  ])(
    "keeps mail queued for a retry with backoff when Resend %s; the booking is untouched",
    async (_, answer, error) => {
      const { mail, bookingId } = await queuedReservation();
      const spy = resend(answer);
      const now = Date.now();
      await runScheduledJobs(resendEnv, now);
      expect(await emailRow(mail.id)).toMatchObject({
        status: "queued",
        attempts: 1,
        send_after: now + 5 * 60_000,
        last_error: error,
      });
      const booking = await env.DB.prepare("SELECT status FROM bookings WHERE id = ?")
        .bind(bookingId)
        .first();
      expect(booking).toEqual({ status: "awaiting_confirmation" });

      await runScheduledJobs(resendEnv, now + 4 * 60_000);
      expect(callsFor(spy, mail.id)).toHaveLength(1);
      await runScheduledJobs(resendEnv, now + 5 * 60_000);
      expect(callsFor(spy, mail.id)).toHaveLength(2);
      expect(await emailRow(mail.id)).toMatchObject({ attempts: 2, send_after: now + 15 * 60_000 });
    },
  );

  it("gives a message up as failed after its last attempt", async () => {
    const { mail } = await queuedReservation();
    resend(async () => new Response("no", { status: 503 }));
    let now = Date.now();
    for (let attempt = 1; attempt <= delivery.maxAttempts; attempt++) {
      await runScheduledJobs(resendEnv, now);
      now = (await emailRow(mail.id))?.send_after ?? now;
    }
    expect(await emailRow(mail.id)).toMatchObject({ status: "failed", attempts: delivery.maxAttempts });
  });

  it("gives up mail days old instead of sending it late", async () => {
    const { mail } = await queuedReservation();
    const spy = resend(async () => Response.json({ id: "re_1" }));
    const now = Date.now() + 4 * 24 * 3_600_000;
    await runScheduledJobs(resendEnv, now);
    expect(callsFor(spy, mail.id)).toHaveLength(0);
    expect(await emailRow(mail.id)).toMatchObject({ status: "failed", attempts: 0 });
  });

  it("delivers the payment reminders the photographer sends from the session page", async () => {
    const { session, spotIds, token } = await openMultiSession(1);
    await bookHeld(session.slug, spotIds[0] as string);
    expect((await call("POST", `/v1/admin/sessions/${session.id}/payment-reminders`, { token })).status).toBe(
      200,
    );
    const sent: Mail[] = [];
    await sendDueMail(openDb(env), { send: async (m) => void sent.push(m) }, Date.now());
    expect(sent.filter((m) => m.to === "ann@example.com").map((m) => m.subject)).toEqual([
      "Booked: Fall Minis",
      "Payment reminder: Fall Minis",
    ]);
  });
});

describe("mail providers", () => {
  it("leaves mail queued and untouched in outbox mode, the local default", async () => {
    const { mail } = await queuedReservation();
    const spy = vi.spyOn(globalThis, "fetch");
    await runScheduledJobs(env, Date.now());
    expect(spy).not.toHaveBeenCalled();
    expect(await emailRow(mail.id)).toMatchObject({ status: "queued", attempts: 0, last_error: null });
  });

  it("hands Cloudflare's send_email binding a MIME message from MAIL_FROM", async () => {
    const { mail } = await queuedReservation();
    const send = vi.fn(async () => ({ messageId: "m1" }));
    const cloudflareEnv = {
      ...env,
      MAIL_PROVIDER: "cloudflare",
      MAIL_FROM: "Juniper & Pine <bookings@spotbook.example>",
      SEND_EMAIL: { send } as unknown as SendEmail,
    };
    await runScheduledJobs(cloudflareEnv, Date.now());
    const messages = send.mock.calls.map((args) => (args as unknown[])[0] as { from: string; to: string });
    expect(messages).toContainEqual(
      expect.objectContaining({ from: "bookings@spotbook.example", to: mail.recipient }),
    );
    expect(await emailRow(mail.id)).toMatchObject({ status: "sent" });
  });

  it("sends nothing and says why when the provider is misconfigured", async () => {
    const { mail } = await queuedReservation();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(runScheduledJobs({ ...env, MAIL_PROVIDER: "resend" }, Date.now())).rejects.toThrow(
      /scheduled job/,
    );
    expect(String(logged.mock.calls[0]?.[1])).toContain("MAIL_PROVIDER=resend needs RESEND_API_KEY");
    expect(await emailRow(mail.id)).toMatchObject({ status: "queued", attempts: 0 });
  });
});

describe("retryAt", () => {
  it("backs off exponentially from five minutes, then gives up", () => {
    const delays = [1, 2, 3, 4, 5].map((attempts) => (retryAt(attempts, 0) ?? 0) / 60_000);
    expect(delays).toEqual([5, 10, 20, 40, 80]);
    expect(retryAt(delivery.maxAttempts, 0)).toBeNull();
  });
});

describe("buildMime", () => {
  const decode = (b64: string) =>
    new TextDecoder().decode(Uint8Array.from(atob(b64.replace(/\s+/g, "")), (c) => c.charCodeAt(0)));
  const message = (subject: string) =>
    buildMime({
      from: parseMailbox("Café Lumière <hello@lumiere.example>"),
      to: "client@example.com",
      replyTo: "studio@lumiere.example",
      subject,
      text: "Hi Zoë,\nYour session is booked.",
      html: "<p>Hi Zoë,</p>",
      messageId: "abc@lumiere.example",
      date: new Date("2026-10-17T13:30:00Z"),
    });

  it("writes headers, then a text and an HTML part that decode back", () => {
    const raw = message("Booked: Fall Minis");
    const blank = raw.indexOf("\r\n\r\n");
    const [head, body] = [raw.slice(0, blank), raw.slice(blank + 4)];
    expect(head.split("\r\n")).toEqual([
      "From: =?UTF-8?B?Q2Fmw6kgTHVtacOocmU=?= <hello@lumiere.example>",
      "To: client@example.com",
      "Reply-To: studio@lumiere.example",
      "Subject: Booked: Fall Minis",
      "Date: Sat, 17 Oct 2026 13:30:00 GMT",
      "Message-ID: <abc@lumiere.example>",
      "MIME-Version: 1.0",
      "Content-Type: multipart/alternative;",
      expect.stringMatching(/^ boundary="spotbook-[\w-]+"$/),
    ]);
    const boundary = /boundary="([^"]+)"/.exec(head)?.[1];
    const parts = body.split(`--${boundary}`).map((p) => p.trim());
    expect(parts.at(-1)).toBe("--");
    const [text, html] = parts.slice(1, 3).map((p) => p.split("\r\n\r\n"));
    expect(text?.[0]).toContain("Content-Type: text/plain; charset=utf-8");
    expect(decode(text?.[1] ?? "")).toBe("Hi Zoë,\nYour session is booked.");
    expect(decode(html?.[1] ?? "")).toBe("<p>Hi Zoë,</p>");
    expect(raw.split("\r\n").every((line) => line.length <= 78)).toBe(true);
  });

  it("encodes user text in headers, so a newline cannot add a header", () => {
    const subject = "Mini\r\nBcc: everyone@example.com — séance d'automne très longue, vraiment très longue";
    const encoded = encodeHeaderText(subject);
    expect(encoded).not.toMatch(/\r\n(?! )/);
    expect(encoded.split("\r\n ").every((word) => word.length <= 75)).toBe(true);
    const decoded = encoded
      .split("\r\n ")
      .map((w) => decode(/^=\?UTF-8\?B\?(.*)\?=$/.exec(w)?.[1] ?? ""))
      .join("");
    expect(decoded).toBe(subject.replace("\r\n", " "));
    expect(message(subject)).not.toMatch(/^Bcc:/m);
  });

  it("refuses an address that is not one", () => {
    expect(() => parseMailbox("Mallory <a@b.example>\r\nBcc: x@y.example")).toThrow(/Not an email address/);
  });
});

import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { languages, type MailKey, mailWords } from "../../worker/domain/catalogues/index.ts";
import { contractCopy } from "../../worker/domain/contract.ts";
import { appointmentLinks } from "../../worker/domain/links.ts";
import {
  appointmentFacts,
  bookingCancelled,
  bookingConfirmed,
  bookingMoved,
  confirmationRequest,
  type Message,
  moneyFacts,
  paymentReceived,
  paymentReminder,
  sessionCancelled,
  sessionMoved,
  sessionReminder,
  spotReserved,
  waitlistOffer,
} from "../../worker/domain/messages.ts";
import worker from "../../worker/index.ts";
import { loadCatalogues } from "../../worker/services/catalogue-assets.ts";
import { call, hold, newSession, newSessionType, openMultiSession } from "./support.ts";

const hour = 3_600_000;
const day = 24 * hour;
type Mail = { kind: string; recipient: string; subject: string; text: string; html: string };

/**
 * A studio (in `studioLocale`) with a Multi session whose rules let clients move and cancel, three
 * days out: a booking made inside the session reminder's lead time (a day) gets no reminder, so a
 * session "tomorrow" at 10:00 in New York would get none whenever the tests run after 15:00 UTC.
 */
const studioSession = (studioLocale = "en-US") =>
  openMultiSession(
    4,
    { rules: { rescheduleHours: 1, cancelHours: 1 } },
    { locale: studioLocale, email: `studio+${crypto.randomUUID().slice(0, 8)}@example.com` },
    { date: new Date(Date.now() + 3 * day).toISOString().slice(0, 10) },
  );

/** A visitor books `spotId` in the language the widget passed (none: undefined). */
async function book(slug: string, spotId: string, email: string, locale?: string, name = "Ann") {
  const held = await hold(slug, spotId);
  const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
    token: held.body.hold.token,
    body: { client: { name, email }, ...(locale && { locale }) },
  });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  return { bookingId: held.body.hold.id as string, token: booked.body.booking.token as string };
}

const mailTo = async (recipient: string) =>
  (
    await env.DB.prepare(
      "SELECT kind, recipient, subject, text, html FROM emails WHERE recipient = ? ORDER BY rowid",
    )
      .bind(recipient)
      .all<Mail>()
  ).results;

const mailOf = async (recipient: string, kind: string) => {
  const found = (await mailTo(recipient)).filter((m) => m.kind === kind);
  expect(
    found.map((m) => m.kind),
    `${kind} to ${recipient}`,
  ).not.toEqual([]);
  return found.at(-1) as Mail;
};

async function cronAt(at: number) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "*/5 * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

/** Another "Fall Minis" of the studio's, `days` from now. */
const later = (token: string, days: number, fields: Record<string, unknown>) =>
  newSession(token, {
    name: "Fall Minis",
    date: new Date(Date.now() + days * day).toISOString().slice(0, 10),
    time: "14:00",
    ...fields,
  });

/** The date as the client reads it: the weekday of the session's start in their language and zone. */
const weekday = (locale: string, at: string) =>
  new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "America/New_York" }).format(Date.parse(at));

/**
 * Every message a client can get, in the flow that sends it, for a client who booked in `locale`:
 * the receipt, a payment reminder, the session reminder, a move, a session shift, their own
 * cancellation, a reservation and a confirmation request the photographer made (no locale of
 * their own: the client's last booking's), a waitlist offer, and a whole session called off.
 */
async function everyMessage(locale: string) {
  const { token, type, session, spotIds } = await studioSession();
  const email = `client+${crypto.randomUUID().slice(0, 8)}@example.com`;
  const first = await book(session.slug, spotIds[0] as string, email, locale);
  const sent: Record<string, Mail> = { booking_confirmed: await mailOf(email, "booking_confirmed") };

  await call("POST", `/v1/admin/sessions/${session.id}/payment-reminders`, { token });
  sent.payment_reminder = await mailOf(email, "payment_reminder");
  await cronAt(Date.parse(session.spots[0].startsAt) - 12 * hour);
  sent.session_reminder = await mailOf(email, "session_reminder");

  const moved = await call("POST", `/v1/bookings/${first.token}/reschedule`, {
    body: { spotId: spotIds[1] },
  });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  sent.booking_moved = await mailOf(email, "booking_moved_or_cancelled");
  const shifted = await call("POST", `/v1/admin/sessions/${session.id}/shift`, {
    token,
    body: { minutes: 30 },
  });
  expect(shifted.status, JSON.stringify(shifted.body)).toBe(200);
  sent.session_moved = await mailOf(email, "session_moved");
  expect((await call("POST", `/v1/bookings/${first.token}/cancel`)).status).toBe(200);
  sent.booking_cancelled = await mailOf(email, "booking_moved_or_cancelled");

  const client = (await call("GET", `/v1/admin/clients?q=${encodeURIComponent(email)}`, { token })).body
    .clients[0];
  await call("POST", `/v1/admin/spots/${spotIds[2]}/reservation`, { token, body: { clientId: client.id } });
  sent.spot_reserved = await mailOf(email, "spot_reserved");
  const single = await later(token, 20, {
    classification: "single",
    sessionTypeId: (await newSessionType(token, { classification: "single" })).id,
    clientId: client.id,
  });
  await call("POST", `/v1/admin/sessions/${single.id}/confirmation-request`, { token });
  sent.confirmation_request = await mailOf(email, "confirmation_request");

  // A full one-spot session: the client waits in line, and the spot comes free.
  const full = await later(token, 12, { classification: "multi", sessionTypeId: type.id, spots: 1 });
  const held = await hold(full.slug, full.spots[0].id);
  await call("POST", `/v1/sessions/${full.slug}/waitlist`, { body: { client: { name: "Ann", email } } });
  await call("DELETE", `/v1/holds/${held.body.hold.id}`, { token: held.body.hold.token });
  sent.waitlist_offer = await mailOf(email, "waitlist_offer");

  await book(session.slug, spotIds[3] as string, email, locale);
  expect((await call("POST", `/v1/admin/sessions/${session.id}/cancel`, { token })).status).toBe(200);
  sent.session_cancelled = await mailOf(email, "session_cancelled");
  return { sent, startsAt: session.spots[0].startsAt as string };
}

/** The subject each message kind has, by its words in the catalogue. */
const subjects: Record<string, MailKey> = {
  booking_confirmed: "bookedSubject",
  payment_reminder: "dueSubject",
  session_reminder: "soonSubject",
  booking_moved: "movedSubject",
  session_moved: "shiftedSubject",
  booking_cancelled: "cancelledSubject",
  spot_reserved: "reservedSubject",
  confirmation_request: "confirmSubject",
  waitlist_offer: "offerSubject",
  session_cancelled: "cancelledSubject",
};

describe("emails in the client's language", () => {
  for (const [locale, greeting, booked] of [
    ["de-DE", "Hallo Ann,", "Gebucht: Fall Minis"],
    ["fr-FR", "Bonjour Ann,", "Réservation confirmée : Fall Minis"],
  ] as const) {
    it(`writes every message to a client who booked in ${locale} in that language, dates included`, async () => {
      const { sent, startsAt } = await everyMessage(locale);
      const say = mailWords(locale);
      expect(sent.booking_confirmed?.subject).toBe(booked);
      for (const [kind, key] of Object.entries(subjects)) {
        const mail = sent[kind] as Mail;
        expect(mail.subject, kind).toBe(say(key, { session: "Fall Minis" }));
        expect(mail.subject, kind).not.toBe(mailWords("en")(key, { session: "Fall Minis" }));
        expect(mail.text, kind).toContain(greeting);
        expect(mail.text, kind).not.toMatch(/\b(Hi|View booking|Add to calendar|Balance due)\b/);
      }
      expect(sent.booking_confirmed?.text).toContain(weekday(locale, startsAt));
      // Money in the client's locale too: 150.00 USD as the language writes it.
      const price = new Intl.NumberFormat(locale, { style: "currency", currency: "USD" }).format(150);
      expect(sent.payment_reminder?.text).toContain(price);
    });
  }

  it("writes in the studio's language when the booking has none, or one Spotbook does not speak", async () => {
    const { session, spotIds } = await studioSession("de-AT");
    await book(session.slug, spotIds[0] as string, "none@example.com");
    await book(session.slug, spotIds[1] as string, "ja@example.com", "ja-JP");
    for (const email of ["none@example.com", "ja@example.com"]) {
      const receipt = await mailOf(email, "booking_confirmed");
      expect(receipt.subject).toBe("Gebucht: Fall Minis");
      expect(receipt.text).toContain(weekday("de-AT", session.spots[0].startsAt));
    }
  });

  it("sends a German booking's signed contract copy in German, the studio's in English", async () => {
    const studioEmail = `studio+${crypto.randomUUID().slice(0, 8)}@example.com`;
    const { session, spotIds } = await openMultiSession(
      1,
      { contract: "Das Studio behält das Urheberrecht." },
      { email: studioEmail },
    );
    const contract = (await call("GET", `/v1/sessions/${session.slug}`)).body.contract;
    const held = await hold(session.slug, spotIds[0] as string);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: {
        client: { name: "Ann", email: "ann.de@example.com" },
        locale: "de-DE",
        signature: { contractId: contract.id, name: "Ann Berger" },
      },
      headers: { "cf-connecting-ip": "198.51.100.7" },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const copy = await mailOf("ann.de@example.com", "contract_signed");
    expect(copy.subject).toBe("Unterschriebener Vertrag: Fall Minis, Juniper & Pine");
    expect(copy.text).toContain("Ann Berger hat den Vertrag von Juniper & Pine unterschrieben für:");
    expect(copy.text).toContain(weekday("de-DE", session.spots[0].startsAt));
    expect(copy.text).toContain("Das Studio behält das Urheberrecht.");
    expect(copy.text).toContain("Unterschrieben von Ann Berger am ");
    expect(copy.text).toContain(`Vertragsversion 1, SHA-256 ${contract.sha256}`);
    expect(copy.text).toContain("Von der IP-Adresse 198.51.100.7");
    expect(copy.text).not.toMatch(/\b(Signed|Contract version|From)\b/);
    const studioCopy = await mailOf(studioEmail, "contract_signed");
    expect(studioCopy.subject).toBe("Signed contract: Fall Minis, Juniper & Pine");
    expect(studioCopy.text).toContain("Signed by Ann Berger on ");
  });

  it("offers a waitlist spot in the language the visitor joined in, though they never booked", async () => {
    const { session, spotIds } = await studioSession();
    const held = await hold(session.slug, spotIds[0] as string);
    await Promise.all(spotIds.slice(1).map((spotId) => hold(session.slug, spotId)));
    const joined = await call("POST", `/v1/sessions/${session.slug}/waitlist`, {
      body: { client: { name: "Lia", email: "lia@example.com" }, locale: "it-IT" },
    });
    expect(joined.status, JSON.stringify(joined.body)).toBe(201);
    await call("DELETE", `/v1/holds/${held.body.hold.id}`, { token: held.body.hold.token });
    const offer = await mailOf("lia@example.com", "waitlist_offer");
    expect(offer.subject).toBe("Si è liberato un posto: Fall Minis");
    expect(offer.text).toContain("Ciao Lia,");
  });

  it("announces a new session to each client in the language of their latest booking", async () => {
    const { token, type, session, spotIds } = await studioSession();
    await book(session.slug, spotIds[0] as string, "pia@example.com", "pt-PT", "Pia");
    await book(session.slug, spotIds[1] as string, "sam@example.com", undefined, "Sam");
    const next = await later(token, 14, { classification: "multi", sessionTypeId: type.id, spots: 2 });
    const sent = await call("POST", `/v1/admin/sessions/${next.id}/announcements`, {
      token,
      body: { audience: { kind: "all" } },
    });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const pia = await mailOf("pia@example.com", "announcement");
    expect(pia.subject).toBe("Novidade de Juniper & Pine: Fall Minis");
    expect(pia.text).toContain("Olá Pia,");
    expect(pia.text).toContain("Não receber mais anúncios de Juniper & Pine:");
    expect((await mailOf("sam@example.com", "announcement")).subject).toBe(
      "New from Juniper & Pine: Fall Minis",
    );
  });

  it("sends the photographer's own template as written to every client, in the studio's locale", async () => {
    const { studio, token, type, session, spotIds } = await studioSession("en-US");
    const templateId = crypto.randomUUID();
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO email_templates (id, studio_id, kind, name, subject, body, created_at) VALUES (?, ?, 'booking_confirmed', 'Mine', ?, ?, 0)",
      ).bind(
        templateId,
        studio.id,
        "See you, {{client}}!",
        "Dear {{client}}, we meet {{when}}. Paid: {{paid}}",
      ),
      env.DB.prepare("UPDATE session_types SET email_templates = ? WHERE id = ?").bind(
        JSON.stringify({ booking_confirmed: templateId }),
        type.id,
      ),
    ]);
    await book(session.slug, spotIds[0] as string, "de@example.com", "de-DE", "<b>Jörg</b>");
    const receipt = await mailOf("de@example.com", "booking_confirmed");
    expect(receipt.subject).toBe("See you, <b>Jörg</b>!");
    expect(receipt.text).toContain(`we meet ${weekday("en-US", session.spots[0].startsAt)}`);
    expect(receipt.text).toContain("Paid: $0.00");
    expect(receipt.html).toContain("Dear &#60;b&#62;Jörg&#60;/b&#62;,");
    // Its other messages, still the defaults, keep to the client's language.
    await call("POST", `/v1/admin/sessions/${session.id}/payment-reminders`, { token });
    expect((await mailOf("de@example.com", "payment_reminder")).subject).toBe(
      "Zahlungserinnerung: Fall Minis",
    );
  });
});

describe("every client message in every language", () => {
  // Called here directly, not through a request, so the words are loaded as a request would.
  beforeAll(() => loadCatalogues(env.ASSETS));

  const facts = (locale: string, name: string) =>
    appointmentFacts(
      { name: "Juniper & Pine", locale: "en-US" },
      { name: "Fall Minis", timeZone: "Europe/Berlin", location: "Atelier 3" },
      { startsAt: Date.UTC(2027, 3, 10, 8), endsAt: Date.UTC(2027, 3, 10, 9) },
      { name },
      locale,
    );
  const links = appointmentLinks("https://spotbook.test", null, "t");
  const money = moneyFacts({ currency: "EUR", amountCents: 15000, depositCents: 5000, paidCents: 5000 });
  const every = (locale: string, name: string): Message[] => {
    const f = facts(locale, name);
    const was = { startsAt: Date.UTC(2027, 3, 9, 8), endsAt: Date.UTC(2027, 3, 9, 9) };
    return [
      confirmationRequest(f, links),
      spotReserved(f, links),
      bookingConfirmed(f, money, links),
      paymentReceived(f, money, links),
      paymentReminder(f, money, links),
      paymentReminder(f, money, links, ""),
      sessionReminder(f, links),
      sessionCancelled(f, money, links),
      waitlistOffer(f, Date.UTC(2027, 3, 8), links.page),
      bookingMoved(f, links, was),
      sessionMoved(f, links, was),
      bookingCancelled(f, links, { outcome: "credit", amountCents: 5000, currency: "EUR" }),
      contractCopy(f, "Terms", {
        contractId: "c",
        version: 1,
        sha256: "ab",
        name,
        signedAt: Date.UTC(2027, 3, 1),
        ip: "198.51.100.7",
      }),
    ];
  };

  it("differs from the English in each language but English, subject and body", () => {
    const english = every("en", "Ann");
    for (const language of languages.filter((l) => l !== "en")) {
      every(language, "Ann").forEach((m, i) => {
        expect(m.subject, `${language} #${i}`).not.toBe(english[i]?.subject);
        expect(m.text, `${language} #${i}`).not.toContain("Hi Ann");
      });
    }
  });

  it("escapes a client's name with markup in every language", () => {
    const hostile = fc.oneof(
      fc.constantFrom(
        "<b>Eve</b> & co",
        '"><img src=x onerror=alert(1)>',
        "a\r\nBcc: all@example.com",
        "{client}",
      ),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...languages), hostile, (language, name) => {
        for (const m of every(language, name)) {
          const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(m.html)?.[1] ?? "";
          // Our own markup: paragraphs, line breaks and links; every other < > " is escaped.
          const rest = body.replace(/<\/?p>|<br>|<a href="[^"<>]*"( style="[^"<>]*")?>|<\/a>/g, "");
          expect(rest).not.toMatch(/[<>"]/);
        }
      }),
      { numRuns: 100 },
    );
  });
});

import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sendDueMail } from "../../worker/actions/mail.ts";
import { splitAudience } from "../../worker/domain/announcements.ts";
import { sha256 } from "../../worker/domain/tokens.ts";
import { openDb } from "../../worker/queries/db.ts";
import type { Mail } from "../../worker/services/mail.ts";
import { buildMime } from "../../worker/services/mime.ts";
import { inDays } from "../dates.ts";
import { attributes, multiFields, schedule, signedInStudio, texts } from "./admin-browser.ts";
import { call, newClient, newSession, newSessionType, openMultiSession } from "./support.ts";

/** "Announce this session": the chosen clients emailed the link once each, with an unsubscribe that holds. */

const announce = (token: string, sessionId: string, audience: unknown = { kind: "all" }) =>
  call("POST", `/v1/admin/sessions/${sessionId}/announcements`, { token, body: { audience } });

const reserve = (token: string, spotId: string, clientId: string) =>
  call("POST", `/v1/admin/spots/${spotId}/reservation`, { token, body: { clientId } });

type Sent = {
  recipient: string;
  subject: string;
  text: string;
  html: string;
  unsubscribe_url: string | null;
};

const announcementMail = async (studioId: string) =>
  (
    await env.DB.prepare(
      "SELECT recipient, subject, text, html, unsubscribe_url FROM emails WHERE studio_id = ? AND kind = 'announcement' ORDER BY recipient",
    )
      .bind(studioId)
      .all<Sent>()
  ).results;

const tomorrow = () => inDays(1);

/** The path of the unsubscribe link an announcement carries. */
const unsubscribePath = (mail: Sent | undefined) => new URL(mail?.unsubscribe_url ?? "").pathname;

describe("announcing a session", () => {
  it("emails every client the session's name, dates, location, price and link, once each", async () => {
    const { studio, token, session } = await openMultiSession(2, { location: "Juniper Park" });
    await newClient(token, { name: "Ada Lovelace", email: "ada@example.com" });
    await newClient(token, { name: "Grace Hopper", email: "grace@example.com" });

    const preview = await call("GET", `/v1/admin/sessions/${session.id}/announcements`, { token });
    expect(preview.status).toBe(200);
    expect(preview.body.audience).toEqual({
      recipients: 2,
      skipped: { alreadyAnnounced: 0, unsubscribed: 0 },
    });

    const first = await announce(token, session.id);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ sent: 2, skipped: { alreadyAnnounced: 0, unsubscribed: 0 } });
    const mail = await announcementMail(studio.id);
    expect(mail.map((m) => m.recipient)).toEqual(["ada@example.com", "grace@example.com"]);
    const ada = mail[0];
    expect(ada?.subject).toBe("New from Juniper & Pine: Fall Minis");
    expect(ada?.text).toContain("Hi Ada Lovelace,");
    expect(ada?.text).toContain("From $150.00");
    expect(ada?.text).toContain(`See the times and book: ${session.url}`);
    expect(ada?.text).toContain(ada?.unsubscribe_url);
    expect(ada?.html).toContain(`<a href="${ada?.unsubscribe_url}">`);
    const day = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", dateStyle: "long" }).format(
      Date.parse(session.spots[0].startsAt),
    );
    expect(ada?.text).toContain(day);

    const again = await announce(token, session.id);
    expect(again.body).toEqual({ sent: 0, skipped: { alreadyAnnounced: 2, unsubscribed: 0 } });
    expect(await announcementMail(studio.id)).toHaveLength(2);
    const listed = await call("GET", `/v1/admin/sessions/${session.id}/announcements`, { token });
    expect(listed.body.audience.recipients).toBe(0);
    expect(listed.body.announcements.map((a: { email: string }) => a.email).sort()).toEqual([
      "ada@example.com",
      "grace@example.com",
    ]);
  });

  it("emails nobody twice when the button is pressed twice at once", async () => {
    const { studio, token, session } = await openMultiSession(1);
    for (let i = 0; i < 5; i++) await newClient(token);
    const answers = await Promise.all([announce(token, session.id), announce(token, session.id)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.reduce((n, a) => n + a.body.sent, 0)).toBe(5);
    expect(answers.every((a) => a.body.sent + a.body.skipped.alreadyAnnounced === 5)).toBe(true);
    expect(await announcementMail(studio.id)).toHaveLength(5);
  });

  it("reaches an audience larger than one batch, each client once", async () => {
    const { studio, token, session } = await openMultiSession(1);
    const insert = env.DB.prepare(
      "INSERT INTO clients (id, studio_id, name, email, created_at) VALUES (?, ?, ?, ?, ?)",
    );
    await env.DB.batch(
      Array.from({ length: 205 }, (_, i) =>
        insert.bind(crypto.randomUUID(), studio.id, `Client ${i}`, `client${i}@example.com`, Date.now()),
      ),
    );
    expect((await announce(token, session.id)).body).toEqual({
      sent: 205,
      skipped: { alreadyAnnounced: 0, unsubscribed: 0 },
    });
    expect(await announcementMail(studio.id)).toHaveLength(205);
  });

  it("links to the studio's booking page naming the session when the studio has one", async () => {
    const { studio, token, session } = await openMultiSession(
      1,
      {},
      { bookingPageUrl: "https://juniper.example/book" },
    );
    await newClient(token, { email: "ada@example.com" });
    await announce(token, session.id);
    const [mail] = await announcementMail(studio.id);
    expect(mail?.text).toContain(`https://juniper.example/book?spotbook-session=${session.slug}`);
  });

  it("reaches the past clients of a session type: a cancelled booking or another type's makes none", async () => {
    const { token, type, session, spotIds } = await openMultiSession(3);
    const other = await newSessionType(token, { name: "Weddings" });
    const later = await newSession(token, {
      classification: "multi",
      name: "Spring Minis",
      sessionTypeId: other.id,
      date: inDays(3),
      time: "10:00",
      spots: 1,
    });
    const booked = await newClient(token, { email: "booked@example.com" });
    const cancelled = await newClient(token, { email: "cancelled@example.com" });
    await newClient(token, { email: "never@example.com" });
    await reserve(token, spotIds[0] as string, booked.id);
    const gone = await reserve(token, spotIds[1] as string, cancelled.id);
    expect((await call("DELETE", `/v1/admin/bookings/${gone.body.booking.id}`, { token })).status).toBe(204);

    const preview = await call(
      "GET",
      `/v1/admin/sessions/${later.id}/announcements?sessionTypeId=${type.id}`,
      { token },
    );
    expect(preview.body.audience.recipients).toBe(1);
    const sent = await announce(token, later.id, { kind: "sessionType", sessionTypeId: type.id });
    expect(sent.body.sent).toBe(1);
    const rows = await env.DB.prepare("SELECT client_id FROM announcements WHERE session_id = ?")
      .bind(later.id)
      .all<{ client_id: string }>();
    expect(rows.results.map((r) => r.client_id)).toEqual([booked.id]);
    const ofWeddings = await announce(token, session.id, { kind: "sessionType", sessionTypeId: other.id });
    expect(ofWeddings.body).toEqual({ sent: 0, skipped: { alreadyAnnounced: 0, unsubscribed: 0 } });
  });
});

describe("unsubscribing", () => {
  it("asks first, unsubscribes on the button, is honoured by the next announcement and spares booking emails", async () => {
    const { studio, token, type, session } = await openMultiSession(1);
    const ada = await newClient(token, { email: "ada@example.com" });
    await newClient(token, { email: "grace@example.com" });
    await announce(token, session.id);
    const [mail] = await announcementMail(studio.id);
    const path = unsubscribePath(mail);

    const ask = await call("GET", path, { headers: { "accept-language": "de-DE,de;q=0.9" } });
    expect(ask.status).toBe(200);
    expect(ask.body).toContain('<html lang="de-DE">');
    expect(ask.body).toContain("Keine Ankündigungen mehr von Juniper &amp; Pine");
    expect(ask.body).toContain('<form method="post"><button type="submit">Abmelden</button></form>');
    // Opening the link (a mail scanner does) unsubscribes nobody.
    expect((await call("GET", `/v1/admin/clients/${ada.id}`, { token })).body.client.unsubscribed).toBe(
      false,
    );

    const done = await call("POST", path, { headers: { "accept-language": "en" } });
    expect(done.status).toBe(200);
    expect(done.body).toContain("unsubscribed: Juniper &amp; Pine will send you no more announcements.");
    expect((await call("GET", `/v1/admin/clients/${ada.id}`, { token })).body.client.unsubscribed).toBe(true);

    const next = await newSession(token, {
      classification: "multi",
      name: "Winter Minis",
      sessionTypeId: type.id,
      date: inDays(4),
      time: "10:00",
      spots: 2,
    });
    const preview = await call("GET", `/v1/admin/sessions/${next.id}/announcements`, { token });
    expect(preview.body.audience).toEqual({
      recipients: 1,
      skipped: { alreadyAnnounced: 0, unsubscribed: 1 },
    });
    const second = await announce(token, next.id);
    expect(second.body).toEqual({ sent: 1, skipped: { alreadyAnnounced: 0, unsubscribed: 1 } });
    expect((await announcementMail(studio.id)).filter((m) => m.recipient === "ada@example.com")).toHaveLength(
      1,
    );

    // A booking's own email still reaches them.
    expect((await reserve(token, next.spots[0].id, ada.id)).status).toBe(201);
    const reserved = await env.DB.prepare(
      "SELECT count(*) AS n FROM emails WHERE recipient = ? AND kind = 'spot_reserved'",
    )
      .bind("ada@example.com")
      .first<{ n: number }>();
    expect(reserved?.n).toBe(1);
  });

  it("takes a mail client's one-click POST, and keeps only the token's hash", async () => {
    const { studio, token, session } = await openMultiSession(1);
    const ada = await newClient(token, { email: "ada@example.com" });
    await announce(token, session.id);
    const [mail] = await announcementMail(studio.id);
    const raw = decodeURIComponent(unsubscribePath(mail).split("/").pop() ?? "");
    expect(raw).toMatch(/^sbk_unsub_[A-Za-z0-9_-]{32}$/);
    const stored = await env.DB.prepare("SELECT token_hash FROM unsubscribe_links WHERE client_id = ?")
      .bind(ada.id)
      .all<{ token_hash: string }>();
    expect(stored.results).toEqual([{ token_hash: await sha256(raw) }]);

    const res = await call("POST", unsubscribePath(mail), {
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    const row = await env.DB.prepare("SELECT unsubscribed_at FROM clients WHERE id = ?")
      .bind(ada.id)
      .first<{ unsubscribed_at: number | null }>();
    expect(row?.unsubscribed_at).toEqual(expect.any(Number));
  });

  it("answers a page, not JSON, for a link that is not one", async () => {
    for (const method of ["GET", "POST"]) {
      const res = await call(method, "/unsubscribe/sbk_unsub_nothing", {
        headers: { "accept-language": "fr" },
      });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.body).toContain("Ce lien de désabonnement n’est pas valide.");
    }
  });

  it("sends the one-click List-Unsubscribe headers with the message", async () => {
    const { studio, token, session } = await openMultiSession(1);
    await newClient(token, { email: "ada@example.com" });
    await announce(token, session.id);
    const [queued] = await announcementMail(studio.id);
    const sent: Mail[] = [];
    // Other tests' queued mail is sent too: this one is found among them.
    for (let run = 0; run < 20 && !sent.some((m) => m.unsubscribeUrl === queued?.unsubscribe_url); run++) {
      const { sent: n } = await sendDueMail(
        openDb(env),
        { send: async (m) => void sent.push(m) },
        Date.now(),
      );
      if (n === 0) break;
    }
    const mine = sent.find((m) => m.unsubscribeUrl === queued?.unsubscribe_url);
    expect(mine?.unsubscribeUrl).toBe(queued?.unsubscribe_url);
    const mime = buildMime({
      from: { name: "Spotbook", address: "mail@spotbook.test" },
      to: "ada@example.com",
      replyTo: null,
      subject: "New",
      text: "t",
      html: "h",
      messageId: "x@spotbook.test",
      date: new Date(0),
      extraHeaders: {
        "List-Unsubscribe": `<${queued?.unsubscribe_url}>`,
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      },
    });
    expect(mime).toContain(`\r\nList-Unsubscribe: <${queued?.unsubscribe_url}>\r\n`);
    expect(mime).toContain("\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
  });
});

describe("refusals", () => {
  it("refuses a Single, a cancelled session and one whose spots have all started, as problems", async () => {
    const { token, type, session } = await openMultiSession(1);
    await newClient(token);
    const single = await newSession(token, {
      classification: "single",
      name: "Okafor family",
      sessionTypeId: (await newSessionType(token, { classification: "single" })).id,
      date: tomorrow(),
      time: "09:00",
    });
    const notMulti = await announce(token, single.id);
    expect(notMulti.status).toBe(409);
    expect(notMulti.body.code).toBe("not_multi");
    expect(notMulti.headers.get("content-type")).toBe("application/problem+json");

    expect((await call("POST", `/v1/admin/sessions/${session.id}/cancel`, { token })).status).toBe(200);
    const cancelled = await announce(token, session.id);
    expect([cancelled.status, cancelled.body.code]).toEqual([409, "session_cancelled"]);
    expect((await call("GET", `/v1/admin/sessions/${session.id}/announcements`, { token })).body.code).toBe(
      "session_cancelled",
    );

    const past = await newSession(token, {
      classification: "multi",
      name: "Soon",
      sessionTypeId: type.id,
      date: tomorrow(),
      time: "11:00",
      spots: 1,
    });
    await env.DB.prepare("UPDATE spots SET starts_at = ?, ends_at = ? WHERE session_id = ?")
      .bind(Date.now() - 7_200_000, Date.now() - 3_600_000, past.id)
      .run();
    const over = await announce(token, past.id);
    expect([over.status, over.body.code]).toEqual([409, "session_over"]);
  });

  it("shows and announces nothing across studios: another's session is not found, its session type refused", async () => {
    const mine = await openMultiSession(1);
    const theirs = await openMultiSession(1);
    await newClient(theirs.token, { email: "theirs@example.com" });
    const across = await announce(mine.token, theirs.session.id);
    expect([across.status, across.body.code]).toEqual([404, "not_found"]);
    const type = await announce(mine.token, mine.session.id, {
      kind: "sessionType",
      sessionTypeId: theirs.type.id,
    });
    expect([type.status, type.body.code]).toEqual([422, "validation_failed"]);
    expect(type.body.errors).toEqual([
      { path: "audience.sessionTypeId", message: "Choose one of your session types." },
    ]);
    await newClient(mine.token, { email: "mine@example.com" });
    expect((await announce(mine.token, mine.session.id)).body.sent).toBe(1);
    expect((await announcementMail(mine.studio.id)).map((m) => m.recipient)).toEqual(["mine@example.com"]);
  });

  it("answers every shape of audience with 200 or a 422 problem, never a server error", async () => {
    const { token, type, session } = await openMultiSession(1);
    const audience = fc.oneof(
      fc.constant({ kind: "all" }),
      fc.record({
        kind: fc.constant("sessionType"),
        sessionTypeId: fc.oneof(fc.constant(type.id), fc.string({ maxLength: 80 })),
      }),
      fc.record({ kind: fc.string({ maxLength: 12 }) }),
      fc.anything(),
    );
    await fc.assert(
      fc.asyncProperty(audience, async (a) => {
        const res = await announce(token, session.id, a);
        expect([200, 422]).toContain(res.status);
        if (res.status === 422) expect(res.body.code).toBe("validation_failed");
      }),
      { numRuns: 25 },
    );
    const missing = await call("POST", `/v1/admin/sessions/${session.id}/announcements`, { token, body: {} });
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].path).toBe("audience");
  });

  it("splits any audience into recipients and the skipped, losing nobody", () => {
    const candidate = fc.record({ id: fc.uuid(), unsubscribed: fc.boolean(), announced: fc.boolean() });
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), (all) => {
        const { recipients, skipped } = splitAudience(all);
        expect(recipients.length + skipped.alreadyAnnounced + skipped.unsubscribed).toBe(all.length);
        expect(recipients.every((r) => !r.announced && !r.unsubscribed)).toBe(true);
        expect(skipped.alreadyAnnounced).toBe(all.filter((c) => c.announced).length);
      }),
    );
  });
});

describe("Announce this session in the admin", () => {
  it("shows how many will receive it and how many are skipped, sends once, and marks the unsubscribed client", async () => {
    const { browser, token, studio } = await signedInStudio();
    const type = await newSessionType(token);
    const id = await schedule(browser, multiFields(type.id, { spots: "2" }));
    const ada = await newClient(token, { name: "Ada", email: "ada@example.com" });
    await newClient(token, { name: "Grace", email: "grace@example.com" });

    const details = await browser.get(`/admin/sessions/${id}`);
    expect(await attributes(details.html, `a[href="/admin/sessions/${id}/announce"]`, "class")).toEqual([
      "button secondary",
    ]);
    const page = await browser.get(`/admin/sessions/${id}/announce`);
    expect(page.status).toBe(200);
    expect(await texts(page.html, "#audience-count")).toEqual([
      "2 clients will receive it. Skipped: 0 already announced, 0 unsubscribed.",
    ]);
    expect(await texts(page.html, "#f-sessionTypeId option")).toEqual([
      "All clients",
      "Past clients of Fall Mini",
    ]);
    const past = await browser.get(`/admin/sessions/${id}/announce?sessionTypeId=${type.id}`);
    expect(await texts(past.html, "#audience-count")).toEqual([
      "0 clients will receive it. Skipped: 0 already announced, 0 unsubscribed.",
    ]);

    const sent = await browser.post(`/admin/sessions/${id}/announce`, { sessionTypeId: "" });
    expect(sent.location).toBe(`/admin/sessions/${id}/announce?done=announced`);
    const after = await browser.get(sent.location ?? "");
    expect(await texts(after.html, "#audience-count")).toEqual([
      "0 clients will receive it. Skipped: 2 already announced, 0 unsubscribed.",
    ]);
    expect(await texts(after.html, "tbody td:first-child")).toEqual(["Ada", "Grace"]);
    expect(
      await attributes(
        after.html,
        `form[method=post][action="/admin/sessions/${id}/announce"] button`,
        "disabled",
      ),
    ).toEqual([""]);

    const mail = await env.DB.prepare(
      "SELECT unsubscribe_url FROM emails WHERE recipient = ? AND kind = 'announcement' AND studio_id = ?",
    )
      .bind("ada@example.com", studio.id)
      .first<{ unsubscribe_url: string }>();
    await call("POST", new URL(mail?.unsubscribe_url ?? "").pathname);
    const client = await browser.get(`/admin/clients/${ada.id}`);
    expect(client.html).toContain("Unsubscribed: sent no announcements");
  });
});

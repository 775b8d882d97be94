import { env } from "cloudflare:workers";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultTemplate,
  renderTemplate,
  type TemplateValues,
  templateKindList,
} from "../../worker/domain/templates.ts";
import { dayText } from "../dates.ts";
import { attributes, idIn, multiFields, schedule, signedInStudio, texts } from "./admin-browser.ts";
import { call, newClient, newSessionType, newStudio } from "./support.ts";

const values = (v: string): TemplateValues => ({
  studio: v,
  session: v,
  client: v,
  when: v,
  location: v,
  amount: v,
  charges: v,
  paid: v,
  balance: v,
  how_to_pay: v,
  link: v,
  calendar_link: v,
  dates: v,
  price_from: v,
  unsubscribe_link: v,
});

const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.constantFrom(
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{client}}",
    "a\r\nBcc: all@example.com",
    "</p><a href='//evil'>x</a>",
  ),
);

describe("renderTemplate", () => {
  it("keeps every placeholder a value: no markup from a value reaches the HTML, no line break the subject", () => {
    fc.assert(
      fc.property(fc.constantFrom(...templateKindList), hostile, (kind, v) => {
        const message = renderTemplate(defaultTemplate(kind, "en"), values(v));
        const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(message.html)?.[1] ?? "";
        // Our own markup is paragraphs, line breaks and links whose address is the escaped value.
        const rest = body.replace(/<\/?p>|<br>|<a href="[^"<>]*">|<\/a>/g, "");
        expect(rest, rest).not.toMatch(/[<>"]/);
        expect(message.subject).not.toMatch(/[\r\n]/);
        // The text part carries the value as it is, and a value is never read as a placeholder.
        expect(message.text).toContain(v.replace(/\r\n/g, "\r\n"));
      }),
      { numRuns: 300 },
    );
  });

  it("fills the placeholders of today's texts", () => {
    const m = renderTemplate(defaultTemplate("payment_reminder", "en"), {
      ...values(""),
      client: "Ada",
      balance: "$100.00",
      studio: "Juniper",
      how_to_pay: "Venmo @juniper",
      link: "https://spotbook.test/book/?spotbook=t",
    });
    expect(m.subject).toBe("Payment reminder:");
    expect(m.text).toMatch(/^Hi Ada,\n\nA balance of \$100.00 is due for your session with Juniper\./);
    expect(m.text).toContain("Venmo @juniper");
    expect(m.html).toContain('<a href="https://spotbook.test/book/?spotbook=t">');
  });
});

/** A studio with a Multi session, its client and the template pages signed in. */
async function studioWithSession() {
  const signed = await signedInStudio();
  const type = await newSessionType(signed.token);
  const fields = multiFields(type.id, { spots: "3" });
  const id = await schedule(signed.browser, fields);
  const session = (await call("GET", `/v1/admin/sessions/${id}`, { token: signed.token })).body.session;
  return { ...signed, type, session, date: fields.date };
}

async function newTemplate(
  browser: Awaited<ReturnType<typeof signedInStudio>>["browser"],
  kind: string,
  fields: Record<string, string>,
) {
  await browser.get(`/admin/settings/emails/new?kind=${kind}`);
  const res = await browser.post(`/admin/settings/emails/new?kind=${kind}`, { intent: "save", ...fields });
  expect(res.status, res.html).toBe(303);
  const list = await browser.get("/admin/settings/emails");
  const hrefs = await attributes(list.html, `#templates-${kind} a`, "href");
  const names = await texts(list.html, `#templates-${kind} a`);
  return idIn(hrefs[names.indexOf(fields.name ?? "")] ?? null, "/admin/settings/emails");
}

const reservationMail = async (token: string, spotId: string, name = "<b>Eve</b> & co") => {
  const client = await newClient(token, { name });
  const res = await call("POST", `/v1/admin/spots/${spotId}/reservation`, {
    token,
    body: { clientId: client.id },
  });
  return env.DB.prepare("SELECT subject, text, html FROM emails WHERE booking_id = ?")
    .bind(res.body.booking.id)
    .first<{ subject: string; text: string; html: string }>();
};

describe("email templates in the admin", () => {
  it("starts a new template from today's text and refuses a placeholder that does not exist", async () => {
    const { browser } = await signedInStudio();
    const page = await browser.get("/admin/settings/emails/new?kind=spot_reserved");
    expect(await texts(page.html, "#f-body")).toEqual([
      defaultTemplate("spot_reserved", "en").body.replace(/\s+/g, " "),
    ]);
    const res = await browser.post("/admin/settings/emails/new?kind=spot_reserved", {
      intent: "save",
      name: "Mine",
      subject: "Hello {{nmae}}",
      body: "Hi {{client}}",
    });
    expect(res.status).toBe(422);
    expect(await texts(res.html, "#f-subject-error")).toEqual([
      "Error: There is no placeholder {{nmae}}; use one of those listed.",
    ]);
  });

  it("previews the typed template with a real booking, escaped, saving nothing", async () => {
    const { browser, token, session, date } = await studioWithSession();
    await reservationMail(token, session.spots[0].id);
    const page = await browser.get("/admin/settings/emails/new?kind=spot_reserved");
    const [bookingId] = await attributes(page.html, "#f-bookingId option", "value");
    const res = await browser.post("/admin/settings/emails/new?kind=spot_reserved", {
      intent: "preview",
      name: "Warm",
      subject: "For {{client}}: {{session}}",
      body: "Dear {{client}}, see you {{when}}.",
      bookingId: bookingId ?? "",
    });
    expect(res.status).toBe(200);
    expect(await texts(res.html, "#preview-subject")).toEqual(["For <b>Eve</b> & co: Fall Minis"]);
    expect(res.html).not.toContain("<b>Eve</b>");
    expect((await texts(res.html, "#preview-text"))[0]).toMatch(
      new RegExp(`^Dear <b>Eve</b> & co, see you ${dayText(date)}`),
    );
    const list = await browser.get("/admin/settings/emails");
    expect(await attributes(list.html, "#templates-spot_reserved a", "href")).toEqual([]);

    // An announcement's unsubscribe link shows as it will look, and unsubscribes nobody.
    const announcement = await browser.post("/admin/settings/emails/new?kind=announcement", {
      intent: "preview",
      name: "News",
      subject: "New: {{session}}",
      body: "Stop: {{unsubscribe_link}}",
      bookingId: bookingId ?? "",
    });
    expect((await texts(announcement.html, "#preview-text"))[0]).toMatch(
      /^Stop: https?:\/\/[^/]+\/unsubscribe\/preview$/,
    );
  });

  it("sends the session type's chosen template, or the session's own over it, escaped on send", async () => {
    const { browser, token, type, session } = await studioWithSession();
    const typeTemplate = await newTemplate(browser, "spot_reserved", {
      name: "Type's",
      subject: "Reserved for {{client}}",
      body: "Type template for {{client}}.\n\n{{link}}",
    });
    const sessionTemplate = await newTemplate(browser, "spot_reserved", {
      name: "Session's",
      subject: "Just this session, {{client}}",
      body: "Session template.",
    });
    const before = await reservationMail(token, session.spots[0].id);
    expect(before?.subject).toBe("A spot is reserved for you: Fall Minis");

    await browser.get(`/admin/session-types/${type.id}/emails`);
    const chose = await browser.post(`/admin/session-types/${type.id}/emails`, {
      spot_reserved: typeTemplate,
    });
    expect(chose.location).toBe(`/admin/session-types/${type.id}?done=emails-chosen`);
    const byType = await reservationMail(token, session.spots[1].id);
    expect(byType?.subject).toBe("Reserved for <b>Eve</b> & co");
    expect(byType?.html).toContain("Type template for &#60;b&#62;Eve&#60;/b&#62; &#38; co.");
    expect(byType?.html).toMatch(/<a href="[^"]+\/book\/\?spotbook=sbk_book_[\w-]+">/);

    await browser.get(`/admin/sessions/${session.id}/emails`);
    await browser.post(`/admin/sessions/${session.id}/emails`, { spot_reserved: sessionTemplate });
    const bySession = await reservationMail(token, session.spots[2].id, "Grace");
    expect(bySession?.subject).toBe("Just this session, Grace");
  });

  it("refuses another studio's template, or one written for another message", async () => {
    const { browser, type } = await studioWithSession();
    const reminder = await newTemplate(browser, "session_reminder", { name: "R", subject: "S", body: "B" });
    const other = await signedInStudio();
    const theirs = await newTemplate(other.browser, "spot_reserved", { name: "T", subject: "S", body: "B" });
    await browser.get(`/admin/session-types/${type.id}/emails`);
    for (const id of [reminder, theirs]) {
      const res = await browser.post(`/admin/session-types/${type.id}/emails`, { spot_reserved: id });
      expect(res.status).toBe(422);
    }
    const { token } = await newStudio();
    expect((await call("GET", "/v1/admin/studio", { token })).status).toBe(200);
  });
});

describe("email templates through the JSON API", () => {
  const template = {
    kind: "spot_reserved",
    name: "Warm",
    subject: "For {{client}}",
    body: "Hi {{client}}.\n\n{{link}}",
  };

  it("lists, writes, reads, rewrites and deletes a template, the message then sending the default again", async () => {
    const { browser, token, type, session } = await studioWithSession();
    const empty = await call("GET", "/v1/admin/email-templates", { token });
    expect(empty.status).toBe(200);
    expect(empty.body.templates).toEqual([]);
    expect(empty.body.defaults.announcement.body).toContain("{{unsubscribe_link}}");
    expect(Object.keys(empty.body.placeholders)).toContain("price_from");

    const made = await call("POST", "/v1/admin/email-templates", { token, body: template });
    expect(made.status).toBe(201);
    const id = made.body.template.id;
    expect(made.body.template).toEqual({ id, ...template });
    expect((await call("GET", `/v1/admin/email-templates/${id}`, { token })).body.template.name).toBe("Warm");
    const put = await call("PUT", `/v1/admin/email-templates/${id}`, {
      token,
      body: { ...template, subject: "Reserved, {{client}}" },
    });
    expect([put.status, put.body.template.subject]).toEqual([200, "Reserved, {{client}}"]);
    const otherKind = await call("PUT", `/v1/admin/email-templates/${id}`, {
      token,
      body: { ...template, kind: "session_reminder" },
    });
    expect([otherKind.status, otherKind.body.errors?.[0]?.path]).toEqual([422, "kind"]);

    await browser.get(`/admin/session-types/${type.id}/emails`);
    await browser.post(`/admin/session-types/${type.id}/emails`, { spot_reserved: id });
    expect((await reservationMail(token, session.spots[0].id, "Ada"))?.subject).toBe("Reserved, Ada");
    expect((await call("DELETE", `/v1/admin/email-templates/${id}`, { token })).status).toBe(204);
    expect((await call("GET", `/v1/admin/email-templates/${id}`, { token })).status).toBe(404);
    expect((await reservationMail(token, session.spots[1].id, "Grace"))?.subject).toBe(
      "A spot is reserved for you: Fall Minis",
    );
    const choices = await env.DB.prepare("SELECT email_templates FROM session_types WHERE id = ?")
      .bind(type.id)
      .first<{ email_templates: string }>();
    expect(JSON.parse(choices?.email_templates ?? "")).toEqual({});
  });

  it("refuses an announcement without its unsubscribe link, an unknown placeholder and another studio's template", async () => {
    const { token } = await newStudio();
    const noUnsubscribe = await call("POST", "/v1/admin/email-templates", {
      token,
      body: { kind: "announcement", name: "A", subject: "New: {{session}}", body: "Book: {{link}}" },
    });
    expect(noUnsubscribe.status).toBe(422);
    expect(noUnsubscribe.body.errors).toEqual([
      { path: "body", message: "An announcement must keep {{unsubscribe_link}}, so a client can stop them." },
    ]);
    const unknown = await call("POST", "/v1/admin/email-templates", {
      token,
      body: { ...template, body: "{{clinet}}" },
    });
    expect([unknown.status, unknown.body.errors[0].path]).toEqual([422, "body"]);
    const theirs = await newStudio();
    const made = await call("POST", "/v1/admin/email-templates", { token: theirs.token, body: template });
    for (const method of ["GET", "PUT", "DELETE"]) {
      const res = await call(method, `/v1/admin/email-templates/${made.body.template.id}`, {
        token,
        ...(method === "PUT" ? { body: template } : {}),
      });
      expect([method, res.status, res.body?.code]).toEqual([method, 404, "not_found"]);
    }
  });

  it("deletes from the template's page, back to the default", async () => {
    const { browser } = await studioWithSession();
    const id = await newTemplate(browser, "session_reminder", { name: "Soon", subject: "S", body: "B" });
    const page = await browser.get(`/admin/settings/emails/${id}`);
    expect(
      await attributes(page.html, `form[action="/admin/settings/emails/${id}/delete"] button`, "type"),
    ).toEqual(["submit"]);
    const res = await browser.post(`/admin/settings/emails/${id}/delete`, {});
    expect(res.location).toBe("/admin/settings/emails?done=template-deleted");
    expect((await browser.get(`/admin/settings/emails/${id}`)).status).toBe(404);
  });
});

import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { nextMonthDay } from "../dates.ts";
import { call, hold, newClient, newSession, newSessionType, newStudio } from "./support.ts";

/*
 * Names typed by visitors and photographers end up in HTML: the emails in the outbox and the
 * hosted session page. Each page is read back with workerd's own HTML parser (HTMLRewriter):
 * the elements must be the template's alone, and the names must come back as text.
 */

const hostileNames = ["<img src=x onerror=alert(1)>", '"><script>alert(1)</script>'];

type Parsed = { elements: string[]; eventAttributes: string[]; text: Record<string, string> };

const entities: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
/** Character references back to characters, in one pass (so `&#38;lt;` stays `&lt;`). */
const decode = (html: string) =>
  html.replace(/&(?:#x([\da-f]+)|#(\d+)|([a-z]+));/gi, (whole, hex?: string, dec?: string, name?: string) =>
    hex || dec
      ? String.fromCodePoint(hex ? Number.parseInt(hex, 16) : Number(dec))
      : (entities[name ?? ""] ?? whole),
  );

/** The elements of a document, any `on…` attributes, and the decoded text of the given elements. */
async function parse(html: string, textOf: string[]): Promise<Parsed> {
  const parsed: Parsed = { elements: [], eventAttributes: [], text: {} };
  let rewriter = new HTMLRewriter().on("*", {
    element(e) {
      parsed.elements.push(e.tagName);
      for (const [name = ""] of e.attributes) if (/^on/i.test(name)) parsed.eventAttributes.push(name);
    },
  });
  for (const selector of textOf) {
    rewriter = rewriter.on(selector, {
      text(t) {
        parsed.text[selector] = (parsed.text[selector] ?? "") + t.text;
      },
    });
  }
  await rewriter.transform(new Response(html)).text();
  for (const key of Object.keys(parsed.text)) parsed.text[key] = decode(parsed.text[key] ?? "");
  return parsed;
}

const emailElements = new Set(["html", "body", "p", "br", "a"]);

/** Storage lasts the whole file, so each test writes to a recipient of its own. */
const newRecipient = () => `${crypto.randomUUID()}@example.com`;

async function expectEscapedEmail(recipient: string, kind: string, names: string[]) {
  const { results } = await env.DB.prepare("SELECT html FROM emails WHERE recipient = ? AND kind = ?")
    .bind(recipient, kind)
    .all<{ html: string }>();
  expect(results).toHaveLength(1);
  const email = await parse(results[0]?.html ?? "", ["body"]);
  expect(email.elements.filter((e) => !emailElements.has(e))).toEqual([]);
  expect(email.eventAttributes).toEqual([]);
  for (const name of names) expect(email.text.body).toContain(name);
}

/** A studio, a session and its type, every name of them hostile. */
async function hostileStudio(name: string, classification: "single" | "multi") {
  const { token } = await newStudio({ name: `${name} Studio` });
  const type = await newSessionType(token, { name, classification });
  const session = (extra: Record<string, unknown>) =>
    newSession(token, {
      classification,
      name: `${name} minis`,
      location: `${name} park`,
      sessionTypeId: type.id,
      date: nextMonthDay("04-10"),
      time: "09:00",
      ...extra,
    });
  return { token, session };
}

describe.each(hostileNames)("a name like %s", (name) => {
  it("shows as text in the receipt of a visitor's booking", async () => {
    const { session } = await hostileStudio(name, "multi");
    const multi = await session({ spots: 1 });
    const email = newRecipient();
    const held = await hold(multi.slug, multi.spots[0].id);
    const booked = await call("POST", `/v1/holds/${held.body.hold.id}/booking`, {
      token: held.body.hold.token,
      body: { client: { name, email } },
    });
    expect(booked.status).toBe(201);
    await expectEscapedEmail(email, "booking_confirmed", [
      `Hi ${name},`,
      `${name} minis`,
      `${name} park`,
      `${name} Studio`,
    ]);
  });

  it("shows as text in the email of a spot reserved by the photographer", async () => {
    const { token, session } = await hostileStudio(name, "multi");
    const multi = await session({ spots: 1 });
    const email = newRecipient();
    const reserved = await call("POST", `/v1/admin/spots/${multi.spots[0].id}/reservation`, {
      token,
      body: { client: { name, email } },
    });
    expect(reserved.status).toBe(201);
    await expectEscapedEmail(email, "spot_reserved", [`Hi ${name},`, `${name} minis`]);
  });

  it("shows as text in a Single session's confirmation request", async () => {
    const { token, session } = await hostileStudio(name, "single");
    const client = await newClient(token, { name });
    const single = await session({ clientId: client.id });
    const sent = await call("POST", `/v1/admin/sessions/${single.id}/confirmation-request`, { token });
    expect(sent.status).toBe(200);
    await expectEscapedEmail(client.email, "confirmation_request", [`Hi ${name},`, `${name} minis`]);
  });

  it("shows as text on the hosted session page and in its Open Graph tags", async () => {
    const { session } = await hostileStudio(name, "multi");
    const multi = await session({ spots: 2 });
    const res = await call("GET", `/s/${multi.slug}`);
    expect(res.status).toBe(200);
    const page = await parse(res.body, ["title", "h1"]);
    expect(page.elements.filter((e) => e === "script" || e === "img")).toEqual(["script"]);
    expect(page.eventAttributes).toEqual([]);
    expect(page.text).toEqual({ title: `${name} minis · ${name} Studio`, h1: `${name} minis` });
    expect(res.body).toContain(`<script type="module" src="/widget.js"></script>`);
    const ogTitle = /<meta property="og:title" content="([^"]*)"/.exec(res.body)?.[1] ?? "";
    expect(decode(ogTitle)).toBe(`${name} minis · ${name} Studio`);
  });
});

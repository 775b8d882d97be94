import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256 } from "../../worker/domain/tokens.ts";
import { call, hold, invitedSingle, newStudio, openMultiSession } from "./support.ts";

const terms = "The studio keeps the copyright.\nYou may print and share the images for personal use. ✓";

let visitors = 0;
const address = { "cf-connecting-ip": "198.51.100.7" };

/** The visitor's booking of their hold, sent from their address. */
const bookHeld = (held: { id: string; token: string }, body: Record<string, unknown>) =>
  call("POST", `/v1/holds/${held.id}/booking`, {
    token: held.token,
    body: { client: { name: "Mary Shelley", email: `mary${++visitors}@example.com` }, ...body },
    headers: address,
  });

async function book(slug: string, spotId: string, body: Record<string, unknown>) {
  return bookHeld((await hold(slug, spotId)).body.hold, body);
}

const signatureRow = (bookingId: string) =>
  env.DB.prepare(
    "SELECT status, contract_id, contract_version, contract_hash, signed_name, signed_at, signed_ip FROM bookings WHERE id = ?",
  )
    .bind(bookingId)
    .first<Record<string, string | number | null>>();

describe("a session type's contract", () => {
  it("is signed by the visitor: the stored hash is the SHA-256 of the exact text they were shown", async () => {
    const { session, spotIds } = await openMultiSession(2, { contract: terms });
    const shown = (await call("GET", `/v1/sessions/${session.slug}`)).body.contract;
    expect(shown).toMatchObject({ version: 1, text: terms });
    const before = Date.now();
    const booked = await book(session.slug, spotIds[0] as string, {
      signature: { contractId: shown.id, name: "  Mary W. Shelley " },
    });
    expect(booked.status, JSON.stringify(booked.body)).toBe(201);
    const row = await signatureRow(booked.body.booking.id);
    expect(row).toMatchObject({
      status: "confirmed",
      contract_id: shown.id,
      contract_version: 1,
      contract_hash: await sha256(shown.text),
      signed_name: "Mary W. Shelley",
      signed_ip: "198.51.100.7",
    });
    expect(row?.signed_at).toBeGreaterThanOrEqual(before);
    expect(shown.sha256).toBe(await sha256(terms));
  });

  it("refuses a booking without a signature with contract_not_signed, writing nothing", async () => {
    const { session, spotIds } = await openMultiSession(1, { contract: terms });
    const res = await book(session.slug, spotIds[0] as string, {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ status: 409, code: "contract_not_signed" });
    expect(res.body.errors).toEqual([{ path: "signature", message: "Sign the contract to book." }]);
    const live = await env.DB.prepare(
      "SELECT count(*) AS n FROM bookings WHERE session_id = ? AND status = 'confirmed'",
    )
      .bind(session.id)
      .first<{ n: number }>();
    expect(live?.n).toBe(0);
  });

  it("pins each booking to the version it signed; an edit adds a version, and the old one no longer signs", async () => {
    const { token, type, session, spotIds } = await openMultiSession(3, { contract: terms });
    const v1 = (await call("GET", `/v1/sessions/${session.slug}`)).body.contract;
    const first = await book(session.slug, spotIds[0] as string, {
      signature: { contractId: v1.id, name: "Mary" },
    });
    expect(first.status).toBe(201);
    const edited = await call("PATCH", `/v1/admin/session-types/${type.id}`, {
      token,
      body: { contract: `${terms}\nA late change.` },
    });
    expect(edited.body.sessionType.contract).toMatchObject({ version: 2, text: `${terms}\nA late change.` });
    const same = await call("PATCH", `/v1/admin/session-types/${type.id}`, {
      token,
      body: { contract: `${terms}\nA late change.` },
    });
    expect(same.body.sessionType.contract.version).toBe(2);
    const stale = await book(session.slug, spotIds[1] as string, {
      signature: { contractId: v1.id, name: "Percy" },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("contract_changed");
    const v2 = (await call("GET", `/v1/sessions/${session.slug}`)).body.contract;
    const second = await book(session.slug, spotIds[2] as string, {
      signature: { contractId: v2.id, name: "Percy" },
    });
    expect(second.status).toBe(201);
    expect(await signatureRow(first.body.booking.id)).toMatchObject({
      contract_version: 1,
      contract_hash: await sha256(terms),
    });
    expect(await signatureRow(second.body.booking.id)).toMatchObject({
      contract_version: 2,
      contract_hash: await sha256(v2.text),
    });
    const details = await call("GET", `/v1/admin/sessions/${session.id}`, { token });
    expect(details.body.session.spots[0].booking.signature).toMatchObject({ version: 1, name: "Mary" });
    const removed = await call("PATCH", `/v1/admin/session-types/${type.id}`, {
      token,
      body: { contract: "" },
    });
    expect(removed.body.sessionType.contract).toBeNull();
    expect((await call("GET", `/v1/sessions/${session.slug}`)).body.contract).toBeNull();
  });

  it("refuses another studio's contract version", async () => {
    const other = await openMultiSession(1, { contract: "Another studio's terms." });
    const theirs = (await call("GET", `/v1/sessions/${other.session.slug}`)).body.contract;
    const { session, spotIds } = await openMultiSession(1, { contract: terms });
    const res = await book(session.slug, spotIds[0] as string, {
      signature: { contractId: theirs.id, name: "Mary" },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe("contract_changed");
    const { token } = await newStudio();
    const peek = await call("GET", `/v1/admin/session-types/${other.type.id}`, { token });
    expect(peek.status).toBe(404);
  });

  it("answers a problem for a bad signature: an empty or overlong name, a missing id", async () => {
    const { session, spotIds } = await openMultiSession(1, { contract: terms });
    const shown = (await call("GET", `/v1/sessions/${session.slug}`)).body.contract;
    const held = (await hold(session.slug, spotIds[0] as string)).body.hold;
    for (const [signature, path] of [
      [{ contractId: shown.id, name: "   " }, "signature.name"],
      [{ contractId: shown.id, name: "M".repeat(201) }, "signature.name"],
      [{ name: "Mary" }, "signature.contractId"],
      ["yes", "signature"],
    ] as const) {
      const res = await bookHeld(held, { signature });
      expect(res.status).toBe(422);
      expect(res.body.errors[0].path).toBe(path);
    }
  });

  it("emails both sides a copy: the exact text and the signature block", async () => {
    const { token, session, spotIds } = await openMultiSession(1, { contract: terms });
    await call("PATCH", "/v1/admin/studio", { token, body: { email: `studio-c${++visitors}@example.com` } });
    const shown = (await call("GET", `/v1/sessions/${session.slug}`)).body.contract;
    const booked = await book(session.slug, spotIds[0] as string, {
      signature: { contractId: shown.id, name: "Mary" },
    });
    const copies = await env.DB.prepare(
      "SELECT recipient, text, html FROM emails WHERE kind = 'contract_signed' AND booking_id = ?",
    )
      .bind(booked.body.booking.id)
      .all<{ recipient: string; text: string; html: string }>();
    expect(copies.results.map((c) => c.recipient).sort()).toEqual([
      `mary${visitors}@example.com`,
      `studio-c${visitors - 1}@example.com`,
    ]);
    for (const copy of copies.results) {
      expect(copy.text).toContain(terms);
      expect(copy.text).toContain("Signed by Mary on ");
      expect(copy.text).toContain(`SHA-256 ${shown.sha256}`);
    }
    const notice = await env.DB.prepare(
      "SELECT text FROM emails WHERE kind = 'notice_booked' AND booking_id = ?",
    )
      .bind(booked.body.booking.id)
      .first<{ text: string }>();
    expect(notice?.text).toContain("Contract\nSigned by Mary");
  });

  it("keeps a reserved Single unconfirmed until its client signs on their page", async () => {
    const { link, page, client } = await invitedSingle({ contract: terms });
    expect(page.body.contract.text).toBe(terms);
    const unsigned = await call("POST", `/v1/bookings/${link}/confirm`, { body: {} });
    expect(unsigned.status).toBe(409);
    expect(unsigned.body.code).toBe("contract_not_signed");
    expect((await call("GET", `/v1/bookings/${link}`)).body.booking.status).toBe("awaiting_confirmation");
    const signed = await call("POST", `/v1/bookings/${link}/confirm`, {
      body: { signature: { contractId: page.body.contract.id, name: client.name } },
      headers: { "cf-connecting-ip": "2001:db8::7" },
    });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body.booking).toMatchObject({
      status: "confirmed",
      signature: { version: 1, name: client.name, sha256: await sha256(terms), ip: "2001:db8::7" },
    });
  });
});

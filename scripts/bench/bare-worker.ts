/**
 * The yardstick of `npm run bench`: GET /v1/sessions/:slug with the same seven D1 reads as
 * worker/queries/sessions.ts getPublicSession, in one batch, but written by hand: no Hono, no
 * drizzle, no zod parsing, no middleware. It answers the very document the real Worker does, made
 * by the same functions of the Worker's own (the seats of each time, the booking rules, the
 * visitor's catalogue), so whatever the real Worker takes beyond this is the framework's cost.
 * (Those functions' modules build zod schemas when they load; no request here runs one.)
 */
import { effectiveRules, isBookable } from "../../worker/domain/booking-rules.ts";
import { expiringStatuses, lastingStatuses } from "../../worker/domain/bookings.ts";
import type { Contract } from "../../worker/domain/contract.ts";
import { spotLabeller } from "../../worker/domain/spot-labels.ts";
import { seatedTimes } from "../../worker/domain/spots.ts";
import { inForce } from "../../worker/queries/contracts.ts";
import type { PackageRow, SessionRow, SessionTypeRow } from "../../worker/queries/sessions.ts";
import {
  publicSessionParts,
  publicSpot,
  type StudioFacts,
  visitorWords,
} from "../../worker/schemas/public-views.ts";

const ofSession = (columns: string) =>
  `select ${columns} from sessions where slug = ?1 and classification = 'multi'`;
const scheduled = `${ofSession("id")} and status = 'scheduled'`;
const list = (statuses: readonly string[]) => statuses.map((s) => `'${s}'`).join(", ");

const reads = [
  ofSession("*"),
  `select * from session_types where id in (${ofSession("session_type_id")})`,
  `select name, currency, hold_minutes, locale, allowed_origins, max_seats_per_booking,
     tax_rate_basis_points, tax_inclusive from studios
     where id in (${ofSession("studio_id")})`,
  `select * from packages where session_type_id in (${ofSession("session_type_id")}) order by position`,
  `select id, starts_at, ends_at from spots where session_id in (${scheduled}) and removed_at is null
     order by starts_at, id`,
  `select spot_id, seats from bookings where session_id in (${scheduled})
     and (status in (${list(lastingStatuses)}) or (status in (${list(expiringStatuses)}) and expires_at > ?2))`,
  `select * from contracts where session_type_id in (${ofSession("session_type_id")}) order by version desc limit 1`,
];

type Row = Record<string, unknown>;

const jsonColumns = new Set(["rules", "add_ons", "allowed_origins", "notices_off", "questions"]);
const booleanColumns = new Set(["waitlist_open", "payment_reminder", "active", "tax_inclusive"]);

/** A row as drizzle reads it: camelCase keys, JSON columns parsed, boolean columns as booleans. */
function mapped<T>(row: Row): T {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    const key = column.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());
    out[key] =
      value === null
        ? null
        : jsonColumns.has(column)
          ? JSON.parse(String(value))
          : booleanColumns.has(column)
            ? value === 1
            : value;
  }
  return out as T;
}

export default {
  async fetch(request: Request, env: { DB: D1Database }): Promise<Response> {
    const url = new URL(request.url);
    if (url.pathname === "/health") return new Response("ok");
    const slug = decodeURIComponent(url.pathname.match(/^\/v1\/sessions\/([^/]+)$/)?.[1] ?? "");
    if (!slug) return new Response("not found", { status: 404 });
    const now = Date.now();
    const [heads, types, owners, pkgs, spotRows, taken, versions] = (
      await env.DB.batch<Row>(
        reads.map((sql) => env.DB.prepare(sql).bind(...(sql.includes("?2") ? [slug, now] : [slug]))),
      )
    ).map((r) => r.results);
    const [head, typeRow, owner] = [heads?.[0], types?.[0], owners?.[0]];
    if (!head || !typeRow || !owner) return new Response("not found", { status: 404 });
    const session = mapped<SessionRow>(head);
    const sessionType = mapped<SessionTypeRow>(typeRow);
    const studio = mapped<StudioFacts>(owner);
    const rules = effectiveRules(sessionType.rules, session.rules);
    const times = seatedTimes(
      (spotRows ?? []).map((s) => ({
        id: String(s.id),
        startsAt: Number(s.starts_at),
        endsAt: Number(s.ends_at),
      })),
      (taken ?? []).map((b) => ({ spotId: String(b.spot_id), seats: Number(b.seats) })),
      now,
    );
    const words = visitorWords(
      url.searchParams.get("lang") ?? undefined,
      request.headers.get("accept-language") ?? undefined,
    );
    const label = spotLabeller(words.locale, session.timeZone);
    const body = {
      ...publicSessionParts(
        session,
        sessionType,
        studio,
        (pkgs ?? []).map((p) => mapped<PackageRow>(p)),
        inForce(versions?.[0] ? mapped<Contract>(versions[0]) : null),
      ),
      spots: times.map((s) =>
        publicSpot(
          {
            ...s,
            available:
              s.available && isBookable(rules, { startsAt: s.startsAt, zone: session.timeZone }, now),
          },
          label,
        ),
      ),
      ...words,
    };
    return new Response(JSON.stringify(body), {
      headers: { "content-type": "application/json", "cache-control": "public, max-age=5" },
    });
  },
};

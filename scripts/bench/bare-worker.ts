/**
 * The yardstick of `npm run bench`: GET /v1/sessions/:slug with the same six D1 reads as
 * worker/queries/sessions.ts getPublicSession, in one batch, but written by hand: no Hono, no
 * drizzle, no zod. Whatever the real Worker takes beyond this is the framework's cost.
 */
import type { D1Database } from "@cloudflare/workers-types/index.ts";

const ofSession = (columns: string) =>
  `select ${columns} from sessions where slug = ?1 and status = 'scheduled' and classification = 'multi'`;

const reads = [
  ofSession("*"),
  `select * from session_types where id in (${ofSession("session_type_id")})`,
  `select name, currency, hold_minutes, allowed_origins from studios where id in (${ofSession("studio_id")})`,
  `select * from packages where session_type_id in (${ofSession("session_type_id")}) order by position`,
  `select id, starts_at, ends_at from spots where session_id in (${ofSession("id")}) order by starts_at, id`,
  `select spot_id from bookings where session_id in (${ofSession("id")})
     and (status in ('reserved', 'awaiting_confirmation', 'confirmed')
       or (status in ('held', 'pending_payment') and expires_at > ?2))`,
];

type Row = Record<string, string | number | null>;

export default {
  async fetch(request: Request, env: { DB: D1Database }): Promise<Response> {
    if (new URL(request.url).pathname === "/health") return new Response("ok");
    const slug = decodeURIComponent(
      new URL(request.url).pathname.match(/^\/v1\/sessions\/([^/]+)$/)?.[1] ?? "",
    );
    if (!slug) return new Response("not found", { status: 404 });
    const now = Date.now();
    const [heads, types, owners, pkgs, spots, taken] = (
      await env.DB.batch<Row>(
        reads.map((sql) => env.DB.prepare(sql).bind(...(sql.includes("?2") ? [slug, now] : [slug]))),
      )
    ).map((r) => r.results);
    const [session, type, studio] = [heads?.[0], types?.[0], owners?.[0]];
    if (!session || !type || !studio) return new Response("not found", { status: 404 });
    const takenIds = new Set(taken?.map((t) => t.spot_id));
    const iso = (ms: unknown) => new Date(Number(ms)).toISOString();
    const body = {
      session: {
        slug: session.slug,
        name: session.name,
        classification: session.classification,
        timeZone: session.time_zone,
        location: session.location,
        currency: studio.currency,
        studioName: studio.name,
        packageId: session.package_id,
        holdMinutes: studio.hold_minutes,
      },
      sessionType: {
        name: type.name,
        description: type.description,
        durationMinutes: type.duration_minutes,
        breakMinutes: type.break_minutes,
      },
      packages: pkgs?.map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description,
        priceCents: p.price_cents,
        depositCents: p.deposit_cents,
      })),
      spots: spots?.map((s) => ({
        id: s.id,
        startsAt: iso(s.starts_at),
        endsAt: iso(s.ends_at),
        available: !takenIds.has(s.id),
      })),
    };
    return new Response(JSON.stringify(body), {
      headers: { "content-type": "application/json", "cache-control": "public, max-age=5" },
    });
  },
};

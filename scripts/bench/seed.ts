/** What the bench needs, made through the real API: a studio, its session type and Multi sessions. */
import { expectStatus, send } from "./api.ts";

export type BenchStudio = { origin: string; token: string; sessionTypeId: string };
export type BenchSession = { id: string; slug: string; spotIds: string[] };

export async function openStudio(origin: string, operatorToken: string): Promise<BenchStudio> {
  const studio = await expectStatus(
    201,
    send(origin, "POST", "/v1/studios", {
      token: operatorToken,
      body: { name: "Bench Studio", timeZone: "America/New_York", currency: "USD", allowedOrigins: [origin] },
    }),
    "creating the bench studio",
  );
  const token: string = studio.body.adminToken;
  const type = await expectStatus(
    201,
    send(origin, "POST", "/v1/admin/session-types", {
      token,
      body: {
        name: "Bench Mini",
        classification: "multi",
        durationMinutes: 5,
        breakMinutes: 0,
        packages: [{ name: "Mini", priceCents: 9000, depositCents: 0 }],
      },
    }),
    "creating the bench session type",
  );
  return { origin, token, sessionTypeId: type.body.sessionType.id };
}

/** The most spots one request may generate (worker/schemas/fields.ts). */
const spotsPerRequest = 100;

/**
 * A Multi session of `spots` five-minute spots from tomorrow morning, all of them free: up to 100
 * a day, each further hundred added the next day (one request generates at most 100).
 */
export async function scheduleMulti(studio: BenchStudio, name: string, spots: number): Promise<BenchSession> {
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const created = await expectStatus(
    201,
    send(studio.origin, "POST", "/v1/admin/sessions", {
      token: studio.token,
      body: {
        classification: "multi",
        name,
        sessionTypeId: studio.sessionTypeId,
        date: day(1),
        time: "08:00",
        spots: Math.min(spots, spotsPerRequest),
      },
    }),
    `scheduling "${name}"`,
  );
  let session = created.body.session;
  for (let added = spotsPerRequest, n = 2; added < spots; added += spotsPerRequest, n++) {
    const more = await expectStatus(
      201,
      send(studio.origin, "POST", `/v1/admin/sessions/${session.id}/spots`, {
        token: studio.token,
        body: { date: day(n), time: "08:00", spots: Math.min(spots - added, spotsPerRequest) },
      }),
      `adding spots to "${name}"`,
    );
    session = more.body.session;
  }
  return { id: session.id, slug: session.slug, spotIds: session.spots.map((s: { id: string }) => s.id) };
}

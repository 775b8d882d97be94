/**
 * Opening night: every visitor at once, each holding and booking one of the last spots. The
 * database settles every tie, so the spots are booked exactly once each and nobody sees a 5xx.
 */
import { expectStatus, send, visitor } from "./api.ts";
import { type Figure, serverErrors } from "./report.ts";
import type { BenchSession, BenchStudio } from "./seed.ts";

export async function visitorRace(opts: {
  studio: BenchStudio;
  session: BenchSession;
  visitors: number;
}): Promise<Figure[]> {
  const { origin } = opts.studio;
  const { id, slug, spotIds } = opts.session;
  const scenario = `race, ${opts.visitors} visitors for ${spotIds.length} spots`;
  const statuses: number[] = [];
  /** Per spot, the bookings whose visitors were told "booked". */
  const told = new Map<string, Set<string>>();
  await Promise.all(
    Array.from({ length: opts.visitors }, async (_, i) => {
      const spotId = spotIds[i % spotIds.length] as string;
      const held = await send(origin, "POST", `/v1/sessions/${slug}/holds`, {
        body: { spotId },
        headers: visitor(2, i),
      });
      statuses.push(held.status);
      if (held.status !== 201) return;
      const booked = await send(origin, "POST", `/v1/holds/${held.body.hold.id}/booking`, {
        token: held.body.hold.token,
        body: { client: { name: `Visitor ${i}`, email: `visitor-${i}@bench.example` } },
      });
      statuses.push(booked.status);
      if (booked.status === 201)
        told.set(spotId, (told.get(spotId) ?? new Set()).add(booked.body.booking.id));
    }),
  );
  const { bookings, doubles } = await bookedSpots(opts.studio, id, told, "the race session");
  const answeredBooked = [...told.values()].reduce((sum, ids) => sum + ids.size, 0);
  return [
    {
      scenario,
      figure: "bookings made",
      value: bookings,
      unit: "",
      goal: `= ${spotIds.length}`,
      met: bookings === spotIds.length,
      hard: true,
      note: `${answeredBooked} visitors told "booked"`,
    },
    {
      scenario,
      figure: "double bookings",
      value: doubles,
      unit: "",
      goal: "= 0",
      met: doubles === 0,
      hard: true,
    },
    serverErrors(scenario, statuses),
  ];
}

/**
 * What the database holds, as the photographer sees it: each spot's live booking, against the
 * bookings whose visitors were told "booked" (`told`, per spot). A spot told twice is a double.
 */
export async function bookedSpots(
  studio: BenchStudio,
  sessionId: string,
  told: Map<string, Set<string>>,
  what: string,
): Promise<{ bookings: number; doubles: number }> {
  const details = await expectStatus(
    200,
    send(studio.origin, "GET", `/v1/admin/sessions/${sessionId}`, { token: studio.token }),
    `reading ${what} back`,
  );
  let bookings = 0;
  let doubles = 0;
  for (const spot of details.body.session.spots as {
    id: string;
    booking: { id: string; status: string } | null;
  }[]) {
    const live = new Set(told.get(spot.id));
    if (spot.booking) live.add(spot.booking.id);
    if (spot.booking?.status === "confirmed") bookings++;
    doubles += Math.max(0, live.size - 1);
  }
  return { bookings, doubles };
}

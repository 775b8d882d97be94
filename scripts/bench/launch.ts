/**
 * A sell-out launch: `visitors` people arrive in the last seconds before a session with `spots`
 * spots opens, each waiting in its line (POST /v1/sessions/:slug/queue, asking again when told)
 * and, on their turn, holding and booking a free spot. The line shuffles everyone who came
 * before the opening, so who books is unrelated to who came first; D1 settles every hold, so
 * the spots are booked exactly once each and nobody sees a 5xx.
 */
import { rankCorrelation } from "../../worker/domain/launch.ts";
import { type Answer, expectStatus, send, visitor } from "./api.ts";
import { percentile } from "./measure.ts";
import { bookedSpots } from "./race.ts";
import { type Figure, serverErrors } from "./report.ts";
import type { BenchSession, BenchStudio } from "./seed.ts";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** However the run goes, no visitor waits longer than this for a turn. */
const giveUpMs = 60_000;

export async function launchRush(opts: {
  studio: BenchStudio;
  session: BenchSession;
  visitors: number;
  /** Visitors arrive over this many milliseconds, ending shortly before the opening. */
  arrivalMs: number;
}): Promise<Figure[]> {
  const { origin, token } = opts.studio;
  const { id, slug, spotIds } = opts.session;
  const scenario = `launch, ${opts.visitors} visitors in the last ${opts.arrivalMs / 1000} s before ${spotIds.length} spots open`;
  // A margin after the last arrival, so a loaded machine's slow answers still arrive before it.
  const opensAt = Date.now() + opts.arrivalMs + 5_000;
  await expectStatus(
    200,
    send(origin, "PATCH", `/v1/admin/sessions/${id}`, {
      token,
      body: { rules: { opensAt: new Date(opensAt).toISOString() } },
    }),
    "setting the launch's opening time",
  );
  const statuses: number[] = [];
  /** How long each ask of the line took, over loopback. */
  const lineMs: number[] = [];
  const record = (answer: Answer) => {
    statuses.push(answer.status);
    return answer;
  };
  /** Per visitor (by arrival order): their first place after the opening (0 on a turn), and their booking. */
  const placeAtOpening = new Array<number | null>(opts.visitors).fill(null);
  /** Whether the line took them before the opening (its first answer gave no position yet). */
  const early = new Array<boolean>(opts.visitors).fill(false);
  const bookedOrder: number[] = [];
  const told = new Map<string, Set<string>>();
  // Arrival times fixed up front, so the arrival order is the order of the requests sent.
  const arrivals = Array.from({ length: opts.visitors }, () => Math.random() * opts.arrivalMs).sort(
    (a, b) => a - b,
  );
  const start = Date.now();
  await Promise.all(
    arrivals.map(async (at, i) => {
      await sleep(at);
      let ticket: string | undefined;
      while (Date.now() - start < giveUpMs) {
        const asked = record(
          await send(origin, "POST", `/v1/sessions/${slug}/queue`, {
            body: ticket ? { ticket } : {},
            headers: visitor(3, i),
          }),
        );
        lineMs.push(asked.ms);
        if (asked.status !== 200) return;
        const place = asked.body.place;
        if (!ticket) early[i] = place.status === "waiting" && place.position === null;
        ticket = place.ticket;
        if (Date.parse(place.opensAt) <= Date.now() && placeAtOpening[i] === null) {
          placeAtOpening[i] = place.status === "admitted" ? 0 : (place.position ?? null);
        }
        if (place.status === "admitted") {
          await bookOnTurn(i, place.admission.token);
          return;
        }
        // Sold out, or a turn that passed: nothing left to wait for.
        if (place.status !== "waiting" || (place.position !== null && place.seatsLeft === 0)) return;
        await sleep(place.retryAfterMs);
      }
    }),
  );

  async function bookOnTurn(i: number, admission: string) {
    for (const spotId of [...spotIds].sort(() => Math.random() - 0.5)) {
      const held = record(
        await send(origin, "POST", `/v1/sessions/${slug}/holds`, {
          body: { spotId, admission },
          headers: visitor(3, i),
        }),
      );
      if (held.status !== 201) continue;
      const booked = record(
        await send(origin, "POST", `/v1/holds/${held.body.hold.id}/booking`, {
          token: held.body.hold.token,
          body: { client: { name: `Visitor ${i}`, email: `launch-${i}@bench.example` } },
        }),
      );
      if (booked.status === 201) {
        bookedOrder.push(i);
        told.set(spotId, (told.get(spotId) ?? new Set()).add(booked.body.booking.id));
      }
      return;
    }
  }

  const { bookings, doubles } = await bookedSpots(opts.studio, id, told, "the launch session");
  const seen = placeAtOpening.flatMap((place, i) =>
    place === null || !early[i] ? [] : [[i, place] as const],
  );
  const late = early.filter((e) => !e).length;
  const rho = rankCorrelation(
    seen.map(([i]) => i),
    seen.map(([, place]) => place),
  );
  const bookers = rankCorrelation(
    bookedOrder.map((_, n) => n),
    bookedOrder,
  );
  const ranks = [...bookedOrder].sort((a, b) => a - b).map((i) => i + 1);
  return [
    {
      scenario,
      figure: "bookings made",
      value: bookings,
      unit: "",
      goal: `= ${spotIds.length}`,
      met: bookings === spotIds.length,
      hard: true,
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
    {
      scenario,
      figure: "line answer p50",
      value: percentile(lineMs, 50),
      unit: "ms",
      goal: "reported",
      note: `${lineMs.length} asks of the line`,
    },
    { scenario, figure: "line answer p99", value: percentile(lineMs, 99), unit: "ms", goal: "reported" },
    {
      scenario,
      figure: "rank correlation, arrival vs place in line",
      value: Number(rho.toFixed(3)),
      unit: "",
      goal: "|ρ| < 0.2 (first-come: 1)",
      met: Math.abs(rho) < 0.2,
      note: `Spearman over the ${seen.length} who came before the opening (${late} came after it, queued in order)`,
    },
    {
      scenario,
      figure: "rank correlation, arrival vs booking order",
      value: Number(bookers.toFixed(3)),
      unit: "",
      goal: "reported",
      note: `the bookers had arrived ${ranks.join(", ")} of ${opts.visitors} (first-come: 1–${spotIds.length})`,
    },
  ];
}

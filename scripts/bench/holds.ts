/** Visitors holding distinct spots of one session, several at a time: how many holds a second. */
import { send, visitor } from "./api.ts";
import { bounded, percentile } from "./measure.ts";
import { type Figure, serverErrors } from "./report.ts";
import type { BenchSession } from "./seed.ts";

const scenario = "holds on distinct spots";

export async function holdsOnDistinctSpots(opts: {
  origin: string;
  session: BenchSession;
  concurrency: number;
  budgetMs: number;
}): Promise<Figure[]> {
  const { spotIds, slug } = opts.session;
  const times: number[] = [];
  const statuses: number[] = [];
  const run = await bounded(
    { count: spotIds.length, concurrency: opts.concurrency, budgetMs: opts.budgetMs },
    async (i) => {
      const answer = await send(opts.origin, "POST", `/v1/sessions/${slug}/holds`, {
        body: { spotId: spotIds[i] },
        headers: visitor(1, i),
      });
      statuses.push(answer.status);
      if (answer.status === 201) times.push(answer.ms);
    },
  );
  const refused = statuses.filter((s) => s !== 201).length;
  return [
    {
      scenario,
      figure: "throughput",
      value: times.length / (run.ms / 1000),
      unit: "/s",
      goal: "reported",
      note: `${times.length} holds, ${opts.concurrency} at a time${refused ? `, ${refused} refused` : ""}`,
    },
    { scenario, figure: "p50", value: percentile(times, 50), unit: "ms", goal: "reported" },
    { scenario, figure: "p99", value: percentile(times, 99), unit: "ms", goal: "reported" },
    serverErrors(scenario, statuses),
  ];
}

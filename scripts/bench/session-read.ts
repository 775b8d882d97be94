/**
 * The widget's one API call, GET /v1/sessions/:slug, for a Multi session of 200 spots: the real
 * Worker and the bare one (bare-worker.ts) asked in turns, so both see the same machine load.
 */
import { isDeepStrictEqual } from "node:util";
import { send } from "./api.ts";
import { bounded, percentile } from "./measure.ts";
import { type Figure, serverErrors } from "./report.ts";

const scenario = "session read, 200 spots";
const warmUp = 20;

export async function sessionRead(opts: {
  origin: string;
  bareOrigin: string;
  slug: string;
  count: number;
  budgetMs: number;
}): Promise<Figure[]> {
  const path = `/v1/sessions/${opts.slug}`;
  // Both must answer the same document, or the ratio would compare different work.
  const [real, bare] = [await send(opts.origin, "GET", path), await send(opts.bareOrigin, "GET", path)];
  const same = real.body?.spots?.length === 200 && isDeepStrictEqual(real.body, bare.body);
  const times = { real: [] as number[], bare: [] as number[] };
  const statuses: number[] = [];
  await bounded({ count: warmUp + opts.count, concurrency: 1, budgetMs: opts.budgetMs }, async (i) => {
    const answers = {
      real: await send(opts.origin, "GET", path),
      bare: await send(opts.bareOrigin, "GET", path),
    };
    statuses.push(answers.real.status);
    if (i < warmUp) return;
    times.real.push(answers.real.ms);
    times.bare.push(answers.bare.ms);
  });
  const p50 = percentile(times.real, 50);
  const bareP50 = percentile(times.bare, 50);
  const refused = statuses.filter((s) => s !== 200).length;
  return [
    {
      scenario,
      figure: "p50",
      value: p50,
      unit: "ms",
      // Locally a bare Worker's answer alone takes longer than 5 ms (wrangler dev, this machine),
      // so the read's goal is its cost over that Worker's (below), not a time.
      goal: "reported",
      note: `${times.real.length} reads${refused ? `, ${refused} not 200` : ""}; its goal is the ratio to a bare Worker's`,
    },
    { scenario, figure: "p99", value: percentile(times.real, 99), unit: "ms", goal: "reported" },
    { scenario, figure: "bare Worker p50", value: bareP50, unit: "ms", goal: "reported" },
    { scenario, figure: "bare Worker p99", value: percentile(times.bare, 99), unit: "ms", goal: "reported" },
    {
      scenario,
      figure: "framework cost, p50 ÷ bare p50",
      value: same ? p50 / bareP50 : null,
      unit: "×",
      goal: "≤ 1.2×",
      ...(same && { met: p50 / bareP50 <= 1.2 }),
      note: same ? "Hono, zod-openapi, drizzle" : "the bare Worker answers a different document",
    },
    serverErrors(scenario, statuses),
  ];
}

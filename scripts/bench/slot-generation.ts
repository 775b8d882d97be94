/** Slot generation (worker/domain/spots.ts planSpots) at two sizes: ten times the spots, ten times the time. */
import { planSpots } from "../../worker/domain/spots.ts";
import { percentile, timed } from "./measure.ts";
import type { Figure } from "./report.ts";

const scenario = "slot generation";

/** The median time of `repeats` runs (bounded by `budgetMs` too), after a few to warm the JIT. */
async function medianMs(spots: number, repeats: number, budgetMs: number): Promise<number> {
  const plan = {
    date: "2027-03-13",
    time: "09:00",
    timeZone: "America/New_York",
    spots,
    durationMinutes: 5,
    breakMinutes: 1,
  };
  const samples: number[] = [];
  const start = performance.now();
  for (let i = 0; i < repeats + 5 && performance.now() - start < budgetMs; i++) {
    const { ms } = await timed(async () => planSpots(plan));
    if (i >= 5) samples.push(ms);
  }
  return percentile(samples, 50);
}

export async function slotGeneration(opts: { repeats: number; budgetMs: number }): Promise<Figure[]> {
  const small = await medianMs(1_000, opts.repeats, opts.budgetMs / 2);
  const large = await medianMs(10_000, opts.repeats, opts.budgetMs / 2);
  const ratio = large / small;
  return [
    { scenario, figure: "1,000 spots", value: small, unit: "ms", goal: "reported" },
    { scenario, figure: "10,000 spots", value: large, unit: "ms", goal: "reported" },
    {
      scenario,
      figure: "10,000 ÷ 1,000",
      value: ratio,
      unit: "×",
      goal: "≈ 10 (linear)",
      // Quadratic work would show about 100; below 10 is the fixed cost of the first local time.
      met: ratio < 15,
      note: "the plans cross a DST change",
    },
  ];
}

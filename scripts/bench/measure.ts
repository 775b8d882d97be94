/** Latency arithmetic and loops that always end: every scenario is bounded in count and in time. */

/** The nearest-rank percentile (p in 0..100) of some samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** How long `work` takes, in milliseconds, with what it answered. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

/**
 * Runs `task(0)` … `task(count - 1)`, `concurrency` at a time, and stops starting new ones once
 * `budgetMs` has passed. Answers how many ran and how long they took together.
 */
export async function bounded(
  opts: { count: number; concurrency: number; budgetMs: number },
  task: (i: number) => Promise<void>,
): Promise<{ ran: number; ms: number }> {
  const start = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < opts.count && performance.now() - start < opts.budgetMs) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(opts.concurrency, opts.count) }, lane));
  return { ran: next, ms: performance.now() - start };
}

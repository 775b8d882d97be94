/**
 * What a Chromium trace says ran on a page's main thread: the script tasks (compile, evaluate,
 * callbacks, microtasks) as a union of their intervals, so nested events count once, with the
 * biggest kinds named. Read from the devtools.timeline events the Performance panel shows.
 */
import type { CDPSession } from "playwright-core";

type TraceEvent = {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
};

const scriptEvents = new Set([
  "EvaluateScript",
  "v8.compile",
  "v8.compileModule",
  "v8.evaluateModule",
  "v8.run",
  "FunctionCall",
  "TimerFire",
  "EventDispatch",
  "FireAnimationFrame",
  "RunMicrotasks",
  "V8.Execute",
]);

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,v8,v8.execute,disabled-by-default-devtools.timeline",
    transferMode: "ReportEvents",
  });
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
    await cdp.send("Tracing.end");
    await done;
    return events;
  };
}

const union = (spans: [number, number][]) => {
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (to <= end) continue;
    total += to - Math.max(from, end);
    end = to;
  }
  return total;
};

/** Milliseconds of script on the renderer's main thread, and the three biggest kinds of it. */
export function mainThreadScript(events: readonly TraceEvent[]): { ms: number; top: string } {
  const main = events.find(
    (e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain",
  );
  const spans = events.filter(
    (e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === "X" && scriptEvents.has(e.name),
  );
  const byName = Map.groupBy(spans, (e) => e.name);
  const top = [...byName]
    .map(([name, list]) => [name, union(list.map((e) => [e.ts, e.ts + (e.dur ?? 0)]))] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`)
    .join(", ");
  return { ms: union(spans.map((e) => [e.ts, e.ts + (e.dur ?? 0)])) / 1000, top };
}

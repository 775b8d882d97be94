import type { WaitlistTime } from "../../db/schema.ts";
import { utcToLocal } from "./time.ts";

/** Whether a spot starting at `startsAt` suits someone who said `times` (none said: any time). */
export function timesFit(times: readonly WaitlistTime[] | null, startsAt: number, timeZone: string): boolean {
  if (!times || times.length === 0) return true;
  const local = utcToLocal(startsAt, timeZone);
  return times.some(
    (t) => t.date === local.date && (!t.from || local.time >= t.from) && (!t.to || local.time < t.to),
  );
}

type Free = { id: string; startsAt: number };
type InLine = { id: string; times: WaitlistTime[] | null };

/**
 * Who is offered which free spot: each spot, earliest first, goes to the first person in line whose
 * times fit it and who has no offer yet. Two spots freeing at once go to two people.
 */
export function matchOffers<S extends Free, E extends InLine>(
  free: readonly S[],
  line: readonly E[],
  timeZone: string,
): { spot: S; entry: E }[] {
  const taken = new Set<string>();
  const pairs: { spot: S; entry: E }[] = [];
  for (const spot of [...free].sort((a, b) => a.startsAt - b.startsAt)) {
    const entry = line.find((e) => !taken.has(e.id) && timesFit(e.times, spot.startsAt, timeZone));
    if (!entry) continue;
    taken.add(entry.id);
    pairs.push({ spot, entry });
  }
  return pairs;
}

/**
 * The rank that puts an entry at `position` (1 = first) in a line of other entries' ranks, in
 * order: between its neighbours, so only the moved entry is written.
 */
export function rankAt(others: readonly number[], position: number): number {
  const index = Math.max(0, Math.min(others.length, position - 1));
  const before = others[index - 1];
  const after = others[index];
  if (before === undefined && after === undefined) return 1;
  if (before === undefined) return (after as number) - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

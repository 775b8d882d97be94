/** A spot as the floors (bare-widget.ts, plain-widget.ts) show it. */
export type FloorSpot = { id: string; startsAt: string };

/**
 * The session's spots, in the one fetch the floors make, from the folder their module was served
 * from, as widget.js finds its API (bundled into each floor, so import.meta.url is the served file).
 */
export async function fetchSpots(element: Element): Promise<FloorSpot[]> {
  const url = new URL(
    `v1/sessions/${element.getAttribute("session")}`,
    new URL(/* @vite-ignore */ ".", import.meta.url),
  );
  const data: { spots: FloorSpot[] } = await (await fetch(url)).json();
  return data.spots;
}

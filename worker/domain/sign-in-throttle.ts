/**
 * How sign-in slows down password guessing without letting a stranger lock the photographer out.
 *
 * Two counters, both fixed windows in rate_limits, both by the email's hash, so an email that
 * names no studio is counted exactly like one that does and the answers never tell them apart:
 *
 * - per (email, client network): every attempt is counted before its password is checked (so
 *   parallel attempts cannot slip past the limit), and a successful sign-in clears it. The fifth
 *   attempt in 15 minutes that fails throttles that network for the rest of the window.
 * - per email alone: the failed attempts from all networks together, 50 an hour. It is a ceiling
 *   against a guesser spread over many networks, and it applies only to a network that already has
 *   an attempt on this email in its window: once the ceiling is reached, every network may still
 *   try once, but a network that has failed waits for one of the two windows to end. So the owner,
 *   from wherever they are, still gets in with the right password during an attack; only their own
 *   mistakes can throttle them, and the admin token's set-up page always resets both counters.
 *   A guesser at the ceiling gets one guess per network per 15 minutes instead of five.
 */
export const perNetwork = { limit: 5, windowMs: 15 * 60_000 } as const;
export const perEmail = { limit: 50, windowMs: 60 * 60_000 } as const;

/** A counter as rate_limits keeps it: the count of the window that ends at `resetAt`. */
export type Counter = { count: number; resetAt: number };

/** Why an attempt is refused, and when the refused network may try again. */
export type Throttled = { reason: "network" | "email"; until: number };

/** The keys of the two counters; `emailHash` is the SHA-256 of the lowercased email. */
export const throttleKeys = (emailHash: string, network: string) => ({
  email: `sign-in:${emailHash}`,
  network: `sign-in:${emailHash}:${network}`,
});

const live = (counter: Counter | undefined, now: number): number =>
  counter && counter.resetAt > now ? counter.count : 0;

/**
 * Before the password is checked: `network` is this network's counter with this attempt counted,
 * `email` the email's failures so far. Refuses without looking at the password, or answers null.
 */
export function throttledBefore(network: Counter, email: Counter | undefined, now: number): Throttled | null {
  const attempts = live(network, now);
  if (attempts > perNetwork.limit) return { reason: "network", until: network.resetAt };
  // Earlier attempts from this network (failures, or ones still being checked); none for the owner
  // on a network they have not mistyped from.
  const earlier = attempts - 1;
  if (earlier > 0 && live(email, now) >= perEmail.limit) {
    return { reason: "email", until: Math.min(network.resetAt, email?.resetAt ?? now) };
  }
  return null;
}

/**
 * After a wrong password, with both counters counting it: whether this failure throttles the
 * network's next attempt (so it is answered with the throttle rather than "do not match").
 */
export function throttledAfter(network: Counter, email: Counter, now: number): Throttled | null {
  if (live(network, now) >= perNetwork.limit) return { reason: "network", until: network.resetAt };
  if (live(email, now) >= perEmail.limit) {
    return { reason: "email", until: Math.min(network.resetAt, email.resetAt) };
  }
  return null;
}

/** Whole minutes until `until`, at least one. */
export const minutesUntil = (until: number, now: number): number =>
  Math.max(1, Math.ceil((until - now) / 60_000));

/** The words a throttled attempt is answered with. */
export function throttledMessage(throttled: Throttled, now: number): string {
  const n = minutesUntil(throttled.until, now);
  const wait = `try again in ${n} minute${n === 1 ? "" : "s"}.`;
  return throttled.reason === "network"
    ? `Too many attempts from this connection; ${wait}`
    : `Too many failed attempts on this email from many connections; from this connection, ${wait}`;
}

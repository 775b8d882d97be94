/**
 * A fair launch: a session with an opening time takes its visitors through a line. Whoever arrives
 * before the opening is shuffled into a uniformly random order at the opening (being first to
 * load the page wins nothing); whoever arrives later queues after them, in arrival order. Each
 * turn is the right to hold a spot of the session for a short window; as many turns run at once
 * as there are free seats. These rules are pure: the session's coordinator
 * (coordinators/launch-queue.ts) keeps the line and the clock comes from its caller.
 */

/** One visitor's place in a session's line. */
export type Place = {
  /** Public: it travels inside the admission token. */
  id: string;
  /** SHA-256 of the ticket the visitor keeps (localStorage), which is all that proves the place. */
  ticketHash: string;
  /** Where the visitor's requests come from (networkOf), to cap how many places one network takes. */
  network: string;
  arrivedAt: number;
  /** The place's rank: arrival order until the opening shuffles the early ones, then fixed. */
  rank: number;
  admittedAt: number | null;
  /** When the turn ends (admittedAt + turnMs). */
  turnEndsAt: number | null;
  /** A hold was placed on this turn: from then on D1 counts its seat as taken. */
  held: boolean;
  left: boolean;
};

export type PlaceStatus = "waiting" | "admitted" | "held" | "over" | "left";

/** How long a turn lasts, whatever the studio: long enough to pick a time, short enough to move on. */
export const turnMs = 3 * 60_000;

/** Places one network may take in one session's line: a household or an office, not a botnet. */
export const placesPerNetwork = 4;

/** A uniform random integer in [0, n). */
export type RandomIndex = (n: number) => number;

/** The platform's CSPRNG, without modulo bias (rejection sampling over 32 bits). */
export const cryptoIndex: RandomIndex = (n) => {
  const limit = 2 ** 32 - (2 ** 32 % n);
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    const value = word[0] as number;
    if (value < limit) return value % n;
  }
};

/** Fisher–Yates: every order of `items` equally likely, given a uniform `random`. */
export function shuffle<T>(items: readonly T[], random: RandomIndex): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export function statusOf(place: Place, now: number): PlaceStatus {
  if (place.left) return "left";
  if (place.turnEndsAt === null) return "waiting";
  if (place.turnEndsAt <= now) return "over";
  return place.held ? "held" : "admitted";
}

/**
 * The opening: the places taken before `opensAt` get a random rank ahead of every later one. Returns
 * the line in its new order (ranks rewritten), to be stored once.
 */
export function openLine(line: readonly Place[], opensAt: number, random: RandomIndex): Place[] {
  const early = shuffle(
    line.filter((p) => p.arrivedAt < opensAt),
    random,
  );
  const late = line.filter((p) => p.arrivedAt >= opensAt).sort((a, b) => a.rank - b.rank);
  return [...early, ...late].map((p, rank) => ({ ...p, rank }));
}

/**
 * Who gets a turn now: the first waiting places, as many as there are free seats beyond the turns
 * still running without a hold (a hold's seat is already counted taken by `freeSeats`).
 */
export function nextTurns(line: readonly Place[], freeSeats: number, now: number): Place[] {
  const running = line.filter((p) => statusOf(p, now) === "admitted").length;
  const room = Math.max(0, freeSeats - running);
  return line.filter((p) => statusOf(p, now) === "waiting").slice(0, room);
}

/** A waiting place's position: 1 for the next turn. */
export const positionOf = (line: readonly Place[], place: Place, now: number): number =>
  line.filter((p) => p.rank < place.rank && statusOf(p, now) === "waiting").length + 1;

/**
 * When a waiting visitor should ask again, in milliseconds, jittered so a crowd spreads out: before
 * the opening, at the opening (spread over its first two seconds) or in 15 s, whichever comes first;
 * after it, sooner the nearer their turn (the front every second or so, the back every 15 s).
 */
export function pollDelay(
  at: { now: number; opensAt: number; position: number },
  random: () => number = Math.random,
): number {
  if (at.now < at.opensAt) {
    const untilOpening = at.opensAt - at.now;
    return untilOpening > 15_000 ? 10_000 + random() * 5_000 : untilOpening + random() * 2_000;
  }
  const base = Math.min(15_000, Math.max(1_000, at.position * 200));
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Spearman's rank correlation of two equally long lists of distinct ranks: 1 for the same order,
 * -1 for reversed, near 0 for unrelated. How the bench and tests tell a shuffle from arrival order.
 */
export function rankCorrelation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  if (n < 2 || b.length !== n) return 0;
  const ranks = (xs: readonly number[]) => {
    const order = xs.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const out = new Array<number>(n);
    order.forEach(([, i], r) => {
      out[i] = r;
    });
    return out;
  };
  const ra = ranks(a);
  const rb = ranks(b);
  let d2 = 0;
  for (let i = 0; i < n; i++) d2 += ((ra[i] as number) - (rb[i] as number)) ** 2;
  return 1 - (6 * d2) / (n * (n * n - 1));
}

/*
 * The admission: a token the coordinator signs (HMAC-SHA-256) when a turn begins and the hold path
 * checks without asking it: `placeId.expiresAt.signature`, bound to the session's slug.
 */

const encoder = new TextEncoder();
const signed = (slug: string, placeId: string, expiresAt: number) =>
  encoder.encode(`admission\n${slug}\n${placeId}\n${expiresAt}`);

const hmacKey = (secret: string) =>
  crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);

const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[\w-]{43}$/.test(text)) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function signAdmission(
  secret: string,
  turn: { slug: string; placeId: string; expiresAt: number },
): Promise<string> {
  const mac = await crypto.subtle.sign(
    "HMAC",
    await hmacKey(secret),
    signed(turn.slug, turn.placeId, turn.expiresAt),
  );
  return `${turn.placeId}.${turn.expiresAt}.${toBase64url(new Uint8Array(mac))}`;
}

/** The turn an admission proves for `slug` at `now`, or null (malformed, forged, another session's, over). */
export async function readAdmission(
  secret: string,
  slug: string,
  token: string,
  now: number,
): Promise<{ placeId: string; expiresAt: number } | null> {
  const [placeId = "", expires = "", signature = "", ...rest] = token.split(".");
  const expiresAt = Number(expires);
  const mac = fromBase64url(signature);
  if (rest.length > 0 || !/^[\w-]{1,64}$/.test(placeId) || !/^\d{1,15}$/.test(expires) || !mac) return null;
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    mac,
    signed(slug, placeId, expiresAt),
  );
  return valid && expiresAt > now ? { placeId, expiresAt } : null;
}

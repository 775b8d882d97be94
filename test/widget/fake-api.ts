/**
 * A small in-memory stand-in for the public API (DESIGN.md, "HTTP contract, v1"), installed as
 * `fetch`. Each test builds its own with the data it needs, and may answer a route its own way
 * with `fake.on(...)` to play the errors the widget must explain.
 */
import { vi } from "vitest";
import { installCatalogues, negotiate } from "../../worker/domain/catalogues/index.ts";
import { translations } from "../../worker/domain/catalogues/translations.ts";

// The Worker reads these from its static assets; the stand-in has them from their source.
installCatalogues(translations);

export const API = "https://api.test/";

export type FakeSpot = {
  id: string;
  startsAt: string;
  endsAt: string;
  available: boolean;
  seats?: number;
  seatsLeft?: number;
};
export type FakePackage = {
  id: string;
  name: string;
  description: string;
  priceCents: number;
  depositCents: number;
  peopleIncluded?: number;
  extraPersonCents?: number;
  maxPeople?: number;
  addOns?: { id: string; name: string; priceCents: number; maxPerBooking: number | null }[];
};

export const packages: FakePackage[] = [
  {
    id: "pkg-mini",
    name: "Mini",
    description: "15 minutes, 10 photos",
    priceCents: 15000,
    depositCents: 5000,
  },
  { id: "pkg-full", name: "Full", description: "30 minutes, 25 photos", priceCents: 25000, depositCents: 0 },
];

export function session(overrides: Record<string, unknown> = {}) {
  return {
    slug: "fall-minis",
    name: "Fall Minis",
    classification: "multi",
    timeZone: "America/New_York",
    location: "Cherry Creek Park",
    currency: "USD",
    studioName: "Juniper & Pine",
    packageId: null,
    holdMinutes: 15,
    maxSeatsPerBooking: 1,
    ...overrides,
  };
}

export const sessionType = {
  name: "Mini session",
  description: "A quick family portrait in the fall leaves.",
  durationMinutes: 20,
  breakMinutes: 10,
};

/** Spots at the given UTC instants, 20 minutes long. */
export function spots(...starts: [string, boolean?][]): FakeSpot[] {
  return starts.map(([startsAt, available = true], i) => ({
    id: `spot-${i + 1}`,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 20 * 60_000).toISOString(),
    available,
  }));
}

type Handler = (request: {
  method: string;
  path: string;
  body: unknown;
  auth: string | null;
  /** The visitor's words, as the server chooses them from `?lang=`. */
  words: ReturnType<typeof negotiate>;
}) => Response | Promise<Response> | undefined;

/** An answer the test gives when it chooses: `promise` for a handler, `answer` to send it. */
export function later() {
  let answer: (response: Response) => void = () => undefined;
  const promise = new Promise<Response>((resolve) => {
    answer = resolve;
  });
  return { promise, answer };
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

export const problem = (
  status: number,
  code: string,
  errors?: { path: string; message: string }[],
  detail = code,
) =>
  new Response(JSON.stringify({ type: "about:blank", status, title: code, code, detail, errors }), {
    status,
    headers: { "content-type": "application/problem+json" },
  });

export interface FakeOptions {
  session?: ReturnType<typeof session>;
  packages?: FakePackage[];
  spots?: FakeSpot[];
  booking?: Record<string, unknown>;
  bookingStatus?: string;
  /** The session type's questions and contract, on the session's answer and the booking's. */
  forms?: { questions: unknown[]; contract: unknown };
}

export function fakeApi(options: FakeOptions = {}) {
  const data = {
    session: options.session ?? session(),
    sessionType,
    packages: options.packages ?? packages,
    spots: options.spots ?? spots(["2026-10-17T13:30:00.000Z"]),
    ...options.forms,
  };
  const requests: { method: string; path: string; body: unknown; auth: string | null }[] = [];
  const overrides: { method: string; path: RegExp; handler: Handler }[] = [];
  const holds = new Map<string, { spotId: string; seats: number }>();
  let booking = {
    id: "booking-1",
    status: options.bookingStatus ?? "awaiting_confirmation",
    amountCents: 0,
    depositCents: 0,
    paidCents: 0,
    balanceCents: 0,
    currency: data.session.currency,
    packageId: null as string | null,
    expiresAt: null,
    client: { name: "Ada Lovelace", email: "ada@example.com" },
    ...options.booking,
  };

  const routes: {
    method: string;
    path: RegExp;
    handler: (m: RegExpMatchArray, r: Parameters<Handler>[0]) => Response;
  }[] = [
    {
      method: "GET",
      path: /^\/v1\/sessions\/([^/]+)$/,
      handler: ([, slug], { words }) =>
        slug === data.session.slug ? json(200, { ...data, ...words }) : problem(404, "not_found"),
    },
    {
      method: "POST",
      path: /^\/v1\/sessions\/([^/]+)\/holds$/,
      handler: (_, { body }) => {
        const wanted = body as { spotId: string; seats?: number };
        const spot = data.spots.find((s) => s.id === wanted.spotId);
        const seats = wanted.seats ?? 1;
        if (!spot?.available) return problem(409, "spot_taken");
        const left = spot.seatsLeft ?? 1;
        if (seats > left) return problem(409, "not_enough_seats", undefined, `Only ${left} seats are left.`);
        spot.seatsLeft = left - seats;
        spot.available = spot.seatsLeft > 0;
        const id = `hold-${holds.size + 1}`;
        holds.set(id, { spotId: spot.id, seats });
        const expiresAt = new Date(Date.now() + data.session.holdMinutes * 60_000).toISOString();
        return json(201, { hold: { id, token: `token-${id}`, expiresAt, seats } });
      },
    },
    {
      method: "POST",
      path: /^\/v1\/holds\/([^/]+)\/extend$/,
      handler: ([, id]) =>
        json(200, {
          hold: { id, expiresAt: new Date(Date.now() + data.session.holdMinutes * 60_000).toISOString() },
        }),
    },
    {
      method: "DELETE",
      path: /^\/v1\/holds\/([^/]+)$/,
      handler: ([, id]) => {
        const held = holds.get(id ?? "");
        const spot = data.spots.find((s) => s.id === held?.spotId);
        if (spot && held) {
          spot.seatsLeft = (spot.seatsLeft ?? 0) + held.seats;
          spot.available = true;
        }
        return new Response(null, { status: 204 });
      },
    },
    {
      method: "POST",
      path: /^\/v1\/holds\/([^/]+)\/booking$/,
      handler: () => json(201, { booking: { id: "booking-1", status: "confirmed", token: "booking-token" } }),
    },
    {
      method: "GET",
      path: /^\/v1\/bookings\/([^/]+)$/,
      handler: ([, token], { words }) =>
        token === "booking-token"
          ? json(200, {
              booking,
              session: data.session,
              sessionType,
              packages: data.packages,
              spot: data.spots[0],
              ...options.forms,
              ...words,
            })
          : problem(404, "not_found"),
    },
    {
      method: "POST",
      path: /^\/v1\/bookings\/([^/]+)\/confirm$/,
      handler: (_, { body }) => {
        const chosen = data.packages.find((p) => p.id === (body as { packageId?: string }).packageId);
        if (!chosen) return problem(422, "package_required");
        booking = {
          ...booking,
          status: "confirmed",
          packageId: chosen.id,
          amountCents: chosen.priceCents,
          depositCents: chosen.depositCents,
          balanceCents: chosen.priceCents,
        };
        return json(200, { booking });
      },
    },
  ];

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    const method = init.method ?? "GET";
    const headers = new Headers(init.headers);
    const request = {
      method,
      path: url.pathname,
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
      auth: headers.get("authorization"),
    };
    requests.push(request);
    const asked = { ...request, words: negotiate((url.searchParams.get("lang") ?? "").split(",")) };
    for (const override of overrides) {
      if (override.method === method && override.path.test(url.pathname)) {
        const answer = override.handler(asked);
        if (answer) return answer;
      }
    }
    for (const route of routes) {
      const match = route.method === method ? url.pathname.match(route.path) : null;
      if (match) return route.handler(match, asked);
    }
    return problem(404, "not_found");
  });

  vi.stubGlobal("fetch", fetch);

  return {
    data,
    requests,
    fetch,
    /**
     * Answers `method path` with `handler` first; a handler returning undefined falls through, one
     * returning a promise answers when it settles (a request still on its way).
     */
    on(method: string, path: RegExp, handler: Handler) {
      overrides.push({ method, path, handler });
    },
    get booking() {
      return booking;
    },
  };
}

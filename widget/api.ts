import * as v from "valibot";
import { HeldOffer, HoldCreated, Problem, SessionData } from "./schemas.ts";

export type FieldError = { path: string; message: string };

/**
 * Why a call failed, as the API said it (`code` from the problem body) or as the widget saw it:
 * `network` when no answer came, `bad_response` when the answer did not match the contract.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    detail = "",
    readonly errors: FieldError[] = [],
  ) {
    super(detail || code);
  }
}

/** Anything thrown while talking to the API, as an ApiProblem (a bug becomes `unknown`). */
export const toProblem = (error: unknown) =>
  error instanceof ApiProblem ? error : new ApiProblem(0, "unknown", String(error));

// For a proxy or platform error page without a problem body.
const codeByStatus: Record<number, string> = { 404: "not_found", 410: "hold_expired", 429: "rate_limited" };

export type Call = {
  method?: string;
  body?: unknown;
  bearer?: string;
  signal?: AbortSignal | undefined;
  /** "no-cache" when the browser's copy may be stale (the spots just opened). */
  cache?: RequestCache;
};

/** The API's root: the `api` attribute when given, else the folder that served widget.js. */
export function apiBase(attribute: string): URL {
  if (!attribute) return new URL(/* @vite-ignore */ ".", import.meta.url);
  return new URL(attribute.endsWith("/") ? attribute : `${attribute}/`, document.baseURI);
}

/** A typed client of the public API (DESIGN.md, "HTTP contract, v1"), rooted at `base`. */
export function createApi(base: URL) {
  async function send(
    { method = "GET", body, bearer, signal, cache }: Call,
    path: string,
  ): Promise<Response> {
    // A GET carries no custom header, so the load is one simple CORS request without a preflight.
    const headers: Record<string, string> = {};
    if (body !== undefined) headers["content-type"] = "application/json";
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let response: Response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: signal ?? null,
        ...(cache ? { cache } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiProblem(0, "network");
    }
    if (response.ok) return response;
    const parsed = v.safeParse(Problem, await response.json().catch(() => ({})));
    const problem: Partial<v.InferOutput<typeof Problem>> = parsed.success ? parsed.output : {};
    const code = problem.code ?? codeByStatus[response.status] ?? "http_error";
    throw new ApiProblem(response.status, code, problem.detail, problem.errors);
  }

  async function json<S extends v.GenericSchema>(schema: S, call: Call, path: string) {
    const response = await send(call, path);
    const parsed = v.safeParse(schema, await response.json().catch(() => undefined));
    if (!parsed.success) throw new ApiProblem(response.status, "bad_response", parsed.issues[0].message);
    return parsed.output as v.InferOutput<S>;
  }

  const id = encodeURIComponent;

  return {
    /** The calls made by what is loaded on demand go the same way (booking-api.ts). */
    send,
    json,
    base,
    session: (slug: string, lang: string, signal?: AbortSignal, cache?: RequestCache) =>
      json(SessionData, { signal, ...(cache ? { cache } : {}) }, `v1/sessions/${id(slug)}?lang=${id(lang)}`),
    hold: (slug: string, spotId: string, seats: number, admission?: string) =>
      json(
        HoldCreated,
        post({ spotId, seats, ...(admission ? { admission } : {}) }),
        `v1/sessions/${id(slug)}/holds`,
      ),
    release: (hold: { id: string; token: string }) =>
      send({ method: "DELETE", bearer: hold.token }, `v1/holds/${id(hold.id)}`),
    offer: (token: string, signal?: AbortSignal) => json(HeldOffer, { signal }, `v1/offers/${id(token)}`),
    /** The admin page where a photographer allows the sites that may embed their booking. */
    settingsUrl: new URL("admin/settings", base).href,
  };
}

export type Api = ReturnType<typeof createApi>;

/** A POST with a JSON body, as the holder of `bearer` (a hold's token) when given. */
export const post = (body: unknown, bearer?: string): Call => ({ method: "POST", body, bearer });

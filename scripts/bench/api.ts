/** The bench talks to the Worker as an integrator does: JSON over loopback HTTP, timed. */
import { timed } from "./measure.ts";

/** No request waits longer than this, so a hung Worker ends the run instead of stalling it. */
const requestTimeoutMs = 30_000;

export type Answer = {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read as loosely as any JSON client reads them.
  body: any;
  ms: number;
};

export async function send(
  origin: string,
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  const { ms, value } = await timed(async () => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: AbortSignal.timeout(requestTimeoutMs),
    });
    const text = await res.text();
    return { status: res.status, text };
  });
  let body: unknown = value.text;
  try {
    body = value.text ? JSON.parse(value.text) : null;
  } catch {
    // Not JSON (an error page): keep the text for the message.
  }
  return { status: value.status, body, ms };
}

/** Sends and insists on one status: seeding that fails makes every later figure meaningless. */
export async function expectStatus(status: number, answer: Promise<Answer>, what: string): Promise<Answer> {
  const got = await answer;
  if (got.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${got.status} ${JSON.stringify(got.body)}`);
  }
  return got;
}

/** A visitor's own address: holds are rate-limited per visitor, so each bench visitor is someone else. */
export const visitor = (group: number, i: number) => ({
  "cf-connecting-ip": `10.${group}.${Math.floor(i / 250)}.${(i % 250) + 1}`,
});

import type { Context } from "hono";
import type { Db, Studio } from "../env.ts";
import { adminApi } from "../http/admin/index.ts";
import { createRouter } from "../http/app.ts";
import { ApiError } from "../http/problem.ts";
import type { AdminEnv } from "./env.ts";
import { type Converter, type FormState, refusedForm } from "./form.ts";

/*
 * The pages change data only through the admin JSON API's own handlers, called in-process, so
 * one piece of code validates and applies every rule for integrators and photographers alike.
 * The signed-in studio rides along with the request object, never in a header a client could forge.
 */
type Caller = { db: Db; studio: Studio };
const callers = new WeakMap<Request, Caller>();

const api = createRouter();
api.use("*", async function asSignedInStudio(c, next) {
  const caller = callers.get(c.req.raw);
  if (!caller) throw new Error("The in-process admin API was called without a studio.");
  c.set("db", caller.db);
  c.set("studio", caller.studio);
  await next();
});
api.route("/v1/admin", adminApi);
// The caller gets the ApiError itself, with its field paths, rather than a problem body to parse.
api.onError((err) => {
  throw err;
});
api.notFound((c) => {
  throw new Error(`The admin API has no ${c.req.method} ${c.req.path}.`);
});

/** Where a form goes next: after success, a page to redirect to; refused, the form shown again. */
export type FormFlow<T> = {
  done: (answer: T) => string;
  refused: (form: FormState) => Response | Promise<Response>;
};

/**
 * Sends a form's values to the admin JSON API as the signed-in studio. A refusal a form can show
 * (422, 409) puts the API's messages beside the fields, under the same status; anything else
 * (404, a bug) is thrown to the pages' error handler.
 */
export async function submitForm<T = unknown>(
  c: Context<AdminEnv>,
  call: { method: "POST" | "PATCH" | "DELETE"; path: string; body?: unknown },
  typed: Converter,
  flow: FormFlow<T>,
  fieldFor?: (apiPath: string) => string,
): Promise<Response> {
  const request = new Request(new URL(call.path, c.req.url), {
    method: call.method,
    ...(call.body !== undefined && {
      headers: { "content-type": "application/json" },
      body: JSON.stringify(call.body),
    }),
  });
  callers.set(request, { db: c.var.db, studio: c.var.studio });
  try {
    const res = await api.fetch(request, c.env);
    return c.redirect(flow.done((res.status === 204 ? undefined : await res.json()) as T), 303);
  } catch (err) {
    if (!(err instanceof ApiError && (err.status === 409 || err.status === 422))) throw err;
    c.status(err.status);
    return flow.refused(refusedForm(err, typed, fieldFor));
  }
}

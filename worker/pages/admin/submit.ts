import type { Context } from "hono";
import type { StudioContext } from "../../actions/context.ts";
import { DomainError } from "../../domain/errors.ts";
import { studioContext } from "../../middleware/context.ts";
import type { AdminEnv } from "./env.ts";
import { type Converter, type FormState, refusedForm } from "./form.ts";

/** Where a form goes next: after success, a page to redirect to; refused, the form shown again. */
export type FormFlow<T> = {
  done: (answer: T) => string;
  refused: (form: FormState) => Response | Promise<Response>;
};

/**
 * Runs a form's action as the signed-in studio: the same parse and the same action as the JSON
 * API's, so every rule exists once. A refusal a form can show (422, 409) puts the messages beside
 * the fields, under the same status; anything else (404, a bug) goes to the pages' error handler.
 */
export async function submitForm<T>(
  c: Context<AdminEnv>,
  typed: Converter,
  act: (ctx: StudioContext) => Promise<T>,
  flow: FormFlow<T>,
  fieldFor?: (apiPath: string) => string,
): Promise<Response> {
  try {
    return c.redirect(flow.done(await act(studioContext(c))), 303);
  } catch (err) {
    if (!(err instanceof DomainError && (err.status === 409 || err.status === 422))) throw err;
    c.status(err.status);
    return flow.refused(refusedForm(err, typed, fieldFor));
  }
}

import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DomainError } from "../../domain/errors.ts";
import type { AdminEnv } from "./env.ts";
import { ProblemPage } from "./views/problem.tsx";

const render = (c: Context<AdminEnv>, status: ContentfulStatusCode, heading: string, detail: string) => {
  c.status(status);
  return c.render(<ProblemPage heading={heading} detail={detail} />);
};

export const notFoundPage = (c: Context<AdminEnv>) =>
  render(c, 404, "Not found", "There is nothing here, or it belongs to another studio.");

/** The pages' one error handler: ours and Hono's as pages, the unknown logged and never shown. */
export function errorPage(err: Error, c: Context<AdminEnv>): Response | Promise<Response> {
  if (err instanceof DomainError) {
    if (err.status === 404) return notFoundPage(c);
    return render(c, err.status as ContentfulStatusCode, "That did not work", err.detail);
  }
  if (err instanceof HTTPException && err.status === 403) {
    return render(
      c,
      403,
      "This form was refused",
      "It came from another site or from a page that is out of date. Go back, reload the page and try again.",
    );
  }
  if (err instanceof HTTPException)
    return render(c, err.status as ContentfulStatusCode, "That did not work", err.message);
  console.error("admin page failed", err);
  return render(c, 500, "Something went wrong", "An unexpected error occurred. Please try again.");
}

import { lapseLiveHolds, openNow } from "../actions/test-hooks.ts";
import { DomainError } from "../domain/errors.ts";
import { sameSecret } from "../domain/tokens.ts";
import { actionContext } from "../middleware/context.ts";
import { createRouter } from "./app.ts";
import { bearerToken } from "./auth.ts";

/**
 * What the end-to-end tests need and no visitor can do: make time pass. Left out of the OpenAPI
 * document, and nothing at all (404) unless TEST_HOOKS_TOKEN is set (a fresh one per test run,
 * never in production) and the request carries it.
 */
export const testHooks = createRouter();

testHooks.use("*", async function testHooksOnly(c, next) {
  const expected = c.env.TEST_HOOKS_TOKEN;
  const token = bearerToken(c.req.header("authorization"));
  if (!expected || !token || !(await sameSecret(token, expected))) {
    throw new DomainError("not_found", "There is nothing at this address.");
  }
  await next();
});

testHooks.post("/holds/lapse", async (c) => c.json({ lapsed: await lapseLiveHolds(actionContext(c)) }));
testHooks.post("/sessions/:slug/open", async (c) =>
  c.json({ opened: await openNow(actionContext(c), c.req.param("slug")) }),
);

import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { DomainError } from "../domain/errors.ts";
import type { HonoEnv } from "../env.ts";

const maxBodyBytes = 128 * 1024;

/** Refuses bodies that are not JSON before any handler reads them. */
export const jsonBodyOnly = createMiddleware<HonoEnv>(async function jsonBodyOnly(c, next) {
  const method = c.req.method;
  if (method === "POST" || method === "PATCH" || method === "PUT") {
    const length = c.req.header("content-length");
    const hasBody =
      (length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined;
    const type = c.req.header("content-type") ?? "";
    if (hasBody && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
      throw new DomainError("unsupported_media_type", "Send the request body as application/json.");
    }
  }
  await next();
});

export const limitBody = bodyLimit({
  maxSize: maxBodyBytes,
  onError: () => {
    throw new DomainError("payload_too_large", `The request body is larger than ${maxBodyBytes / 1024} KB.`);
  },
});

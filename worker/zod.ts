/**
 * What `import … from "zod"` means in the Worker's bundle (wrangler.toml `[alias]`, the worker
 * tests' vitest alias and the OpenAPI document's build): only the members of zod's classic API
 * that the Worker calls (`z.string()`, `z.object()`, …, and `ZodType`, which zod-to-openapi
 * extends with `.openapi()`). @hono/zod-openapi hands the whole `z` namespace to
 * `extendZodWithOpenApi(z)` and re-exports it, so a bundler must keep every member of it: zod's
 * whole classic API (every schema kind, its locales, `coerce`, `iso`, JSON Schema conversion…)
 * would ride along, ~12 KB gzip beyond these. A schema's methods (`.int()`, `.optional()`,
 * `.email()`) come with its kind. English stays the default, registered by zod's schemas on their
 * first construction. A member added here is a member the Worker ships: add one before first
 * calling it (the tests run through this file and fail on a missing one).
 */
import * as z from "./zod.ts";

export {
  array,
  boolean,
  discriminatedUnion,
  enum,
  literal,
  null,
  number,
  object,
  record,
  string,
  union,
  ZodType,
} from "../node_modules/zod/v4/classic/schemas.js";
export { z, z as default };

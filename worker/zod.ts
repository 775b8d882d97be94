/**
 * What `import … from "zod"` means in the Worker's bundle (wrangler.toml `[alias]`, and the
 * worker tests' vitest alias): zod's classic API as `zod` exports it, less what the Worker never
 * calls: the `locales` and `core` namespaces, JSON Schema conversion (`toJSONSchema`,
 * `fromJSONSchema`; the OpenAPI document is made by zod-to-openapi), `compile`/`withParser` and
 * `deepPartial`. @hono/zod-openapi hands the whole `z` namespace to `extendZodWithOpenApi(z)`, so
 * a bundler must keep every member of it: zod's locales alone (every language's messages, ~270 KB
 * minified) would ride along. English stays the default, registered by zod's schemas on their
 * first construction. A member added here is a member the Worker ships.
 */
import * as z from "./zod.ts";

export {
  $brand,
  $input,
  $output,
  clone,
  config,
  flattenError,
  formatError,
  getDiscriminatedOption,
  globalRegistry,
  INVALID,
  memoizer,
  NEVER,
  prettifyError,
  regexes,
  registry,
  TimePrecision,
  toZod,
  treeifyError,
  util,
} from "zod/v4/core";
export * from "../node_modules/zod/v4/classic/checks.js";
export * as coerce from "../node_modules/zod/v4/classic/coerce.js";
export * from "../node_modules/zod/v4/classic/compat.js";
export * from "../node_modules/zod/v4/classic/errors.js";
export { input, output } from "../node_modules/zod/v4/classic/in-out.js";
export * as iso from "../node_modules/zod/v4/classic/iso.js";
export {
  ZodISODate,
  ZodISODateTime,
  ZodISODuration,
  ZodISOTime,
} from "../node_modules/zod/v4/classic/iso.js";
export * from "../node_modules/zod/v4/classic/parse.js";
export * from "../node_modules/zod/v4/classic/schemas.js";
export { z, z as default };

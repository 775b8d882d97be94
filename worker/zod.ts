/**
 * What `import … from "zod"` means in the Worker's bundle (wrangler.toml `[alias]`, and the
 * worker tests' vitest alias): zod's classic API exactly as `zod` exports it, less the `locales`
 * and `core` namespaces. @hono/zod-openapi hands the whole `z` namespace to
 * `extendZodWithOpenApi(z)`, so a bundler must keep every member of it, and zod's `locales`
 * (every language's error messages, ~270 KB minified) would ride along, used by nobody: English
 * stays the default, registered by zod's schemas on their first construction.
 */
import * as z from "./zod.ts";

export * from "../node_modules/zod/v4/classic/schemas.js";
export * from "../node_modules/zod/v4/classic/checks.js";
export * from "../node_modules/zod/v4/classic/errors.js";
export * from "../node_modules/zod/v4/classic/parse.js";
export * from "../node_modules/zod/v4/classic/compat.js";
export {
  $brand,
  $input,
  $output,
  clone,
  compile,
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
  toJSONSchema,
  toZod,
  treeifyError,
  util,
  withParser,
  ZodCompileAsyncError,
  ZodCompileUnsupportedError,
} from "zod/v4/core";
export { fromJSONSchema } from "../node_modules/zod/v4/classic/from-json-schema.js";
export { deepPartial } from "../node_modules/zod/v4/classic/deep-partial.js";
export { input, output } from "../node_modules/zod/v4/classic/in-out.js";
export { ZodISODate, ZodISODateTime, ZodISODuration, ZodISOTime } from "../node_modules/zod/v4/classic/iso.js";
export * as iso from "../node_modules/zod/v4/classic/iso.js";
export * as coerce from "../node_modules/zod/v4/classic/coerce.js";
export { z, z as default };

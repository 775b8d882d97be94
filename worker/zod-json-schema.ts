/**
 * What zod's JSON Schema conversion means in the Worker's bundle (wrangler.toml `[alias]` for the
 * two paths zod's classic schemas import it by): nothing. Every schema kind carries a converter to
 * JSON Schema (`.toJSONSchema()`, `~standard.jsonSchema`, `_zod.processJSONSchema`), so a bundler
 * must keep all of them, ~7 KB gzip; but only the OpenAPI document calls them, and it is built
 * at build time with the real zod (worker/openapi-document.ts). The names are zod 4.6's, which
 * package.json pins. `aggregateChecks` is kept real: a string schema's `minLength`, `maxLength`
 * and `format` read it. The tests run through this file too (vitest.config.ts), and the
 * end-to-end tests run the Worker as built.
 */
export { aggregateChecks } from "../node_modules/zod/v4/core/json-schema-processors.js";

function absent(): never {
  throw new Error("zod's JSON Schema conversion is left out of the Worker: see worker/zod-json-schema.ts");
}

export const createToJSONSchemaMethod = () => absent;
export const createStandardJSONSchemaMethod = () => absent;

export {
  absent as anyProcessor,
  absent as arrayProcessor,
  absent as bigintProcessor,
  absent as booleanProcessor,
  absent as catchProcessor,
  absent as customProcessor,
  absent as dateProcessor,
  absent as defaultProcessor,
  absent as enumProcessor,
  absent as fileProcessor,
  absent as functionProcessor,
  absent as intersectionProcessor,
  absent as lazyProcessor,
  absent as literalProcessor,
  absent as mapProcessor,
  absent as nanProcessor,
  absent as neverProcessor,
  absent as nonoptionalProcessor,
  absent as nullableProcessor,
  absent as nullProcessor,
  absent as numberProcessor,
  absent as objectProcessor,
  absent as optionalProcessor,
  absent as pipeProcessor,
  absent as prefaultProcessor,
  absent as promiseProcessor,
  absent as readonlyProcessor,
  absent as recordProcessor,
  absent as setProcessor,
  absent as stringProcessor,
  absent as successProcessor,
  absent as symbolProcessor,
  absent as templateLiteralProcessor,
  absent as transformProcessor,
  absent as tupleProcessor,
  absent as undefinedProcessor,
  absent as unionProcessor,
  absent as unknownProcessor,
  absent as voidProcessor,
};

/**
 * Whether this build makes the OpenAPI document: true where the document is made
 * (worker/openapi-document.ts, run by widget/vite.config.ts) and in the tests; false in the
 * Worker's bundle (wrangler.toml `[define]`), which only validates. What only the document reads
 * is written under it: a route's `...(DOCUMENTED && { tags, summary, security, responses })` beside
 * its method, path and `request` schemas, a body's example as `jsonBody(schema, DOCUMENTED &&
 * example)`, a field's `.openapi(DOCUMENTED && { description, example })`. The minifier drops what
 * `false &&` guards, then the examples (worker/schemas/examples/, side-effect free) and the answers'
 * schemas (marked `@__PURE__`) nothing else uses. Typed `true`: a route's type is its documented
 * one, so a handler's answers are still checked against its responses.
 */
declare const DOCUMENTED: true;

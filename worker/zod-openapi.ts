/**
 * What `import … from "@asteasolutions/zod-to-openapi"` means in the Worker's bundle (wrangler.toml
 * `[alias]`): the registry the routes record themselves in and zod's `.openapi()`, without the
 * document generators (~6 KB gzip). The Worker serves /v1/openapi.json as a static asset, made at
 * build time from the same route definitions (worker/openapi-document.ts, run by
 * widget/vite.config.ts); @hono/zod-openapi's `getOpenAPIDocument` methods, the only users of the
 * generators, are never called in the Worker. The tests run the real package and check the served
 * document against the one the routes produce (test/worker/openapi.test.ts).
 */
export {
  extendZodWithOpenApi,
  getOpenApiMetadata,
  OpenAPIRegistry,
  // Its types are the package's own (dist/index.d.ts); nothing imports this file but the alias.
  // @ts-expect-error: the built module has no declaration file beside it
} from "../node_modules/@asteasolutions/zod-to-openapi/dist/index.mjs";

class BuiltAtBuildTime {
  constructor() {
    throw new Error("The OpenAPI document is generated at build time (worker/openapi-document.ts).");
  }
}

export { BuiltAtBuildTime as OpenApiGeneratorV3, BuiltAtBuildTime as OpenApiGeneratorV31 };

/**
 * What `import … from "@asteasolutions/zod-to-openapi"` means in the Worker's bundle (wrangler.toml
 * `[alias]`): nothing of the OpenAPI machinery, only the names @hono/zod-openapi calls. The Worker
 * serves /v1/openapi.json as a static asset, made at build time from the same route definitions
 * with the real package (worker/openapi-document.ts, run by widget/vite.config.ts). So in the
 * Worker a schema's `.openapi(…)` keeps no metadata (validation never reads it), the routes'
 * registry records nothing, and the generators, which only @hono/zod-openapi's
 * `getOpenAPIDocument` methods call, are never reached: ~8 KB gzip less. The routes' documentation
 * itself (summaries, answers, examples) stays out of the bundle too (`DOCUMENTED`,
 * worker/documented.d.ts). The tests run the real package and check the served document against
 * the one the routes produce (test/worker/openapi.test.ts); the end-to-end tests run the Worker as
 * built, with this file.
 */
import type { z } from "zod";

export function extendZodWithOpenApi(zod: { ZodType: typeof z.ZodType }): void {
  const schema = zod.ZodType.prototype as { openapi?: unknown };
  schema.openapi ??= function openapi(this: z.ZodType) {
    return this;
  };
}

export const getOpenApiMetadata = (): Record<string, never> => ({});

/** The routes' registry, empty: nothing in the Worker reads its definitions. */
export class OpenAPIRegistry {
  readonly definitions: never[] = [];
  register<T>(_refId: string, schema: T): T {
    return schema;
  }
  registerParameter<T>(_refId: string, schema: T): T {
    return schema;
  }
  registerPath(): void {}
  registerWebhook(): void {}
  registerComponent(): void {}
}

class BuiltAtBuildTime {
  constructor() {
    throw new Error("The OpenAPI document is generated at build time (worker/openapi-document.ts).");
  }
}

export { BuiltAtBuildTime as OpenApiGeneratorV3, BuiltAtBuildTime as OpenApiGeneratorV31 };

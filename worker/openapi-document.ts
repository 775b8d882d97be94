import { publicApiPaths } from "./http/cors.ts";
import { documentShapeProblems } from "./http/openapi.ts";
import { app } from "./index.ts";

const info = {
  openapi: "3.1.0",
  info: {
    title: "Spotbook API",
    version: "1.0.0",
    description: "Booking Sessions for photographers: the public booking API and the studio admin API.",
  },
} as const;

let documented = false;

/**
 * The OpenAPI document of the mounted app (worker/index.ts), from its route definitions. Made at
 * build time into the static assets (`v1/openapi.json`, widget/vite.config.ts), never in the
 * Worker, whose bundle leaves zod-to-openapi's generators out (worker/zod-openapi.ts); the tests
 * check that the served document is this one.
 */
export function openApiDocument() {
  if (!documented) addShapeProblemsAndSchemes();
  documented = true;
  return app.getOpenAPI31Document(info);
}

function addShapeProblemsAndSchemes() {
  // Every route is mounted: each operation's entry now gets the problems its shape can answer.
  documentShapeProblems(app.openAPIRegistry, publicApiPaths);
  app.openAPIRegistry.registerComponent("securitySchemes", "adminToken", {
    type: "http",
    scheme: "bearer",
    description: "A studio's admin token (POST /v1/studios answers it once).",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "holdToken", {
    type: "http",
    scheme: "bearer",
    description: "The token answered with a hold; it proves the visitor holds the spot.",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "operatorToken", {
    type: "http",
    scheme: "bearer",
    description: "The deployment's OPERATOR_TOKEN secret.",
  });
}

import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(new URL("./db/migrations", import.meta.url).pathname);

export default defineConfig({
  test: {
    // The JSON report is what CI's closing "N passed, N failed" line is read from.
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    projects: [
      {
        // API and domain tests inside workerd, against a real local D1 with the migrations applied.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                OPERATOR_TOKEN: "operator-test-token",
                TEST_MIGRATIONS: migrations,
              },
            },
          }),
        ],
        // The Worker's build resolves "zod" to worker/zod.ts and leaves out zod's JSON Schema
        // conversion (wrangler.toml [alias]); so do its tests.
        resolve: {
          alias: [
            { find: /^zod$/, replacement: new URL("./worker/zod.ts", import.meta.url).pathname },
            ...["../core/json-schema-processors.js", "../core/to-json-schema.js"].map((find) => ({
              find,
              replacement: new URL("./worker/zod-json-schema.ts", import.meta.url).pathname,
            })),
          ],
        },
        // With the routes' documentation, which the tests check the served document against (wrangler.toml [define]).
        define: { DOCUMENTED: "true" },
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          setupFiles: ["./test/worker/apply-migrations.ts", "./test/worker/catalogue-misses.ts"],
        },
      },
      {
        // The widget's views rendered in a DOM, without a server.
        test: {
          name: "widget",
          include: ["test/widget/**/*.test.ts"],
          environment: "happy-dom",
        },
      },
      {
        // A real Chromium against `wrangler dev`.
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["./test/e2e/global-setup.ts"],
          // A ceiling for a machine running two suites at once; every wait inside ends on what it
          // waits for, so a passing test never comes near it.
          testTimeout: 180_000,
          // Set-up may install Chromium on a fresh machine before it starts two Workers.
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

/**
 * Fails when an import crosses the Worker's layers the wrong way (see README "Layout"): routes and
 * pages parse and answer, actions do, domain rules are pure. Reads every import of worker/ as
 * text, so it needs no build; `npm run check:layers` prints each broken rule with its file and line.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = join(import.meta.dirname, "..");
const worker = join(root, "worker");

/**
 * For each layer, the layers it may import values from; types may also come from `typesFrom`,
 * and every layer may read the types of env.ts (the bindings and the database).
 */
const rules: Record<string, { from: string[]; typesFrom?: string[]; packages?: RegExp }> = {
  domain: { from: ["domain", "db"], packages: /^$/ },
  queries: { from: ["queries", "domain", "db"], packages: /^drizzle-orm/ },
  services: { from: ["services", "queries", "domain", "db"], packages: /^(drizzle-orm|stripe|cloudflare:)/ },
  coordinators: {
    from: ["coordinators", "queries", "domain", "db"],
    packages: /^(drizzle-orm|cloudflare:workers$)/,
  },
  schemas: { from: ["schemas", "domain", "db"], typesFrom: ["queries"], packages: /^@hono\/zod-openapi$/ },
  actions: {
    from: ["actions", "domain", "queries", "services", "coordinators", "schemas", "db"],
    packages: /^(drizzle-orm|stripe)/,
  },
  middleware: { from: ["middleware", "actions", "queries", "domain"] },
  http: { from: ["http", "actions", "domain", "schemas", "middleware", "db"], typesFrom: ["queries"] },
  pages: { from: ["pages", "actions", "domain", "schemas", "middleware"], typesFrom: ["queries", "db"] },
  jobs: { from: ["jobs", "actions", "services"] },
};

/** The longest a file of routes may grow before its resource wants splitting. */
const maxHttpLines = 250;

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

/** Where a file sits: its layer (the first folder under worker/, or "db"), or null for the top. */
function layerOf(path: string): string | null {
  const rel = relative(root, path).split("/");
  if (rel[0] === "db") return "db";
  if (rel[0] !== "worker") return null;
  if (rel[1] === "env.ts") return "env";
  if (rel.length < 3) return null;
  return rel[1] ?? null;
}

/** A route module: a resource's routes under http/public or http/admin (index files only mount). */
const isRouteFile = (path: string) =>
  /\/worker\/http\/(public|admin)\/[^/]+\.ts$/.test(path) && !path.endsWith("/index.ts");

const problems: string[] = [];
const importShape = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+["']([^"']+)["']/gm;

for (const file of files(worker)) {
  const layer = layerOf(file);
  const text = readFileSync(file, "utf8");
  const where = (index: number) => `${relative(root, file)}:${text.slice(0, index).split("\n").length}`;
  if (layer === "http" && text.split("\n").length > maxHttpLines) {
    problems.push(
      `${relative(root, file)}: ${text.split("\n").length} lines, over ${maxHttpLines} for a file in http/`,
    );
  }
  for (const match of text.matchAll(importShape)) {
    const typeOnly = match[2] !== undefined;
    const spec = match[3] ?? "";
    const rule = layer ? rules[layer] : undefined;
    if (!rule) continue;
    // A package's built module reached past its exports map (worker/zod.ts) is that package.
    const packagePath = spec.match(/(?:^|\/)node_modules\/(.+)$/)?.[1];
    if (!spec.startsWith(".") || packagePath) {
      const name = packagePath ?? spec;
      if (rule.packages && !typeOnly && !rule.packages.test(name)) {
        problems.push(`${where(match.index)}: ${layer}/ may not import the package "${name}"`);
      }
      continue;
    }
    const target = resolve(file, "..", spec);
    const targetLayer = layerOf(target) ?? "worker";
    const allowed =
      rule.from.includes(targetLayer) ||
      (typeOnly && (targetLayer === "env" || rule.typesFrom?.includes(targetLayer)));
    if (!allowed) {
      problems.push(
        `${where(match.index)}: ${layer}/ may not import ${typeOnly ? "types from " : ""}${targetLayer}/ (${spec})`,
      );
    }
    if (isRouteFile(file) && isRouteFile(target)) {
      problems.push(`${where(match.index)}: a route file imports another route file (${spec})`);
    }
  }
}

if (problems.length > 0) {
  console.error(`Layer rules broken (${problems.length}):\n${problems.map((p) => `- ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(`Layers: ${files(worker).length} files under worker/ follow the import rules.`);

/**
 * Fails when db/schema.ts and the generated migrations disagree: asks drizzle-kit to generate,
 * and if that writes anything, undoes it and says which command to run.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const migrations = join(root, "db", "migrations");
const journal = join(migrations, "meta", "_journal.json");
const list = () => [
  ...readdirSync(migrations),
  ...readdirSync(join(migrations, "meta")).map((f) => `meta/${f}`),
];

const before = new Set(list());
const journalBefore = readFileSync(journal, "utf8");
const result = spawnSync(join(root, "node_modules", ".bin", "drizzle-kit"), ["generate", "--name", "drift"], {
  cwd: root,
  encoding: "utf8",
});
if (result.status !== 0) {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
const added = list().filter((f) => !before.has(f));
if (added.length > 0) {
  for (const file of added) rmSync(join(migrations, file), { force: true });
  writeFileSync(journal, journalBefore);
  console.error(
    "db/schema.ts has changes that no migration covers. Run `npm run db:generate -- --name <what>` and commit it.",
  );
  process.exit(1);
}
console.log("Migrations match db/schema.ts.");

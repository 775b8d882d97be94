/**
 * Which modules cost what in a built bundle: every byte of the minified output is given to the
 * source its source map names, grouped by package (or by our own folder), and each group's bytes
 * gzipped on their own. A group's gzip alone is a little more than its share of the whole file's
 * gzip (it shares no dictionary with the rest), which is close enough to rank the costs.
 */
import { gzipSync } from "node:zlib";

type SourceMap = { sources: string[]; mappings: string };

const base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const digit = new Map([...base64].map((ch, i) => [ch, i]));

/** The VLQ numbers of one mapping segment ("AAAA" → [0, 0, 0, 0]). */
function vlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const d = digit.get(ch) ?? 0;
    value += (d & 31) << shift;
    if (d & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/**
 * The output text of each source, by walking the map's segments over the code's lines. A segment
 * owns the text up to the next one, across line ends: a template literal's later lines (HTML,
 * CSS) have no segment of their own and belong to the module that wrote the template.
 */
export function textBySource(code: string, map: SourceMap): Map<string, string> {
  const parts = new Map<string, string[]>();
  const lines = code.split("\n");
  const add = (name: string, slice: string) => parts.set(name, [...(parts.get(name) ?? []), slice]);
  let source = 0;
  let owner = "(unmapped)";
  map.mappings.split(";").forEach((line, row) => {
    const text = `${lines[row] ?? ""}${row < lines.length - 1 ? "\n" : ""}`;
    // Each segment owns the columns up to the next one; [column, source] pairs in line order.
    const starts: [number, number][] = [];
    let column = 0;
    for (const segment of line.split(",")) {
      if (!segment) continue;
      const [dc = 0, ds] = vlq(segment);
      column += dc;
      if (ds !== undefined) source += ds;
      starts.push([column, source]);
    }
    add(owner, text.slice(0, starts[0]?.[0] ?? text.length));
    starts.forEach(([from, src], i) => {
      owner = map.sources[src] ?? "(unmapped)";
      add(owner, text.slice(from, starts[i + 1]?.[0] ?? text.length));
    });
  });
  return new Map([...parts].map(([name, texts]) => [name, texts.join("")]));
}

/** "…/node_modules/@scope/pkg/…" → "@scope/pkg"; our own files by their first two folders. */
export function groupOf(source: string): string {
  const inPackage = source.split("node_modules/").at(-1);
  if (inPackage !== undefined && inPackage !== source) {
    const [scope = "", name = ""] = inPackage.split("/");
    // drizzle-orm's maps name its TypeScript one folder above the package ("node_modules/src/…").
    if (scope === "src") return "drizzle-orm";
    return scope.startsWith("@") ? `${scope}/${name}` : scope;
  }
  const own = source.replace(/^(\.\.\/)+/, "").split("/");
  const at = own.findIndex((part) => part === "worker" || part === "widget" || part === "db");
  const path = at === -1 ? own : own.slice(at);
  return path.length > 2 ? `${path.slice(0, 2).join("/")}/` : path.join("/");
}

export type Contributor = { group: string; bytes: number; gzip: number };

/** The groups of a bundle, biggest gzip first; `refine` may split a package finer (zod's folders). */
export function contributors(
  code: string,
  map: SourceMap,
  refine: (source: string) => string = groupOf,
): Contributor[] {
  const groups = new Map<string, string[]>();
  for (const [source, text] of textBySource(code, map)) {
    const group = refine(source);
    groups.set(group, [...(groups.get(group) ?? []), text]);
  }
  return [...groups]
    .map(([group, texts]) => {
      const text = texts.join("");
      return { group, bytes: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

/** The top `count` contributors as printable lines, with the rest summed. */
export function contributorTable(title: string, rows: readonly Contributor[], count = 12): string {
  const top = rows.slice(0, count);
  const rest = rows.slice(count);
  const restRow: Contributor[] = rest.length
    ? [
        {
          group: `${rest.length} more`,
          bytes: rest.reduce((s, r) => s + r.bytes, 0),
          gzip: rest.reduce((s, r) => s + r.gzip, 0),
        },
      ]
    : [];
  const lines = [...top, ...restRow].map(
    (r) =>
      `  ${r.group.padEnd(36)} ${r.bytes.toLocaleString("en-US").padStart(10)} B ${r.gzip.toLocaleString("en-US").padStart(9)} B gzip`,
  );
  return [`${title} (minified bytes, and each group gzipped alone):`, ...lines].join("\n");
}

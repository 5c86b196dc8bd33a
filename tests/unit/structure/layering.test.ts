import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCycles, readImportGraph } from "./import-graph";

const root = path.resolve(__dirname, "../../..");

/**
 * lib/'s areas from the bottom up. An area imports only from its own tier or lower ones, and app/
 * sits on top of all of them: core holds what every area shares (errors, ids, dates, search
 * parameters, audit actions), the pure readers (languages, documents, the extractor, anchoring)
 * come next, then storage and the permission policy, then the operations in the order they use
 * each other. Two tiers hold areas that call each other by design, though never in a file cycle:
 * the article pipeline (import creates articles, an article's text is converted off-thread and its
 * suggestions computed) and export/backup (a backup is an export in the JSON Lines format, which
 * export also offers).
 */
const TIERS: readonly (readonly string[])[] = [
  ["core", "generated"],
  ["db", "i18n", "document", "extract", "anchoring"],
  ["audit", "auth"],
  ["users"],
  ["sources", "api-tokens", "articles", "import", "suggestions"],
  ["claims"],
  ["review", "grouping"],
  ["ledger"],
  ["export", "backup"],
  ["seed"],
];

const tierOf = new Map(TIERS.flatMap((areas, tier) => areas.map((area) => [area, tier] as const)));
const areaOf = (file: string) => file.split("/")[1];

const graph = readImportGraph(root, "lib", ["lib/generated/"]);

describe("lib/'s imports", () => {
  it("place every area in a tier", () => {
    const areas = new Set([...graph.files.keys()].map(areaOf));
    expect([...areas].filter((area) => !tierOf.has(area))).toEqual([]);
  });

  it("form no cycle", () => {
    expect(findCycles(graph).map((cycle) => cycle.join(" → "))).toEqual([]);
  });

  it("never reach up into a higher area, into app/, or into Next.js", () => {
    const upward: string[] = [];
    for (const [file, { local, packages }] of graph.files) {
      for (const target of local) {
        if (target.startsWith("app/")) upward.push(`${file} → ${target}`);
        else if (target.startsWith("lib/") && (tierOf.get(areaOf(target)) ?? 0) > (tierOf.get(areaOf(file)) ?? 0)) {
          upward.push(`${file} → ${target}`);
        }
      }
      for (const name of packages) if (name === "next" || name.startsWith("next/")) upward.push(`${file} → ${name}`);
    }
    expect(upward).toEqual([]);
  });
});

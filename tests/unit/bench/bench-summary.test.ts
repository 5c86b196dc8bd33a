import { describe, expect, it } from "vitest";
import { changedSections, countVerdicts, goalRows, summaryBlock, withSummary, type BenchOutcome } from "../../../bench/support/bench-summary";

const DOC = `# Benchmarks

## Claim suggester

| a | b |

## Review workflow

| Goal | result |
|---|---|
| queue | **met** |
| decisions | **not met** |

### Analysis

**Decisions: met at a reviewer's pace**, and a **met** in prose is not a verdict.

## Ledger

| first page | **met** |
`;

const outcome = (over: Partial<BenchOutcome>): BenchOutcome => ({ bench: "review.ts", exitCode: 0, seconds: 12, sections: [], met: 0, notMet: 0, printed: "", ...over });

describe("npm run bench's summary", () => {
  it("attributes to a bench the sections it rewrote, new ones included, and nothing else", () => {
    const after = DOC.replace("| decisions | **not met** |", "| decisions | **met** |") + "\n## Export\n\n| x | **not met** |\n";
    expect(changedSections(DOC, after)).toEqual(["## Review workflow", "## Export"]);
    expect(changedSections(DOC, DOC)).toEqual([]);
  });

  it("counts the verdicts before the hand-written analysis only", () => {
    const review = DOC.slice(DOC.indexOf("## Review workflow"), DOC.indexOf("## Ledger"));
    expect(countVerdicts(review)).toEqual({ met: 1, notMet: 1 });
  });

  it("places the summary under the title once, and replaces it on the next run", () => {
    const first = withSummary(DOC, summaryBlock([outcome({ sections: ["## Review workflow"], met: 1, notMet: 1 })], new Date("2026-12-03T10:00:00Z"), "2 cores"));
    expect(first.startsWith("# Benchmarks\n\n<!-- npm run bench: summary -->")).toBe(true);
    expect(first).toContain("**1 goals met, 1 not met**");
    expect(first).toContain('| `bench/review.ts` | ran | 12 s | "Review workflow" | 1 met, 1 not met |');
    const second = withSummary(first, summaryBlock([outcome({ exitCode: 1 }), outcome({ bench: "extract.ts", printed: "| 1× | 10.7 MB/s |\n" })], new Date("2026-12-04T10:00:00Z"), "2 cores"));
    expect(second.match(/npm run bench: summary -->/g)).toHaveLength(2);
    expect(second).not.toContain("2026-12-03");
    expect(second).toContain("**1 bench failed**");
    expect(second).toContain("| `bench/extract.ts` | ran | 12 s | none (its figures are below; its section is written by hand) | – |");
    expect(second).toContain("<summary>What `bench/extract.ts` printed</summary>\n\n| 1× | 10.7 MB/s |\n\n</details>");
    expect(second.match(/<details>/g)).toHaveLength(1);
    expect(second.slice(second.indexOf("/npm run bench: summary -->"))).toContain("## Claim suggester");
  });
});

describe("npm run bench's table of goals", () => {
  it("lists every verdict row of every section with its figures, and marks the sections this run did not rewrite", () => {
    const doc = `${DOC}\n## Export\n\n| What | Median | Ratio to the ceiling | Goal | Met |\n|---|---|---|---|---|\n| csv | 1,200 ms | 1.4× | ≤ 2× | **met** |\n`;
    const goals = goalRows(doc);
    expect(goals).toEqual([
      { section: "Review workflow", goal: "queue", measured: "", result: "**met**" },
      { section: "Review workflow", goal: "decisions", measured: "", result: "**not met**" },
      { section: "Ledger", goal: "first page", measured: "", result: "**met**" },
      { section: "Export", goal: "csv", measured: "1,200 ms · 1.4× · ≤ 2×", result: "**met**" },
    ]);
    const block = summaryBlock([outcome({ bench: "export.ts", sections: ["## Export"], met: 1 })], new Date("2026-12-03T10:00:00Z"), "2 cores", goals);
    expect(block).toContain("| Export | csv | 1,200 ms · 1.4× · ≤ 2× | **met** |");
    expect(block).toContain("| Review workflow (earlier run) | decisions |  | **not met** |");
    expect(block).not.toContain("Analysis");
    expect(block).toContain("**1 goals met, 0 not met** in the benches it ran. Of every goal in the document: 3 met, 1 not met.");
  });
});

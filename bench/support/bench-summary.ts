/**
 * What `npm run bench` (bench/run-all.ts) reports of each bench: which `## ` sections of
 * docs/BENCHMARKS.md it rewrote, and how many of their goals read **met** and **not met**. Pure
 * text work, so it is tested without running a bench.
 */

export interface BenchOutcome {
  /** The file under bench/, e.g. "review.ts". */
  bench: string;
  exitCode: number;
  seconds: number;
  /** Headings of the sections the bench rewrote. */
  sections: string[];
  met: number;
  notMet: number;
  /** What it printed, for a bench that writes no section of its own. */
  printed: string;
}

/** The `## ` sections of the document by heading, each with its text up to the next one. */
export function sectionsOf(document: string): Map<string, string> {
  const sections = new Map<string, string>();
  const parts = document.split(/\n(?=## )/);
  for (const part of parts.slice(1)) sections.set(part.slice(0, part.indexOf("\n") === -1 ? undefined : part.indexOf("\n")), part);
  return sections;
}

/** Headings whose text differs between the two versions of the document (new ones included). */
export function changedSections(before: string, after: string): string[] {
  const old = sectionsOf(before);
  return [...sectionsOf(after)].filter(([heading, text]) => old.get(heading) !== text).map(([heading]) => heading);
}

/**
 * Goals a section states as met and not met: its "**met**" and "**not met**" verdicts, counted
 * before its hand-written "### Analysis", whose prose may use the words freely.
 */
export function countVerdicts(section: string): { met: number; notMet: number } {
  const measured = section.split(/\n### Analysis/)[0];
  return { met: (measured.match(/\*\*met\*\*/g) ?? []).length, notMet: (measured.match(/\*\*not met\*\*/g) ?? []).length };
}

export interface GoalRow {
  /** The section's heading without "## ". */
  section: string;
  /** The goal as its table row names it (the row's first cell). */
  goal: string;
  /** The row's other cells up to the verdict: the figures, the ceiling and the ratio where it has them. */
  measured: string;
  /** The row's last cell, holding its **met** / **not met**. */
  result: string;
}

/** Every table row stating a verdict, section by section, before each section's hand-written analysis. */
export function goalRows(document: string): GoalRow[] {
  const rows: GoalRow[] = [];
  for (const [heading, text] of sectionsOf(document)) {
    const measured = text.split(/\n### Analysis/)[0];
    for (const line of measured.split("\n")) {
      if (!line.startsWith("|") || !/\*\*(not )?met\*\*/.test(line)) continue;
      const cells = line.replace(/^\|/, "").replace(/\|\s*$/, "").split(" | ").map((cell) => cell.trim());
      if (cells.length < 2) continue;
      rows.push({ section: heading.replace(/^## /, ""), goal: cells[0], measured: cells.slice(1, -1).join(" · "), result: cells[cells.length - 1] });
    }
  }
  return rows;
}

const START = "<!-- npm run bench: summary -->";
const END = "<!-- /npm run bench: summary -->";

/** The summary as markdown, between markers so the next run replaces it. */
export function summaryBlock(outcomes: BenchOutcome[], when: Date, machine: string, goals: GoalRow[] = []): string {
  const rows = outcomes.map((o) => {
    const state = o.exitCode === 0 ? "ran" : `**failed** (exit ${o.exitCode})`;
    const where = o.sections.length ? o.sections.map((h) => `"${h.replace(/^## /, "")}"`).join(", ") : "none (its figures are below; its section is written by hand)";
    const goals = o.sections.length ? `${o.met} met, ${o.notMet} not met` : "–";
    return `| \`bench/${o.bench}\` | ${state} | ${o.seconds.toFixed(0)} s | ${where} | ${goals} |`;
  });
  const met = outcomes.reduce((n, o) => n + o.met, 0);
  const notMet = outcomes.reduce((n, o) => n + o.notMet, 0);
  const failed = outcomes.filter((o) => o.exitCode !== 0).length;
  // A bench that writes no section still leaves this run's figures here, under its name.
  const printedOnly = outcomes
    .filter((o) => o.sections.length === 0 && o.printed.trim())
    .map((o) => `<details><summary>What \`bench/${o.bench}\` printed</summary>\n\n${o.printed.trim()}\n\n</details>\n`);
  // A row with a verdict at two levels ("**not met** at p95, **met** at the median") is not met.
  const goalsNotMet = goals.filter((g) => g.result.includes("**not met**")).length;
  const everyGoal = goals.length ? ` Of every goal in the document: ${goals.length - goalsNotMet} met, ${goalsNotMet} not met.` : "";
  const rewritten = new Set(outcomes.flatMap((o) => o.sections.map((heading) => heading.replace(/^## /, ""))));
  // Every goal the document states, so one table shows where Derek stands; a goal whose section
  // this run did not rewrite says so, since its figures are older than the date above.
  const goalTable = goals.length
    ? `\n| section | goal | measured (figures, ceiling, ratio) | result |\n|---|---|---|---|\n${goals
        .map((g) => `| ${g.section}${rewritten.has(g.section) ? "" : " (earlier run)"} | ${g.goal} | ${g.measured} | ${g.result} |`)
        .join("\n")}\n`
    : "";
  return `${START}
Last \`npm run bench\`: ${when.toISOString().slice(0, 16).replace("T", " ")} UTC, ${machine}. **${met} goals met, ${notMet} not met** in the benches it ran${failed ? `, **${failed} bench${failed === 1 ? "" : "es"} failed**` : ""}.${everyGoal}

| bench | state | time | sections rewritten | goals |
|---|---|---:|---|---|
${rows.join("\n")}
${goalTable}${printedOnly.length ? `\n${printedOnly.join("\n")}` : ""}${END}`;
}

/** The document with the summary placed (or replaced) right under its title. */
export function withSummary(document: string, block: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start !== -1 && end > start) return document.slice(0, start) + block + document.slice(end + END.length);
  const title = document.indexOf("\n");
  return `${document.slice(0, title + 1)}\n${block}\n${document.slice(title + 1)}`;
}

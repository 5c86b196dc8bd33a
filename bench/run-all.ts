/**
 * npm run bench — every bench under bench/, one after the other, each on its own (they start their
 * own PostgreSQL and rewrite their own section of docs/BENCHMARKS.md), then a summary of the goals
 * met and not met: printed, and written at the top of docs/BENCHMARKS.md.
 *
 * The benches are the files bench/*.ts found when it starts (this one excepted), so a bench added
 * later runs without being listed here. A bench that fails does not stop the others; the run then
 * exits non-zero. BENCH_ONLY=review,ledger runs some, in that order; BENCH_NO_WRITE=1 is passed on (print only).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "../tests/support/paths";
import { changedSections, countVerdicts, goalRows, sectionsOf, summaryBlock, withSummary, type BenchOutcome } from "./support/bench-summary";
import { BENCHMARKS_MD, describeMachine } from "./support/report";

const BENCH_DIR = path.join(REPO_ROOT, "bench");
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");
const log = (line: string) => console.error(`[bench] ${line}`);

function discoverBenches(): string[] {
  const only = process.env.BENCH_ONLY?.split(",").map((name) => name.trim().replace(/\.ts$/, "")).filter(Boolean);
  const found = readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith(".ts") && file !== "run-all.ts" && !file.endsWith(".d.ts"))
    .sort();
  // Named ones run in the order named, e.g. the one that needs a quiet machine first.
  return only ? only.map((name) => `${name}.ts`).filter((file) => found.includes(file)) : found;
}

/** Runs one bench, its progress (stderr) shown as it goes, its printed result (stdout) kept. */
function runBench(file: string): Promise<{ exitCode: number; printed: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [path.join(BENCH_DIR, file)], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"], env: process.env });
    let printed = "";
    child.stdout.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
      process.stdout.write(chunk);
    });
    child.on("error", (error) => {
      log(`${file}: ${error.message}`);
      resolve({ exitCode: 127, printed });
    });
    child.on("close", (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), printed }));
  });
}

async function main(): Promise<number> {
  const benches = discoverBenches();
  log(`Running ${benches.length} benches: ${benches.join(", ")}`);
  const outcomes: BenchOutcome[] = [];
  for (const bench of benches) {
    log(`—— bench/${bench}`);
    const before = readFileSync(BENCHMARKS_MD, "utf8");
    const t0 = performance.now();
    const { exitCode, printed } = await runBench(bench);
    const seconds = (performance.now() - t0) / 1000;
    const after = readFileSync(BENCHMARKS_MD, "utf8");
    const sections = changedSections(before, after);
    const rewritten = sectionsOf(after);
    const verdicts = sections.map((heading) => countVerdicts(rewritten.get(heading) ?? ""));
    outcomes.push({
      bench,
      exitCode,
      seconds,
      sections,
      met: verdicts.reduce((n, v) => n + v.met, 0),
      notMet: verdicts.reduce((n, v) => n + v.notMet, 0),
      printed,
    });
    log(`bench/${bench}: ${exitCode === 0 ? "done" : `FAILED (exit ${exitCode})`} in ${seconds.toFixed(0)} s; ${sections.length ? `rewrote ${sections.join(", ")}` : "wrote no section"}`);
  }
  const block = summaryBlock(outcomes, new Date(), describeMachine(), goalRows(readFileSync(BENCHMARKS_MD, "utf8")));
  console.log(`\n${block}`);
  if (process.env.BENCH_NO_WRITE !== "1") writeFileSync(BENCHMARKS_MD, withSummary(readFileSync(BENCHMARKS_MD, "utf8"), block));
  return outcomes.some((o) => o.exitCode !== 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO_ROOT } from "../../tests/support/paths";

export const BENCHMARKS_MD = path.join(REPO_ROOT, "docs", "BENCHMARKS.md");

/**
 * Replaces one `## ` section of docs/BENCHMARKS.md (appending it when absent), keeping the other
 * sections and a hand-written "### Analysis" at the end of this one.
 */
export function writeBenchmarkSection(heading: string, section: string): void {
  const current = readFileSync(BENCHMARKS_MD, "utf8");
  const at = current.indexOf(`\n${heading}\n`);
  let next: string;
  if (at === -1) {
    next = `${current.replace(/\n*$/, "\n")}\n${section}`;
  } else {
    const after = current.indexOf("\n## ", at + heading.length + 1);
    const old = current.slice(at + 1, after === -1 ? current.length : after + 1);
    const analysis = old.indexOf("\n### Analysis");
    const kept = analysis === -1 ? "" : `\n${old.slice(analysis + 1).replace(/\n*$/, "\n")}`;
    next = current.slice(0, at + 1) + section + kept + (after === -1 ? "" : `\n${current.slice(after + 1)}`);
  }
  writeFileSync(BENCHMARKS_MD, next);
}

/**
 * Prints the section and, unless BENCH_NO_WRITE=1 (or `write` is false), writes it into
 * docs/BENCHMARKS.md.
 */
export function publishBenchmarkSection(heading: string, section: string, log: (line: string) => void, write = process.env.BENCH_NO_WRITE !== "1"): void {
  console.log(section);
  if (!write) return;
  writeBenchmarkSection(heading, section);
  log(`Wrote "${heading}" in ${path.relative(REPO_ROOT, BENCHMARKS_MD)}.`);
}

/** A benchmark's main: exit 0 when it finished, 1 with the error when it did not. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** Node, cores and memory of this machine, for the figures' context. */
export function describeMachine(): string {
  const cpu = (os.cpus()[0]?.model ?? "unknown CPU").replace(/\s+/g, " ").trim();
  let cores = String(os.cpus().length);
  try {
    cores = execFileSync("nproc", { encoding: "utf8" }).trim();
  } catch {}
  return `Node ${process.version}, \`nproc\` = ${cores} (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM`;
}

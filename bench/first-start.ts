/**
 * npx tsx bench/first-start.ts — how long a fresh clone's first `npm start` takes until the app
 * answers /api/health (goal: under 60 s on a quiet machine).
 *
 * A fresh clone of this repository's HEAD in a temporary folder, with node_modules and the
 * generated Prisma client copied in (hard links where the file system allows: `npm ci` is not
 * what is measured), no .next/ and no .data/. `npm start` runs there with its embedded
 * PostgreSQL; every line it prints is timestamped, so the figure splits into the database's
 * start-up, the build's compile and type-check steps, and `next start`. Then Ctrl-C stops it and
 * the clone is removed.
 *
 * Prints a markdown section and writes it into docs/BENCHMARKS.md under "## First start" (a
 * hand-written "### Analysis" at the end of the section is kept).
 *
 * Wall time on a shared machine says more about the neighbours than about the start, so the CPU
 * time of npm start and everything it ran (GNU time's user + system, read when it has stopped) is
 * reported beside it: on a quiet two-core machine the first start takes at least half of it.
 *
 * Options (environment): BENCH_FIRST_START_RUNS (1), BENCH_FIRST_START_REF (the commit to clone,
 * HEAD), BENCH_NO_WRITE=1 (print only).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { REPO_ROOT } from "../tests/support/paths";
import { Cleanup, median, withTimeout } from "./support/stack";
import { describeMachine, publishBenchmarkSection, runBenchmark } from "./support/report";

const SECTION = "## First start";
const GOAL_S = 60;
const START_TIMEOUT_MS = 15 * 60_000;
const REF = process.env.BENCH_FIRST_START_REF || "HEAD";
const RUNS = Math.min(5, Math.max(1, Number.parseInt(process.env.BENCH_FIRST_START_RUNS ?? "1", 10) || 1));

const log = (line: string) => console.error(`[bench] ${line}`);

/** The steps of a first start, each found by the first line of output that marks its end. */
const MARKS = [
  { key: "database", label: "PostgreSQL started, migrated, seeded", pattern: /Building the app/ },
  { key: "compiled", label: "`next build` compiled", pattern: /Compiled successfully|Compiled with warnings/ },
  { key: "typescript", label: "`next build` type-check (or its skip)", pattern: /Finished TypeScript|Skipping validation of types/ },
  { key: "pages", label: "`next build` page data and static pages", pattern: /Route \(app\)/ },
  // The build exits after Turbopack's cache is written; `next start` prints its address at once.
  { key: "started", label: "`next build` exited (cache written), `next start` launched", pattern: /- Local:/ },
] as const;

type MarkKey = (typeof MARKS)[number]["key"];
interface Run {
  marks: Partial<Record<MarkKey, number>>;
  healthyS: number;
  /** User + system CPU seconds of npm start and all it ran, until it stopped. */
  cpuS: number | null;
}

async function freshClone(cleanup: Cleanup): Promise<string> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "derek-first-start-"));
  cleanup.add("the clone", () => rm(parent, { recursive: true, force: true }));
  const clone = path.join(parent, "derek");
  execFileSync("git", ["clone", "--quiet", "--no-hardlinks", REPO_ROOT, clone]);
  execFileSync("git", ["-C", clone, "checkout", "--quiet", execFileSync("git", ["-C", REPO_ROOT, "rev-parse", REF], { encoding: "utf8" }).trim()]);
  for (const dir of ["node_modules", path.join("lib", "generated")]) {
    const from = path.join(REPO_ROOT, dir);
    const to = path.join(clone, dir);
    try {
      execFileSync("cp", ["-al", from, to]);
    } catch {
      await cp(from, to, { recursive: true });
    }
  }
  return clone;
}

async function waitForHealth(url: string, exited: () => boolean): Promise<void> {
  for (;;) {
    if (exited()) throw new Error("npm start exited before the app answered");
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function measureOnce(): Promise<Run> {
  const cleanup = new Cleanup();
  cleanup.stopOnSignals(log);
  try {
    const clone = await freshClone(cleanup);
    const port = await findFreePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
    delete env.DATABASE_URL;
    delete env.DATABASE_OWNER_URL;
    delete env.NEXTAUTH_SECRET;

    log(`npm start in ${clone} on port ${port}…`);
    const started = performance.now();
    const marks: Run["marks"] = {};
    let cpuS: number | null = null;
    // Its own process group, so Ctrl-C reaches npm, tsx and the app as in a terminal (GNU time
    // ignores it and reports once npm has stopped).
    const child = spawn("/usr/bin/time", ["-f", "first-start-cpu %U %S", "npm", "start"], { cwd: clone, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let exited = false;
    // "close": after the last output too, which holds GNU time's figures.
    const exit = new Promise<void>((resolve) => child.on("close", () => ((exited = true), resolve())));
    cleanup.add("npm start", async () => {
      if (!exited && child.pid) process.kill(-child.pid, "SIGINT");
      await withTimeout(exit, 25_000, "npm start's shutdown").catch(() => {
        if (!exited && child.pid) process.kill(-child.pid, "SIGKILL");
      });
    });
    const onOutput = (chunk: Buffer) => {
      const at = (performance.now() - started) / 1000;
      for (const line of chunk.toString("utf8").split("\n")) {
        if (process.env.BENCH_VERBOSE === "1" && line.trim()) log(`${at.toFixed(1).padStart(6)} s  ${line}`);
        for (const mark of MARKS) if (marks[mark.key] === undefined && mark.pattern.test(line)) marks[mark.key] = at;
        const cpu = /^first-start-cpu ([\d.]+) ([\d.]+)/.exec(line.trim());
        if (cpu) cpuS = Number(cpu[1]) + Number(cpu[2]);
      }
    };
    child.stdout.on("data", onOutput);
    child.stderr.on("data", onOutput);

    await withTimeout(waitForHealth(`http://127.0.0.1:${port}`, () => exited), START_TIMEOUT_MS, "the first start");
    const healthyS = (performance.now() - started) / 1000;
    log(`answered after ${healthyS.toFixed(1)} s`);
    // Stopped before the figures are read: GNU time reports when npm start has ended.
    await cleanup.runAll();
    return { marks, healthyS, cpuS };
  } finally {
    await cleanup.runAll();
  }
}

function seconds(x: number | undefined): string {
  return x === undefined ? "–" : `${x.toFixed(1)} s`;
}

function report(runs: Run[], loadBefore: number[]): string {
  const last = runs.at(-1)!;
  const steps: string[] = [];
  let previous = 0;
  for (const mark of MARKS) {
    const at = last.marks[mark.key];
    steps.push(`| ${mark.label} | ${seconds(at)} | ${at === undefined ? "–" : `${(at - previous).toFixed(1)} s`} |`);
    if (at !== undefined) previous = at;
  }
  steps.push(`| \`next start\` answers /api/health | ${seconds(last.healthyS)} | ${(last.healthyS - previous).toFixed(1)} s |`);
  const total = median(runs.map((r) => r.healthyS));
  const cpu = runs.map((r) => r.cpuS).filter((x): x is number => x !== null);
  // The goal is stated for a quiet machine; on a busy one a miss says how busy, so it is not read as the start's own.
  const verdict = total < GOAL_S ? "**met**" : `**not met**${loadBefore[0] > 1.5 ? ` (load average ${loadBefore[0].toFixed(1)}: not a quiet machine)` : ""}`;
  return [
    SECTION,
    "",
    `Reproduce with \`npx tsx bench/first-start.ts\` (a fresh clone of ${REF === "HEAD" ? "HEAD" : `\`${REF}\``} in a temporary folder with`,
    "node_modules and lib/generated copied in, no .next/ or .data/; `npm start` until /api/health",
    `answers; rewrites this section). ${describeMachine()}; load average before the run`,
    `${loadBefore.map((l) => l.toFixed(2)).join(", ")} (1, 5, 15 min). Goal: under ${GOAL_S} s on a quiet machine.`,
    "",
    `**First start: ${total.toFixed(1)} s** (${runs.length === 1 ? "one run" : `median of ${runs.length} runs: ${runs.map((r) => r.healthyS.toFixed(1)).join(", ")} s`});` +
      ` CPU time (user + system) of npm start and all it ran: ${cpu.length ? `${median(cpu).toFixed(1)} s` : "not read"}.`,
    "",
    "| Goal | median | runs | goal | result |",
    "|---|---:|---|---|---|",
    `| A fresh clone's first \`npm start\` until /api/health answers | ${total.toFixed(1)} s | ${runs.map((r) => `${r.healthyS.toFixed(1)} s`).join(", ")} | < ${GOAL_S} s on a quiet machine | ${verdict} |`,
    "",
    "| step (last run) | at | took |",
    "|---|---:|---:|",
    ...steps,
    "",
  ].join("\n");
}

runBenchmark(async () => {
  if (!existsSync(path.join(REPO_ROOT, "node_modules", "next"))) throw new Error("Run npm install first: the clone copies node_modules.");
  const loadBefore = os.loadavg();
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureOnce());
  publishBenchmarkSection(SECTION, report(runs, loadBefore), log);
});

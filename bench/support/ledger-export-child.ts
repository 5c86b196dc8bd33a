/**
 * Exports in a process of their own, for bench/ledger.ts and bench/export.ts: the process's peak
 * RSS (VmHWM) is then the export's, not the benchmark's million-row bookkeeping. Run as
 *
 *   tsx bench/support/ledger-export-child.ts <format> <filter as JSON> <actor id> [--serve]
 *
 * with DATABASE_URL set; prints one JSON line per export (with --serve, one export per "run" line
 * on stdin, as ExportChild below drives it): wall time, claims, bytes, the RSS just before the
 * export and the peak RSS during it (kB), so the export's own share can be told from the baseline
 * a server has anyway (Node, tsx, the Prisma client with its query compiler).
 *
 * lib/export/run-export.ts is loaded by path at run time, not imported, so this file type-checks
 * (and the rest of the ledger bench runs) on a checkout where exports do not exist yet.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import type { Actor } from "@/lib/auth/policy";
import { db, disconnectDb } from "@/lib/db/client";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { REPO_ROOT } from "../../tests/support/paths";

export const RUN_EXPORT_PATH = path.join(REPO_ROOT, "lib", "export", "run-export.ts");
const EXPORT_LINES_PATH = path.join(REPO_ROOT, "lib", "export", "export-lines.ts");
const CHILD_PATH = path.join(REPO_ROOT, "bench", "support", "ledger-export-child.ts");
/** The fourth argument that makes the child serve exports from stdin (see ExportChild). */
const SERVE = "--serve";

/** The part of lib/export/run-export.ts this child uses. */
interface RunExportModule {
  runExport(options: { actor: Actor; format: string; filter: LedgerFilter; baseUrl: string }): Promise<{
    claimCount: number;
    stream: ReadableStream<Uint8Array>;
    done: Promise<{ claims: number; bytes: number }>;
  }>;
}

export interface ExportChildResult {
  format: string;
  ms: number;
  claims: number;
  bytes: number;
  /** kB, from /proc/self/status: the process's peak before the export, its RSS when the export starts, its peak since. */
  hwmBefore: number;
  rssBefore: number;
  hwmAfter: number;
  /** Whether the peak could be reset at the start (Linux ≥ 4.0), so `hwmAfter` is the export's alone. */
  peakReset: boolean;
  /** MB, the largest of each of process.memoryUsage()'s parts, sampled every 50 ms during the export. */
  sampled: { heapUsed: number; external: number; arrayBuffers: number };
}

function status(field: "VmHWM" | "VmRSS"): number {
  const match = readFileSync("/proc/self/status", "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) : NaN;
}

/** One export, read to its last byte as a client would, with the process's memory around it. */
async function exportOnce(runExport: RunExportModule["runExport"], format: string, filter: LedgerFilter, actor: Actor): Promise<ExportChildResult> {
  const hwmBefore = status("VmHWM");
  let peakReset = true;
  try {
    // "5" resets the peak RSS (VmHWM) to the current RSS.
    writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    peakReset = false;
  }
  const rssBefore = status("VmRSS");
  // Where the memory is: V8's heap, or buffers outside it (encoded chunks, socket reads), which a
  // heap limit does not bound and only a collection frees.
  const sampled = { heapUsed: 0, external: 0, arrayBuffers: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    sampled.heapUsed = Math.max(sampled.heapUsed, m.heapUsed / 2 ** 20);
    sampled.external = Math.max(sampled.external, m.external / 2 ** 20);
    sampled.arrayBuffers = Math.max(sampled.arrayBuffers, m.arrayBuffers / 2 ** 20);
  };
  const sampler = setInterval(sample, 50);
  const t0 = performance.now();
  const run = await runExport({ actor, format, filter, baseUrl: "https://derek.example.kz" });
  let bytes = 0;
  // Read as a client would, chunk by chunk, keeping nothing.
  const reader = run.stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  const summary = await run.done;
  const ms = performance.now() - t0;
  clearInterval(sampler);
  sample();
  if (summary.bytes !== bytes) throw new Error(`the export says ${summary.bytes} bytes, the reader got ${bytes}`);
  return { format, ms, claims: summary.claims, bytes, hwmBefore, rssBefore, hwmAfter: status("VmHWM"), peakReset, sampled };
}

/**
 * Stored lines refilled after an export written from rows (lib/export/export-lines.ts): the next
 * export in the bench finds them, as the next one in the newsroom would.
 */
async function settledRefills(): Promise<void> {
  const lines = (await import(pathToFileURL(EXPORT_LINES_PATH).href).catch(() => ({}))) as { settledLineRefills?: () => Promise<void> };
  await lines.settledLineRefills?.();
}

async function main() {
  const [format, filterJson, actorId, mode] = process.argv.slice(2);
  const { runExport } = (await import(pathToFileURL(RUN_EXPORT_PATH).href)) as RunExportModule;
  const actor: Actor = { id: actorId, role: "EDITOR", active: true };
  const filter = JSON.parse(filterJson) as LedgerFilter;
  // The app's server has its Prisma client up before anyone exports; the export records its audit
  // event through it, so load it now rather than count its start-up as the export's memory.
  await db.$queryRawUnsafe("SELECT 1");
  if (mode === SERVE) {
    // One export per "run" line on stdin, its result on a line of stdout once refills are done,
    // so the parent can set up the next run's state in between.
    for await (const line of createInterface({ input: process.stdin })) {
      if (line.trim() !== "run") break;
      const result = await exportOnce(runExport, format, filter, actor);
      await settledRefills();
      console.log(JSON.stringify(result));
    }
  } else {
    console.log(JSON.stringify(await exportOnce(runExport, format, filter, actor)));
    await settledRefills();
  }
  await disconnectDb();
}

/**
 * A child serving one export per `run()`, all in the same process: the first warms it (modules
 * loaded, code compiled, connections open) as a server that has exported before is; the parent
 * sets each run's state (stale lines, changed claims) between runs.
 */
export class ExportChild {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly results: string[] = [];
  private waiting: { resolve(line: string): void; reject(error: Error): void } | null = null;
  private exited: Error | null = null;

  constructor(databaseUrl: string, format: string, filter: LedgerFilter, actorId: string, profileDir?: string) {
    const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [];
    this.child = spawn(process.execPath, [...profile, "--import", "tsx", CHILD_PATH, format, JSON.stringify(filter), actorId, SERVE], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    this.child.stderr.pipe(process.stderr);
    createInterface({ input: this.child.stdout }).on("line", (line) => {
      if (!line.startsWith("{")) return;
      if (this.waiting) {
        this.waiting.resolve(line);
        this.waiting = null;
      } else this.results.push(line);
    });
    this.child.on("exit", (code) => {
      this.exited = new Error(`the export child exited with ${code}`);
      this.waiting?.reject(this.exited);
      this.waiting = null;
    });
  }

  async run(): Promise<ExportChildResult> {
    if (this.exited) throw this.exited;
    const line = this.results.shift() ?? (await new Promise<string>((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.child.stdin.write("run\n");
    }));
    return JSON.parse(line) as ExportChildResult;
  }

  async end(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    this.child.stdin.end("end\n");
    await exited;
  }
}

// Only when run as a script: bench/ledger.ts imports this module for its types and path.
if (process.argv[1] && path.resolve(process.argv[1]) === CHILD_PATH) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

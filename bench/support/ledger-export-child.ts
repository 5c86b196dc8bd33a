/**
 * One export in a process of its own, for bench/ledger.ts: the process's peak RSS (VmHWM) is then
 * the export's, not the benchmark's million-row bookkeeping. Run as
 *
 *   tsx bench/support/ledger-export-child.ts <format> <filter as JSON> <actor id>
 *
 * with DATABASE_URL set; prints one JSON line: wall time, claims, bytes, the RSS just before the
 * export and the peak RSS during it (kB), so the export's own share can be told from the baseline
 * a server has anyway (Node, tsx, the Prisma client with its query compiler).
 *
 * lib/export/run-export.ts is loaded by path at run time, not imported, so this file type-checks
 * (and the rest of the ledger bench runs) on a checkout where exports do not exist yet.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Actor } from "@/lib/auth/policy";
import { db, disconnectDb } from "@/lib/db/client";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { REPO_ROOT } from "../../tests/support/paths";

export const RUN_EXPORT_PATH = path.join(REPO_ROOT, "lib", "export", "run-export.ts");
const EXPORT_LINES_PATH = path.join(REPO_ROOT, "lib", "export", "export-lines.ts");

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

async function main() {
  const [format, filterJson, actorId] = process.argv.slice(2);
  const { runExport } = (await import(pathToFileURL(RUN_EXPORT_PATH).href)) as RunExportModule;
  const actor: Actor = { id: actorId, role: "EDITOR", active: true };
  const filter = JSON.parse(filterJson) as LedgerFilter;
  // The app's server has its Prisma client up before anyone exports; the export records its audit
  // event through it, so load it now rather than count its start-up as the export's memory.
  await db.$queryRawUnsafe("SELECT 1");
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
  const result: ExportChildResult = { format, ms, claims: summary.claims, bytes, hwmBefore, rssBefore, hwmAfter: status("VmHWM"), peakReset, sampled };
  if (summary.bytes !== bytes) throw new Error(`the export says ${summary.bytes} bytes, the reader got ${bytes}`);
  console.log(JSON.stringify(result));
  // Stored lines refilled after an export written from rows (lib/export/export-lines.ts): the next
  // export in the bench finds them, as the next one in the newsroom would.
  const lines = (await import(pathToFileURL(EXPORT_LINES_PATH).href).catch(() => ({}))) as { settledLineRefills?: () => Promise<void> };
  await lines.settledLineRefills?.();
  await disconnectDb();
}

// Only when run as a script: bench/ledger.ts imports this module for its types and path.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(REPO_ROOT, "bench", "support", "ledger-export-child.ts")) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

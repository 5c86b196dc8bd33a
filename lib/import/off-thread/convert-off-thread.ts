import { existsSync } from "node:fs";
import path from "node:path";
import type { ClaimCandidate } from "@/lib/extract";
import { ImportError, rebuildImportError } from "../import-error";
import { CONVERSION_MEMORY_MB, CONVERSION_QUEUE, CONVERSION_TIME_LIMIT_MS, CONVERSION_WORKERS } from "../limits";
import type { ImportSource } from "../source-to-document";
import type { ConversionTask, ImportConversion } from "./conversion-tasks";
import { TaskPool } from "./task-pool";

// One pool per process, even if a bundler instantiates this module more than once.
const POOL = Symbol.for("derek.conversionPool");
type WithPool = typeof globalThis & { [POOL]?: TaskPool };

/**
 * The files are found from the working directory, which is the repository's root under
 * `npm start`, `next start`, vitest and the scripts; the path is built at run time so no bundler
 * tries to follow it.
 */
function repoRoot(): string {
  const root = process.cwd();
  if (!existsSync(path.join(root, "lib", "import", "off-thread", "task-worker.mjs")))
    throw new Error(`Derek must run from its repository's root to read imported files (the working directory is ${root}).`);
  return root;
}

export function conversionPool(): TaskPool {
  const global = globalThis as WithPool;
  if (!global[POOL]) {
    const root = repoRoot();
    global[POOL] = new TaskPool({
      root,
      taskModule: path.join(root, "lib", "import", "off-thread", "conversion-tasks.ts"),
      size: CONVERSION_WORKERS,
      maxQueue: CONVERSION_QUEUE,
      timeLimitMs: CONVERSION_TIME_LIMIT_MS,
      resourceLimits: { maxOldGenerationSizeMb: CONVERSION_MEMORY_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
  }
  return global[POOL];
}

/** For pages about to send work (the import page): the worker starts while the editor chooses files. */
export function warmUpConversion(): void {
  conversionPool().warmUp();
}

/** A pasted text or uploaded file to its document and suggestions, in a worker thread. */
export function convertImportOffThread(source: ImportSource): Promise<ImportConversion> {
  return runInPool<ImportConversion>({ type: "import", source });
}

/** The suggestions for a revised text, in a worker thread; refused past the per-article cap. */
export function suggestOffThread(text: string, field?: string): Promise<ClaimCandidate[]> {
  return runInPool<ClaimCandidate[]>({ type: "suggest", text, field });
}

async function runInPool<T>(task: ConversionTask): Promise<T> {
  try {
    return await conversionPool().run<T>(task);
  } catch (error) {
    throw asOwnImportError(error);
  }
}

/**
 * The pool is shared by the whole process, but a bundler may give each route its own copy of
 * ImportError, and callers tell a refusal from a failure with `instanceof`. A refusal made by
 * another copy is rebuilt with this one, so it reaches the user as a message and not as a 500.
 */
export function asOwnImportError(error: unknown): unknown {
  if (error instanceof ImportError || !(error instanceof Error)) return error;
  return rebuildImportError(error) ?? error;
}

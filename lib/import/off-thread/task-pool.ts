import path from "node:path";
import type { ResourceLimits, Worker } from "node:worker_threads";
import { ImportError, rebuildImportError } from "../import-error";

export interface TaskPoolOptions {
  /** The repository's root: where task-worker.mjs, tsconfig.json and node_modules are found. */
  root: string;
  /** Absolute path of the TypeScript module whose `runTask(task)` each worker runs. */
  taskModule: string;
  /** Worker threads at most; each is started when first needed and replaced when it dies. */
  size: number;
  /** Tasks that may wait for a free worker; one more is refused as "busy". */
  maxQueue: number;
  /** A task still running after this is stopped by terminating its worker. */
  timeLimitMs: number;
  /** Per worker: a task that needs more memory kills its worker, never the server. */
  resourceLimits: ResourceLimits;
}

interface Job {
  task: unknown;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  jobId: number;
  timer: NodeJS.Timeout | null;
}

interface WorkerError {
  name: string;
  message: string;
  reason?: string;
  code?: string;
  params?: Record<string, string | number>;
  field?: string;
  stackOverflow?: boolean;
}

export const busyError = () =>
  new ImportError("busy", "libImport.limits.busy");
export const timedOutError = (ms: number) =>
  new ImportError("timed_out", "libImport.limits.timedOut", { params: { seconds: Math.round(ms / 1000) } });
export const tooComplexError = () =>
  new ImportError("too_complex", "libImport.limits.outOfMemory");

/**
 * A small pool of worker threads for work whose cost an untrusted input decides (converting,
 * sanitising, reading figures). The request thread only waits: a task that loops is terminated
 * at the time limit, one that allocates without end dies at its worker's memory limit, and a
 * burst beyond the queue is refused at once instead of piling up. A dead worker is replaced on
 * the next task.
 */
export class TaskPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextJobId = 0;

  constructor(private readonly options: TaskPoolOptions) {}

  run<T>(task: unknown): Promise<T> {
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(busyError());
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Stops every worker; queued tasks are refused. For tests and shutdown. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(busyError());
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  /**
   * Starts a worker if none is alive, so the first task does not wait for tsx to compile the
   * pipeline (seconds). Idle workers are unreferenced and never keep a process alive.
   */
  warmUp(): void {
    if (this.slots.length === 0) this.spawn();
  }

  /** Workers alive now (started or starting). */
  get workerCount(): number {
    return this.slots.length;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.ready && !slot.job) this.start(slot, this.queue.shift()!);
    }
    let starting = this.slots.filter((slot) => !slot.ready).length;
    while (this.queue.length > starting && this.slots.length < this.options.size) {
      this.spawn();
      starting++;
    }
  }

  private spawn(): void {
    const { root, taskModule, resourceLimits } = this.options;
    // Taken at run time rather than imported: a bundler that sees `new Worker(path)` follows the
    // path and tries to bundle the worker, tsx and esbuild's binary with it.
    const { Worker } = process.getBuiltinModule("node:worker_threads");
    const worker = new Worker(path.join(root, "lib", "import", "off-thread", "task-worker.mjs"), {
      workerData: { taskModule, tsconfig: path.join(root, "tsconfig.json") },
      resourceLimits,
    });
    const slot: Slot = { worker, ready: false, job: null, jobId: 0, timer: null };
    this.slots.push(slot);
    worker.on("message", (message) => this.onMessage(slot, message));
    worker.on("error", (error) => this.onError(slot, error));
    worker.on("exit", () => this.onExit(slot));
  }

  private start(slot: Slot, job: Job): void {
    slot.job = job;
    slot.jobId = ++this.nextJobId;
    // Referenced only while it works, so an idle pool never keeps a script or test run alive.
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      this.finish(slot)?.reject(timedOutError(this.options.timeLimitMs));
      this.retire(slot);
      this.dispatch();
    }, this.options.timeLimitMs);
    slot.worker.postMessage({ id: slot.jobId, task: job.task });
  }

  /** The slot's job, detached from it, or null when it has none. */
  private finish(slot: Slot): Job | null {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    return job;
  }

  private onMessage(slot: Slot, message: { ready?: true; id?: number; ok?: boolean; value?: unknown; error?: WorkerError }): void {
    if (message.ready) {
      slot.ready = true;
      slot.worker.unref();
      this.dispatch();
      return;
    }
    if (message.id !== slot.jobId || !slot.job) return;
    const job = this.finish(slot)!;
    if (message.ok) job.resolve(message.value);
    else job.reject(rebuild(message.error!));
    this.dispatch();
  }

  /** Out of the pool at once, so no task is given to a worker that is going away. */
  private retire(slot: Slot): void {
    this.slots = this.slots.filter((s) => s !== slot);
    void slot.worker.terminate();
  }

  private onError(slot: Slot, error: Error & { code?: string }): void {
    const job = this.finish(slot);
    this.slots = this.slots.filter((s) => s !== slot);
    if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
      job?.reject(tooComplexError());
    } else if (!slot.ready) {
      // The worker could not load its module: every task waiting would fail the same way.
      const failure = new Error(`The conversion worker could not start: ${error.message}`);
      job?.reject(failure);
      for (const waiting of this.queue.splice(0)) waiting.reject(failure);
    } else {
      job?.reject(new Error(`The conversion worker failed: ${error.message}`));
    }
  }

  private onExit(slot: Slot): void {
    this.finish(slot)?.reject(new Error("The conversion worker stopped unexpectedly."));
    this.slots = this.slots.filter((s) => s !== slot);
    this.dispatch();
  }
}

/** A refusal comes back as the ImportError it was; anything else as a plain error (a 500, logged). */
function rebuild(error: WorkerError): Error {
  if (error.stackOverflow) return tooComplexError();
  const refusal = rebuildImportError(error);
  if (refusal) return refusal;
  const rebuilt = new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

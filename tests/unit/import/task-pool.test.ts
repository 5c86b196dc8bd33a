import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ImportError } from "@/lib/import/import-error";
import { TaskPool, type TaskPoolOptions } from "@/lib/import/off-thread/task-pool";
import { REPO_ROOT } from "../../support/paths";
import type { PoolTestTask } from "../../support/pool-test-tasks";

// A real worker thread per pool (started through tsx, as under `next start`); each start takes a
// few seconds on a loaded machine, hence the generous timeouts.
const pools: TaskPool[] = [];
function pool(options: Partial<TaskPoolOptions> = {}): TaskPool & { task: <T>(t: PoolTestTask) => Promise<T> } {
  const created = new TaskPool({
    root: REPO_ROOT,
    taskModule: path.join(REPO_ROOT, "tests", "support", "pool-test-tasks.ts"),
    size: 1,
    maxQueue: 4,
    timeLimitMs: 15_000,
    resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
    ...options,
  });
  pools.push(created);
  return Object.assign(created, { task: <T>(t: PoolTestTask) => created.run<T>(t) });
}
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe("the conversion worker pool", () => {
  it("runs tasks in a worker thread, not this one, and reuses the worker", async () => {
    const p = pool();
    await expect(p.task({ type: "echo", value: "сәлем" })).resolves.toBe("сәлем");
    const first = await p.task<number>({ type: "threadId" });
    expect(first).toBeGreaterThan(0);
    await expect(p.task<number>({ type: "threadId" })).resolves.toBe(first);
    expect(p.workerCount).toBe(1);
  }, 60_000);

  it("stops a task at the time limit by terminating its worker, then serves the next task on a new one", async () => {
    const p = pool({ timeLimitMs: 1_500 });
    const before = await p.task<number>({ type: "threadId" });
    const error = await refusal(p.task({ type: "spin" }));
    expect(error.reason).toBe("timed_out");
    expect(error.message).toMatch(/took longer than 2 seconds.*nothing was stored/);
    const after = await p.task<number>({ type: "threadId" });
    expect(after).not.toBe(before);
  }, 60_000);

  it("refuses a task that exhausts its worker's memory, keeps this process alive and replaces the worker", async () => {
    const p = pool();
    const error = await refusal(p.task({ type: "allocate" }));
    expect(error.reason).toBe("too_complex");
    expect(error.message).toMatch(/more memory than any article/);
    await expect(p.task({ type: "echo", value: "after" })).resolves.toBe("after");
  }, 60_000);

  it("turns a stack overflow into the same refusal", async () => {
    const error = await refusal(pool().task({ type: "recurse" }));
    expect(error.reason).toBe("too_complex");
  }, 60_000);

  it("passes an ImportError back as itself, with its reason, message code, parameters and field, and any other error as a plain one", async () => {
    const p = pool();
    const error = await refusal(p.task({ type: "refuse" }));
    expect(error.reason).toBe("too_complex");
    expect(error.code).toBe("libImport.limits.tooDeep");
    expect(error.params).toEqual({ max: 200 });
    expect(error.field).toBe("text");
    const other = await p.task({ type: "throw" }).catch((e: unknown) => e);
    expect(other).not.toBeInstanceOf(ImportError);
    expect((other as Error).message).toBe("boom");
  }, 60_000);

  it("refuses at once as busy when the queue behind the worker is full, and runs the queued tasks", async () => {
    const p = pool({ maxQueue: 2, timeLimitMs: 2_000 });
    await p.task({ type: "echo", value: "warm" });
    const running = p.task({ type: "spin" }).catch((e: ImportError) => e.reason);
    const queued = [p.task({ type: "echo", value: "a" }), p.task({ type: "echo", value: "b" })];
    const refused = await refusal(p.task({ type: "echo", value: "c" }));
    expect(refused.reason).toBe("busy");
    await expect(running).resolves.toBe("timed_out");
    await expect(Promise.all(queued)).resolves.toEqual(["a", "b"]);
  }, 60_000);
});

describe("warming the pool up", () => {
  it("starts one worker ahead of the first task, and no second one when called again", async () => {
    const p = pool();
    p.warmUp();
    p.warmUp();
    expect(p.workerCount).toBe(1);
    const first = await p.task<number>({ type: "threadId" });
    await expect(p.task<number>({ type: "threadId" })).resolves.toBe(first);
    expect(p.workerCount).toBe(1);
  }, 60_000);
});

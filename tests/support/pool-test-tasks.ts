import { ImportError } from "@/lib/import/import-error";

// Tasks for tests/unit/import/task-pool.test.ts: each misbehaves the way a hostile input can.

export type PoolTestTask =
  | { type: "echo"; value: string }
  | { type: "spin" }
  | { type: "allocate" }
  | { type: "recurse" }
  | { type: "refuse" }
  | { type: "throw" }
  | { type: "threadId" };

function recurse(n: number): number {
  return recurse(n + 1) + 1;
}

export async function runTask(task: PoolTestTask): Promise<unknown> {
  switch (task.type) {
    case "echo":
      return task.value;
    case "spin":
      for (;;);
    case "allocate": {
      const hoard: string[][] = [];
      for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${hoard.length}`));
    }
    case "recurse":
      return recurse(0);
    case "refuse":
      throw new ImportError("too_complex", "libImport.limits.tooDeep", { params: { max: 200 }, field: "text" });
    case "throw":
      throw new TypeError("boom");
    case "threadId":
      return (await import("node:worker_threads")).threadId;
  }
}

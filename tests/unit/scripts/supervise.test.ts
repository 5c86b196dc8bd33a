import { EventEmitter } from "node:events";
import type { ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import type { RunningApp } from "@/scripts/support/next-server";
import { restartDelay, supervise } from "@/scripts/support/supervise";

/** A stand-in for `next start`: a child that "dies" when told to. */
function fakeApp(n: number) {
  const child = new EventEmitter() as unknown as ChildProcess;
  let stopped = false;
  const app: RunningApp & { die(code: number): void; stopped(): boolean } = {
    url: `http://localhost:${3000 + n}`,
    child,
    stop: async () => {
      stopped = true;
    },
    die: (code) => child.emit("exit", code, null),
    stopped: () => stopped,
  };
  return app;
}

const until = async (condition: () => boolean, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe("restartDelay", () => {
  it("doubles with each failure in a row and stops at the ceiling", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelay(n, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });
});

describe("supervise", () => {
  it("starts the app again after it dies, and the new one is the current one", async () => {
    const apps: ReturnType<typeof fakeApp>[] = [];
    const lines: string[] = [];
    const supervisor = await supervise({
      start: async () => {
        apps.push(fakeApp(apps.length));
        return apps.at(-1)!;
      },
      log: (line) => lines.push(line),
      firstDelayMs: 10,
    });
    apps[0].die(134);
    await until(() => apps.length === 2);
    await until(() => supervisor.current() === apps[1]);
    expect(supervisor.restarts()).toBe(1);
    expect(lines.join("\n")).toMatch(/stopped unexpectedly \(exit code 134\); PostgreSQL keeps running/);
    await supervisor.stop();
    expect(apps[1].stopped()).toBe(true);
  });

  it("retries a start that fails, waiting longer each time", async () => {
    let attempts = 0;
    const startedAt: number[] = [];
    const first = fakeApp(0);
    const supervisor = await supervise({
      start: async () => {
        attempts += 1;
        startedAt.push(Date.now());
        if (attempts === 1) return first;
        if (attempts < 4) throw new Error("not yet");
        return fakeApp(attempts);
      },
      log: () => undefined,
      firstDelayMs: 20,
    });
    first.die(1);
    await until(() => supervisor.current() !== undefined && supervisor.current() !== first);
    expect(attempts).toBe(4);
    // Pauses of 20, 40 and 80 ms: each wait is at least the one before it.
    const gaps = startedAt.slice(1).map((t, i) => t - startedAt[i]);
    expect(gaps[2]).toBeGreaterThanOrEqual(gaps[0]);
    expect(gaps[2]).toBeGreaterThanOrEqual(70);
    await supervisor.stop();
  });

  it("does not restart an app that was stopped on purpose, nor one that dies while stopping", async () => {
    let starts = 0;
    const app = fakeApp(0);
    const supervisor = await supervise({
      start: async () => {
        starts += 1;
        return app;
      },
      log: () => undefined,
      firstDelayMs: 10,
    });
    await supervisor.stop();
    app.die(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(starts).toBe(1);
  });

  it("gives up a pending restart when stopped during the pause", async () => {
    let starts = 0;
    const app = fakeApp(0);
    const supervisor = await supervise({
      start: async () => {
        starts += 1;
        return app;
      },
      log: () => undefined,
      firstDelayMs: 30,
    });
    app.die(1);
    await supervisor.stop();
    await new Promise((r) => setTimeout(r, 80));
    expect(starts).toBe(1);
  });
});

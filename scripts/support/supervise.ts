import type { RunningApp } from "./next-server";

/**
 * Keeps the app running: when it dies (out of memory, a crash), it is started again after a
 * pause that doubles with each failure in a row, so a crash loop does not burn the machine, and
 * that is forgiven once the app has stayed up a while. PostgreSQL is not touched meanwhile.
 */
export interface SuperviseOptions {
  start(): Promise<RunningApp>;
  log(line: string): void;
  /** Pause before the first restart; doubles up to maxDelayMs. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Up this long, the app counts as healthy again and the next pause is the first one. */
  stableAfterMs?: number;
}

export interface Supervisor {
  /** The app running now (it changes after a restart). */
  current(): RunningApp | undefined;
  restarts(): number;
  stop(): Promise<void>;
}

export function restartDelay(failuresInARow: number, firstDelayMs: number, maxDelayMs: number): number {
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.max(0, failuresInARow - 1));
}

export async function supervise(options: SuperviseOptions): Promise<Supervisor> {
  const firstDelayMs = options.firstDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  let app: RunningApp | undefined;
  let stopping = false;
  let restarts = 0;
  let failuresInARow = 0;
  let wake: (() => void) | undefined;
  let pause: ReturnType<typeof setTimeout> | undefined;

  const watch = (running: RunningApp) => {
    const startedAt = Date.now();
    running.child.once("exit", (code, signal) => {
      if (stopping) return;
      app = undefined;
      if (Date.now() - startedAt >= stableAfterMs) failuresInARow = 0;
      failuresInARow += 1;
      options.log(`The app stopped unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`}); PostgreSQL keeps running.`);
      void restartLoop();
    });
  };

  const restartLoop = async () => {
    while (!stopping) {
      const delay = restartDelay(failuresInARow, firstDelayMs, maxDelayMs);
      options.log(`Restarting the app in ${(delay / 1000).toFixed(1)} s…`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        pause = setTimeout(resolve, delay);
      });
      if (stopping) return;
      try {
        const running = await options.start();
        if (stopping) {
          await running.stop();
          return;
        }
        app = running;
        restarts += 1;
        options.log(`The app is back at ${running.url}.`);
        watch(running);
        return;
      } catch (error) {
        failuresInARow += 1;
        options.log(`The app did not start again: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };

  app = await options.start();
  watch(app);
  return {
    current: () => app,
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      clearTimeout(pause);
      wake?.();
      await app?.stop();
    },
  };
}

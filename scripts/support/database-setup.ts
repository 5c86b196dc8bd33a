import path from "node:path";
import { grantAppRole, roleOf } from "@/lib/db/app-role";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { migrate, type MigrateResult } from "@/lib/db/migrate";

export const APP_DATABASE = "derek";

/**
 * Creates the app's database on an embedded server if needed, applies pending migrations as the
 * owner (`ownerUrl`, else DATABASE_OWNER_URL, else `url` itself), and, when the app connects as
 * another role, grants that role what it needs on whatever the migrations created.
 */
export async function prepareDatabase(options: { root: string; url: string; ownerUrl?: string; adminUrl?: string }): Promise<MigrateResult> {
  const ownerUrl = options.ownerUrl ?? process.env.DATABASE_OWNER_URL ?? options.url;
  if (options.adminUrl) await ensureDatabase(options.adminUrl, APP_DATABASE);
  const result = await migrate(ownerUrl, path.join(options.root, "prisma", "migrations"));
  if (roleOf(ownerUrl) !== roleOf(options.url)) await grantAppRole(ownerUrl, roleOf(options.url));
  return result;
}

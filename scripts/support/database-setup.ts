import path from "node:path";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { migrate, type MigrateResult } from "@/lib/db/migrate";

export const APP_DATABASE = "derek";

/** Creates the app's database on an embedded server if needed, then applies pending migrations. */
export async function prepareDatabase(options: { root: string; url: string; adminUrl?: string }): Promise<MigrateResult> {
  if (options.adminUrl) await ensureDatabase(options.adminUrl, APP_DATABASE);
  return migrate(options.url, path.join(options.root, "prisma", "migrations"));
}

/**
 * A database for a benchmark that calls lib/ in-process, without the app: its own embedded
 * PostgreSQL (or TEST_DATABASE_URL's server), a copy of the migrated template, DATABASE_URL set
 * for the app's Prisma client, and a plain connection for EXPLAIN and data checks. Everything is
 * registered in the Cleanup, so it stops on failure and on Ctrl-C too.
 */
import pg from "pg";
import { disconnectDb } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { startTestPostgres, TEMPLATE_DATABASE } from "../../tests/support/test-postgres";
import type { Cleanup } from "./stack";

export interface BenchDatabase {
  databaseUrl: string;
  /** The server's maintenance database, for connections that watch the whole server. */
  adminUrl: string;
  /** A connection of its own, outside the Prisma client's pool. */
  explainer: pg.Client;
}

export async function startBenchDatabase(cleanup: Cleanup, log: (line: string) => void, database: string): Promise<BenchDatabase> {
  log("Starting PostgreSQL…");
  const postgres = await startTestPostgres();
  cleanup.add("PostgreSQL", () => postgres.stop());
  await ensureDatabase(postgres.adminUrl, database, TEMPLATE_DATABASE);
  const databaseUrl = postgres.urlFor(database);
  process.env.DATABASE_URL = databaseUrl;
  cleanup.add("the Prisma client", () => disconnectDb());

  const explainer = new pg.Client({ connectionString: databaseUrl });
  await explainer.connect();
  cleanup.add("the EXPLAIN connection", () => explainer.end());
  return { databaseUrl, adminUrl: postgres.adminUrl, explainer };
}

/** The server's settings that explain a figure (memory, planner costs), in readable units. */
export async function postgresSettings(client: pg.Client, names: readonly string[]): Promise<Record<string, string>> {
  const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1::text[])`,
    [names],
  );
  return Object.fromEntries(
    rows.map((r) => [r.name, r.unit === "8kB" ? `${(Number(r.setting) * 8) / 1024} MB` : r.unit === "kB" ? `${Number(r.setting) / 1024} MB` : r.setting]),
  );
}

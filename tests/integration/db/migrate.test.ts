import { cp, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it, inject } from "vitest";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { migrate, MigrationChecksumError, readMigrations } from "@/lib/db/migrate";
import { dropDatabase } from "../../support/test-postgres";
import { MIGRATIONS_DIR } from "../../support/paths";

const adminUrl = inject("postgresAdminUrl");
const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `derek_migrate_${created.length}_${process.pid}`;
  created.push(name);
  await dropDatabase(adminUrl, name);
  await ensureDatabase(adminUrl, name);
  return inject("postgresUrlTemplate").replace("{db}", name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "derek-migrations-"));
  await cp(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

afterAll(async () => {
  for (const name of created) await dropDatabase(adminUrl, name);
});

describe("migrate", () => {
  it("applies every migration once and records it the way Prisma does", async () => {
    const url = await emptyDatabase();
    const all = (await readMigrations(MIGRATIONS_DIR)).map((m) => m.name);
    const first = await migrate(url, MIGRATIONS_DIR);
    expect(first.applied).toEqual(all);
    const second = await migrate(url, MIGRATIONS_DIR);
    expect(second).toEqual({ applied: [], alreadyApplied: all });

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = await readMigrations(MIGRATIONS_DIR);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(files.map((f) => [f.name, f.checksum, 1]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it("lets only one of several simultaneous starts apply the migrations", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url, MIGRATIONS_DIR), migrate(url, MIGRATIONS_DIR), migrate(url, MIGRATIONS_DIR)]);
    const appliedCounts = results.map((r) => r.applied.length).sort();
    expect(appliedCounts.slice(0, 2)).toEqual([0, 0]);
    expect(appliedCounts[2]).toBeGreaterThan(0);
  });

  it("stops with the file's name when an applied migration was changed", async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, dir);
    const [first] = await readMigrations(dir);
    await writeFile(first.file, `${first.sql}\n-- edited afterwards\n`);
    const error = await migrate(url, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationChecksumError);
    expect((error as Error).message).toContain(first.file);
  });

  it("rolls a failing migration back whole and does not record it", async () => {
    const url = await emptyDatabase();
    const dir = await copyOfMigrations();
    await migrate(url, dir);
    const broken = path.join(dir, "29990101000000_broken");
    await cp(path.join(dir, (await readMigrations(dir))[0].name), broken, { recursive: true });
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "HalfDone" (id int);\nSELECT no_such_function();\n`);
    await expect(migrate(url, dir)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    const tables = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'HalfDone'`);
    expect(tables[0].n).toBe(0);
    const recorded = await query<{ n: number }>(url, `SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
    expect(recorded[0].n).toBe(0);
  });

  it("makes the audit trail append-only in the database itself", async () => {
    const url = await emptyDatabase();
    await migrate(url, MIGRATIONS_DIR);
    await query(url, `INSERT INTO "AuditEvent" (action, "entityType", "entityId") VALUES ('test', 'Test', '1')`);
    await expect(query(url, `UPDATE "AuditEvent" SET action = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(query(url, `DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(query(url, `TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    const rows = await query<{ action: string }>(url, `SELECT action FROM "AuditEvent"`);
    expect(rows).toEqual([{ action: "test" }]);
  });
});

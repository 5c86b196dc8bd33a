import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { closeExportPool, getExportPool } from "@/lib/export/export-pool";

/**
 * PostgreSQL ending an idle connection (a restart, an administrator, an idle timeout) must cost
 * the app nothing but a reconnect: a pool without an `error` listener turns it into an uncaught
 * exception that ends the process (vitest fails the run on one).
 */
async function terminateIdle(applicationName: string): Promise<number> {
  const admin = new pg.Client({ connectionString: inject("postgresAdminUrl") });
  await admin.connect();
  try {
    const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    const { rows } = await admin.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
        WHERE datname = $1 AND application_name = $2 AND state = 'idle'`,
      [database, applicationName],
    );
    return rows.filter((row) => row.ended).length;
  } finally {
    await admin.end();
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

afterAll(() => closeExportPool());

describe("a connection PostgreSQL ends while idle", () => {
  it("the app's pool, as the sign-in limiter uses it, drops it and the next query reconnects", async () => {
    await getPool().query("SELECT 1");
    expect(await terminateIdle("derek")).toBeGreaterThan(0);
    await settle();
    const { rows } = await getPool().query<{ one: number }>("SELECT 1 AS one");
    expect(rows[0].one).toBe(1);
  });

  it("the export pool drops it and the next query reconnects", async () => {
    await getExportPool().query("SELECT 1");
    expect(await terminateIdle("derek-export")).toBeGreaterThan(0);
    await settle();
    const { rows } = await getExportPool().query<{ one: number }>("SELECT 1 AS one");
    expect(rows[0].one).toBe(1);
  });

  it("the Prisma client, on the same pool, gets a new connection after it", async () => {
    await db.$queryRaw`SELECT 1`;
    expect(await terminateIdle("derek")).toBeGreaterThan(0);
    await settle();
    const rows = await db.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
    expect(rows[0].one).toBe(1);
  });
});

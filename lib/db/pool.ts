import pg from "pg";

const globalForPool = globalThis as unknown as { derekPool?: pg.Pool; derekReadPool?: pg.Pool };

/**
 * The app's PostgreSQL pool: the Prisma client (./client.ts) runs on it, and so do the libraries
 * that speak to PostgreSQL directly (the sign-in rate limiter). Exports stream from a pool of
 * their own, lib/export/export-pool.ts, for the reason written there. Created on first use, so
 * that `next build` and scripts that never touch the database do not need DATABASE_URL.
 */
export function getPool(): pg.Pool {
  if (!globalForPool.derekPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    // pg's default size (10), which the Prisma adapter's own pool had.
    const pool = new pg.Pool({ connectionString: url, application_name: "derek" });
    // Without a listener, an idle connection that PostgreSQL ends (a restart, an idle timeout)
    // raises an uncaught exception and takes the whole app down. The pool drops that connection
    // and the next query opens a new one; saying so in the log makes a restart visible.
    pool.on("error", (error) => console.error("Database pool: connection lost:", error.message));
    globalForPool.derekPool = pool;
  }
  return globalForPool.derekPool;
}

/**
 * Where reads that may lag the primary go (the ledger, its charts, exports, backups): the replica
 * DATABASE_READ_URL names, else the primary itself. Everything that writes, and every read that
 * must see the person's own latest write, uses DATABASE_URL.
 */
export function readDatabaseUrl(): string {
  const url = process.env.DATABASE_READ_URL?.trim() || process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  return url;
}

/** Whether reads that may lag have a server of their own. */
export function hasReadReplica(): boolean {
  return Boolean(process.env.DATABASE_READ_URL?.trim());
}

/**
 * The pool for reads that may lag (see readDatabaseUrl); the app's pool when there is no replica.
 * Its sessions are read-only whatever the server: a write sent here by mistake fails loudly
 * ("cannot execute … in a read-only transaction") even when the URL names the primary, instead of
 * working until the day it names a replica.
 */
export function getReadPool(): pg.Pool {
  if (!hasReadReplica()) return getPool();
  if (!globalForPool.derekReadPool) {
    const pool = new pg.Pool({ connectionString: readDatabaseUrl(), application_name: "derek-read", options: "-c default_transaction_read_only=on" });
    // As the app's pool: a replica's restart or failover must not take the app down.
    pool.on("error", (error) => console.error("Read pool: connection lost:", error.message));
    globalForPool.derekReadPool = pool;
  }
  return globalForPool.derekReadPool;
}

export async function closePool(): Promise<void> {
  await globalForPool.derekPool?.end();
  globalForPool.derekPool = undefined;
  await globalForPool.derekReadPool?.end();
  globalForPool.derekReadPool = undefined;
}

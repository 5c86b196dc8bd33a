import pg from "pg";

const globalForPool = globalThis as unknown as { derekPool?: pg.Pool };

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

export async function closePool(): Promise<void> {
  await globalForPool.derekPool?.end();
  globalForPool.derekPool = undefined;
}

import pg from "pg";

const globalForPool = globalThis as unknown as { derekPool?: pg.Pool };

/**
 * A small node-postgres pool for the few libraries that speak to PostgreSQL directly (the
 * sign-in rate limiter). Everything else goes through the Prisma client in ./client.ts.
 */
export function getPool(): pg.Pool {
  if (!globalForPool.derekPool) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const pool = new pg.Pool({ connectionString: url, max: 3, application_name: "derek-limiter" });
    // Without a listener, an idle connection that PostgreSQL ends (a restart, an idle timeout)
    // raises an uncaught exception and takes the whole app down. The pool drops that connection
    // and the next query opens a new one.
    pool.on("error", (error) => console.error("Sign-in limiter pool: connection lost:", error.message));
    globalForPool.derekPool = pool;
  }
  return globalForPool.derekPool;
}

export async function closePool(): Promise<void> {
  await globalForPool.derekPool?.end();
  globalForPool.derekPool = undefined;
}

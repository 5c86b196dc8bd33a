import pg from "pg";
import { readDatabaseUrl } from "@/lib/db/pool";

const globalForPool = globalThis as unknown as { derekExportPool?: pg.Pool };

/** Exports running at once; one more waits up to EXPORT_WAIT_MS for a connection, then is refused. */
export const EXPORT_CONNECTIONS = 3;
export const EXPORT_WAIT_MS = 10_000;

/** Exports and backups read one snapshot and write nothing: the replica's work when there is one. */
function exportDatabaseUrl(): string {
  return readDatabaseUrl();
}

/**
 * A pool of its own for exports, the one exception to the app's single pool (lib/db/pool.ts). An
 * export holds its connection for as long as the file takes to download (a slow client can make
 * that minutes), and this pool's size is what caps exports at EXPORT_CONNECTIONS. Measured
 * (tests/integration, the same machine): with downloads stalled after their first chunk, a page's
 * query on the app's pool answered in 9.1 ms beside three stalled exports here (10.4 ms idle);
 * with the exports streaming from the app's pool instead, ten stalled downloads took all ten
 * connections and the page's query had no answer after 5 s: every page waits for a download.
 */
export function getExportPool(): pg.Pool {
  if (!globalForPool.derekExportPool) {
    const url = exportDatabaseUrl();
    const pool = new pg.Pool({ connectionString: url, max: EXPORT_CONNECTIONS, connectionTimeoutMillis: EXPORT_WAIT_MS, application_name: "derek-export" });
    // An idle connection the server ends (a restart, an idle timeout) must not crash the app;
    // the pool drops it and the next export opens a new one.
    pool.on("error", (error) => console.error("Export pool connection lost", error.message));
    globalForPool.derekExportPool = pool;
  }
  return globalForPool.derekExportPool;
}

export async function closeExportPool(): Promise<void> {
  await globalForPool.derekExportPool?.end();
  globalForPool.derekExportPool = undefined;
}

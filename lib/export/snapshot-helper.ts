import type pg from "pg";

/**
 * A second connection reading the snapshot of `client`'s transaction (`pg_export_snapshot`, which a
 * standby serves too), so an export can ask two things of one snapshot at once. Only a connection
 * the pool has free now: a helper is a shortcut, never a reason to wait behind other exports. Null
 * when there is none, or when it cannot join the snapshot; the caller then asks on `client`, one
 * thing after the other.
 *
 * The helper's statements run without parallel workers: it works beside the export's own backend,
 * and workers of its own would take the core that backend is using.
 *
 * The caller must `end()` it: the helper commits its read-only transaction and goes back to the pool.
 */
export async function snapshotHelper(pool: pg.Pool, client: pg.ClientBase): Promise<SnapshotHelper | null> {
  if (pool.idleCount === 0 && pool.totalCount >= (pool.options.max ?? 10)) return null;
  const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
  let helper: pg.PoolClient;
  try {
    helper = await pool.connect();
  } catch {
    return null;
  }
  try {
    await helper.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await helper.query(`SET TRANSACTION SNAPSHOT ${helper.escapeLiteral(rows[0].snapshot)}`);
    await helper.query("SET LOCAL max_parallel_workers_per_gather = 0");
  } catch (error) {
    // A shortcut that failed is not a failed export: the caller asks on its own connection.
    helper.release(error instanceof Error ? error : true);
    console.error("An export's second connection could not join its snapshot", error instanceof Error ? error.message : error);
    return null;
  }
  return new SnapshotHelper(helper);
}

/**
 * A helper connection's work, one piece after another: a pg client must not be sent a statement
 * while another is running, and two callers (the count, the writer) share this one.
 */
export class SnapshotHelper {
  private queue: Promise<unknown> = Promise.resolve();
  private ended = false;

  constructor(readonly client: pg.PoolClient) {}

  /** Runs `work` on the helper once what was asked before has settled; refused once it has ended. */
  run<T>(work: (client: pg.ClientBase) => Promise<T>): Promise<T> {
    if (this.ended) return Promise.reject(new Error("The export's second connection has been given back"));
    const result = this.queue.then(() => work(this.client));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Commits and gives the connection back, after the work asked so far (a failed one drops it). */
  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.queue;
    try {
      await this.client.query("COMMIT");
      this.client.release();
    } catch (error) {
      this.client.release(error instanceof Error ? error : true);
    }
  }
}

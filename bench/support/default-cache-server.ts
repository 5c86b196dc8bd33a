/**
 * A second PostgreSQL, with PostgreSQL's own default buffer cache (128 MB) instead of the one the
 * embedded server sizes to the machine, holding a copy of one table: for a ceiling measured both
 * ways. A sequential scan of a table larger than a quarter of the cache reads it through a small
 * ring of buffers, and on this machine that made the same COPY about a third faster than reading
 * it from a cache that holds all of it: the fastest the machine does is the faster of the two.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import type { Cleanup } from "./stack";

const DEFAULT_SHARED_BUFFERS_MB = 128;

/** Starts the server, copies `table` from `source` into it, and returns its URL. */
export async function defaultCacheCopyOf(cleanup: Cleanup, source: pg.Client, table: string): Promise<string> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "derek-bench-default-cache-"));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false, sharedBuffersMb: DEFAULT_SHARED_BUFFERS_MB });
  cleanup.add("the PostgreSQL with the default buffer cache", async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
  const url = server.urlFor("postgres");
  // Columns of the app's enum types become text, which the server without them has: their labels
  // are what COPY writes either way, and their binary form is the label's text.
  const { rows } = await source.query<{ columns: string }>(
    `SELECT string_agg(format('%I %s', a.attname, CASE WHEN t.typnamespace = 'pg_catalog'::regnamespace THEN format_type(a.atttypid, a.atttypmod) ELSE 'text' END), ', ' ORDER BY a.attnum) AS columns
       FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
      WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [table],
  );
  const target = new pg.Client({ connectionString: url });
  await target.connect();
  try {
    await target.query(`CREATE TABLE ${table} (${rows[0].columns})`);
    await pipeline(source.query(copyTo(`COPY ${table} TO STDOUT (FORMAT binary)`)), target.query(copyFrom(`COPY ${table} FROM STDIN (FORMAT binary)`)));
    await target.query(`VACUUM ANALYZE ${table}`);
  } finally {
    await target.end();
  }
  return url;
}

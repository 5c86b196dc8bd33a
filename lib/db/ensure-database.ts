import pg from "pg";

/** Creates `database` on the server behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (rowCount) return;
    const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from} ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
}

/** Connects once and says in one sentence why it could not, naming the host. */
export async function checkDatabaseReachable(url: string, variable = "DATABASE_URL"): Promise<void> {
  let host = "(unparsable URL)";
  try {
    const parsed = new URL(url);
    host = `${parsed.hostname}:${parsed.port || "5432"}`;
  } catch {
    throw new Error(`${variable} is not a valid PostgreSQL URL (expected postgresql://user:password@host:port/database)`);
  }
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    throw new Error(`Cannot reach PostgreSQL at ${host}: ${reason}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

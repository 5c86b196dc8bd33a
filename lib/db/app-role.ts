import pg from "pg";

/**
 * The app connects as a role that owns nothing: it reads and writes rows, and on the audit trail
 * it may only add and read. A superuser could `SET session_replication_role = replica` to silence
 * the append-only trigger and rewrite history; an owner could drop the trigger. Migrations run as
 * the owner (DATABASE_OWNER_URL, or the embedded cluster's superuser).
 */
export const APP_ROLE = "derek_app";

/** The table whose rows the app may add and read but never change or remove. */
export const AUDIT_TABLE = "AuditEvent";

/** Tables the app has no business touching at all. */
const OWNER_ONLY_TABLES = ["_prisma_migrations"];

/** The role a PostgreSQL URL connects as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates the app's login role on a server we administer (the embedded one), or sets its
 * password if it exists. It can create nothing: no databases, no roles, no replication.
 */
export async function ensureAppRole(adminUrl: string, role: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const name = pg.escapeIdentifier(role);
    const secret = pg.escapeLiteral(password);
    const attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT";
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
    if (rowCount) await client.query(`ALTER ROLE ${name} WITH ${attributes} PASSWORD ${secret}`);
    else await client.query(`CREATE ROLE ${name} WITH ${attributes} PASSWORD ${secret}`);
  } finally {
    await client.end();
  }
}

/**
 * Gives `role` exactly what the app needs in the database behind `ownerUrl`, connected as the
 * role that owns the schema. Run after every migration: it is idempotent, and the default
 * privileges cover the tables and sequences later migrations create.
 */
export async function grantAppRole(ownerUrl: string, role: string): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const to = pg.escapeIdentifier(role);
    const { rows } = await client.query<{ database: string }>("SELECT current_database() AS database");
    const database = pg.escapeIdentifier(rows[0].database);
    await client.query("BEGIN");
    await client.query(`GRANT CONNECT ON DATABASE ${database} TO ${to}`);
    await client.query(`REVOKE CREATE ON DATABASE ${database} FROM ${to}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${to}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM ${to}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${to}`);
    await client.query(`REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${to}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${to}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${to}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${to}`);
    await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${pg.escapeIdentifier(AUDIT_TABLE)} FROM ${to}`);
    for (const table of OWNER_ONLY_TABLES) {
      const { rowCount } = await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = $1", [table]);
      if (rowCount) await client.query(`REVOKE ALL ON ${pg.escapeIdentifier(table)} FROM ${to}`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

export interface RoleStanding {
  role: string;
  superuser: boolean;
  /** Tables of the public schema this role owns (or may act as the owner of). */
  ownedTables: number;
}

/** What the role behind `url` may do beyond reading and writing rows. */
export async function roleStanding(url: string): Promise<RoleStanding> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; owned: string }>(
      `SELECT current_user AS role,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND pg_has_role(current_user, tableowner, 'USAGE')) AS owned`,
    );
    return { role: rows[0].role, superuser: rows[0].superuser, ownedTables: Number(rows[0].owned) };
  } finally {
    await client.end();
  }
}

/** One sentence when the app would connect with more rights than it needs, otherwise null. */
export function overPrivilegedWarning(standing: RoleStanding): string | null {
  if (!standing.superuser && standing.ownedTables === 0) return null;
  const what = standing.superuser ? "a superuser" : "the owner of Derek's tables";
  return (
    `DATABASE_URL connects as ${standing.role}, ${what}, so nothing in the database stops a rewrite of the audit trail: ` +
    "set DATABASE_OWNER_URL to the owner and DATABASE_URL to a role that owns nothing (README, \"Database roles\")."
  );
}

/**
 * `npm start`: one command from a fresh clone to a running workbench. Starts an embedded
 * PostgreSQL under .data/ (unless DATABASE_URL names another), migrates, seeds, builds if needed,
 * and serves the app until Ctrl-C, which stops both cleanly. The app is restarted if it dies.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isPortFree, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { checkDatabaseReachable } from "@/lib/db/ensure-database";
import { overPrivilegedWarning, roleStanding } from "@/lib/db/app-role";
import { disconnectDb } from "@/lib/db/client";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";
import { seedDatabase } from "@/lib/seed/seed-database";
import { APP_DATABASE, prepareDatabase } from "./support/database-setup";
import { buildIfNeeded } from "./support/next-build";
import { DEFAULT_HOST, startNextServer } from "./support/next-server";
import { supervise, type Supervisor } from "./support/supervise";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DATA_DIR = path.join(ROOT, ".data");
const log = (line: string) => console.log(`[derek] ${line}`);

async function loadOrCreateSecret(): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(DATA_DIR, "nextauth-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  log(`Generated a session secret in ${path.relative(ROOT, file)} (set NEXTAUTH_SECRET to use your own).`);
  return secret;
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST || DEFAULT_HOST;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  if (!(await isPortFree(port))) throw new Error(`Port ${port} is already in use. Stop what runs there or set PORT, e.g. PORT=3001 npm start`);

  await mkdir(DATA_DIR, { recursive: true });
  let postgres: RunningPostgres | undefined;
  let app: Supervisor | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    await app?.stop();
    await disconnectDb();
    await postgres?.stop();
    log("Stopped.");
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (databaseUrl) {
      const ownerUrl = process.env.DATABASE_OWNER_URL;
      log(`Using the PostgreSQL named by DATABASE_URL${ownerUrl ? " (migrations as DATABASE_OWNER_URL's role)" : ""}.`);
      await checkDatabaseReachable(databaseUrl);
      if (ownerUrl) await checkDatabaseReachable(ownerUrl, "DATABASE_OWNER_URL");
      await prepareDatabase({ root: ROOT, url: databaseUrl, ownerUrl });
      const warning = overPrivilegedWarning(await roleStanding(databaseUrl));
      if (warning) log(`Warning: ${warning}`);
    } else {
      log("Starting the embedded PostgreSQL (data in .data/postgres)…");
      postgres = await startEmbeddedPostgres({ dataDir: path.join(DATA_DIR, "postgres"), persistent: true });
      const relocated = path.join(DATA_DIR, "postgres", "cluster-location.txt");
      if (existsSync(relocated))
        log(`Its cluster is in ${(await readFile(relocated, "utf8")).trim()}: as root it runs as the postgres user, who cannot enter this folder.`);
      databaseUrl = postgres.appUrlFor(APP_DATABASE);
      await prepareDatabase({ root: ROOT, url: databaseUrl, ownerUrl: postgres.urlFor(APP_DATABASE), adminUrl: postgres.adminUrl });
    }
    process.env.DATABASE_URL = databaseUrl;

    const seeded = await seedDatabase({ seedTextsDir: path.join(ROOT, "seed-texts") });
    if (seeded.usersCreated || seeded.articlesCreated)
      log(`Seeded ${seeded.usersCreated} demo accounts and ${seeded.articlesCreated} articles.`);
    await disconnectDb();

    const secret = await loadOrCreateSecret();
    // `npm test` type-checks; the first start should not wait for it again.
    await buildIfNeeded(ROOT, log, { typeCheck: false });
    const env = { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}` };
    app = await supervise({ start: () => startNextServer({ root: ROOT, port, host, env }), log });

    console.log(`\n  Derek is running at ${app.current()!.url}${host === DEFAULT_HOST ? " (this machine only; set HOST to serve others)" : ""}\n`);
    console.log("  Demo sign-ins:");
    for (const account of DEMO_ACCOUNTS) console.log(`    ${account.role.padEnd(8)} ${account.email.padEnd(24)} ${account.password}`);
    console.log("\n  Press Ctrl-C to stop.\n");
  } catch (error) {
    console.error(`[derek] ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  console.error(`[derek] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

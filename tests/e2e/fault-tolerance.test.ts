import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantAppRole } from "@/lib/db/app-role";
import { disconnectDb } from "@/lib/db/client";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "@/lib/db/embedded-postgres";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { migrate } from "@/lib/db/migrate";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo-accounts";
import { seedDatabase } from "@/lib/seed/seed-database";
import { startNextServer, type RunningApp } from "../../scripts/support/next-server";
import { failSignInOverHttp, importTextOverHttp, signInOverHttp, type CookieJar } from "../support/app-http";
import { MIGRATIONS_DIR, REPO_ROOT, SEED_TEXTS_DIR } from "../support/paths";

/**
 * Durability and recovery, proven on a stack of its own (its own PostgreSQL and `next start`, on
 * the build the e2e setup made), so the faults never touch the other e2e files' app:
 * - the app killed with SIGKILL in the middle of a stream of writes: every write it acknowledged
 *   is stored;
 * - PostgreSQL restarted under load: the same app process answers again, without a restart.
 * Local only (127.0.0.1) and bounded: each part stops after a fixed number of writes or seconds.
 */
const WRITES_BEFORE_FAULT = 100;
const WRITERS = 4;
const DATABASE = "derek";
const editor = DEMO_ACCOUNTS.find((account) => account.role === "EDITOR")!;

let dataDir: string;
let postgres: RunningPostgres;
let app: RunningApp | undefined;
let appPort: number;
let appEnv: NodeJS.ProcessEnv;

const baseUrl = () => `http://127.0.0.1:${appPort}`;
/** What the app printed, for errors it survived but should never have raised. */
let appOutput = "";
const startApp = () => startNextServer({ root: REPO_ROOT, port: appPort, host: "127.0.0.1", env: appEnv, onOutput: (text) => (appOutput += text) });

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "derek-fault-pg-"));
  // Persistent: a restart must find the same cluster; the folder is removed at the end.
  postgres = await startEmbeddedPostgres({ dataDir, persistent: true });
  await ensureDatabase(postgres.adminUrl, DATABASE);
  await migrate(postgres.urlFor(DATABASE), MIGRATIONS_DIR);
  await grantAppRole(postgres.urlFor(DATABASE), "derek_app");
  process.env.DATABASE_URL = postgres.appUrlFor(DATABASE);
  await seedDatabase({ seedTextsDir: SEED_TEXTS_DIR });
  await disconnectDb();
  appPort = await findFreePort();
  appEnv = {
    ...process.env,
    DATABASE_URL: postgres.appUrlFor(DATABASE),
    NEXTAUTH_SECRET: "fault-test-secret-not-for-production",
    NEXTAUTH_URL: `http://127.0.0.1:${appPort}`,
  };
  app = await startApp();
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await postgres?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Texts no other write uses, so each acknowledged write is one article. */
const uniqueText = () => `Ақауға төзімділік сынағы: мақала ${randomUUID()}.\n\nМәтін өзгермей сақталуы керек.`;

interface Load {
  acknowledged: Map<string, string>;
  readonly failed: number;
  stop(): Promise<void>;
}

/**
 * WRITERS writers importing texts as fast as the app takes them, until stopped; with `signIns`,
 * one more client failing to sign in every 100 ms, which keeps the sign-in limiter's pool busy.
 */
function startLoad(jar: CookieJar, options: { signIns?: boolean } = {}): Load {
  const acknowledged = new Map<string, string>();
  let running = true;
  let failed = 0;
  const writer = async () => {
    while (running) {
      const text = uniqueText();
      try {
        const id = await importTextOverHttp(baseUrl(), jar, text, 10_000);
        if (id) acknowledged.set(id, text);
        else failed += 1;
      } catch {
        failed += 1;
        // The app or its database is down: try again shortly, as a user would.
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
  const signIns = async () => {
    while (running) {
      await failSignInOverHttp(baseUrl(), `nobody-${randomUUID()}@fault.test`).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const writers = [...Array.from({ length: WRITERS }, writer), ...(options.signIns ? [signIns()] : [])];
  return {
    acknowledged,
    get failed() {
      return failed;
    },
    stop: async () => {
      running = false;
      await Promise.all(writers);
    },
  };
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string, load?: Load): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs)
      throw new Error(`${what} did not happen within ${timeoutMs / 1000} s${load ? ` (${load.acknowledged.size} acknowledged, ${load.failed} failed)` : ""}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - started;
}

async function storedTexts(ids: string[]): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: postgres.urlFor(DATABASE) });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; bodyText: string }>(`SELECT id, "bodyText" FROM "Article" WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((row) => [row.id, row.bodyText]));
  } finally {
    await client.end();
  }
}

async function healthy(): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl()}/api/health`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

describe("faults", () => {
  it("kill -9 of the app in the middle of writes: every acknowledged write is stored", async () => {
    const jar = await signInOverHttp(baseUrl(), editor.email, editor.password);
    const load = startLoad(jar);
    await waitFor(() => load.acknowledged.size >= WRITES_BEFORE_FAULT, 30_000, `${WRITES_BEFORE_FAULT} acknowledged writes`, load);
    // Writes are in flight at this moment: those are never acknowledged, and may or may not be stored.
    app!.child.kill("SIGKILL");
    await new Promise((resolve) => app!.child.once("exit", resolve));
    await load.stop();
    const acknowledged = [...load.acknowledged];

    const restartStarted = performance.now();
    app = await startApp();
    const restartMs = performance.now() - restartStarted;

    const stored = await storedTexts(acknowledged.map(([id]) => id));
    const missing = acknowledged.filter(([id, text]) => stored.get(id) !== text);
    console.log(`kill -9: ${acknowledged.length} acknowledged writes, ${acknowledged.length - missing.length} found; the app answered again ${(restartMs / 1000).toFixed(1)} s after its restart began`);
    expect(missing).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(WRITES_BEFORE_FAULT);
    // The session signed in before the kill still works (sessions are signed tokens, not memory).
    expect(await importTextOverHttp(baseUrl(), jar, uniqueText())).not.toBeNull();
  }, 60_000);

  it("PostgreSQL restarted under load: the same app process recovers by itself and loses no acknowledged write", async () => {
    const jar = await signInOverHttp(baseUrl(), editor.email, editor.password);
    const pid = app!.child.pid;
    appOutput = "";
    // Wrong passwords too, so the sign-in limiter's own pool is in use when its connections die.
    const load = startLoad(jar, { signIns: true });
    await waitFor(() => load.acknowledged.size >= 30, 30_000, "30 acknowledged writes", load);

    const port = postgres.port;
    await postgres.stop();
    const downAt = performance.now();
    const downAcknowledged = load.acknowledged.size;
    postgres = await startEmbeddedPostgres({ dataDir, persistent: true, port });
    const upAt = performance.now();
    const recoveryMs = await waitFor(healthy, 20_000, "The app answering its health check again");
    const afterRecovery = load.acknowledged.size;
    await waitFor(() => load.acknowledged.size >= afterRecovery + 10, 20_000, "10 more acknowledged writes after the restart", load);
    await load.stop();

    expect(app!.child.pid).toBe(pid);
    expect(app!.child.exitCode).toBeNull();
    const acknowledged = [...load.acknowledged];
    const stored = await storedTexts(acknowledged.map(([id]) => id));
    const missing = acknowledged.filter(([id, text]) => stored.get(id) !== text);
    console.log(
      `PostgreSQL restart: down for ${((upAt - downAt) / 1000).toFixed(2)} s, the app healthy ${(recoveryMs / 1000).toFixed(2)} s after PostgreSQL was back, ` +
        `${acknowledged.length} acknowledged writes (${downAcknowledged} before the restart), ${acknowledged.length - missing.length} found, ${load.failed} refused while it was down`,
    );
    expect(missing).toEqual([]);
    // Next.js logs an uncaught exception and carries on, so surviving is not enough: a pool
    // without an `error` listener raises one when PostgreSQL ends its idle connections.
    expect(appOutput).not.toMatch(/uncaughtException/);
    // Sign-in works again: the limiter's pool reconnected too.
    await signInOverHttp(baseUrl(), editor.email, editor.password);
  }, 60_000);
});

/**
 * The whole app for a benchmark, started like the e2e harness (tests/support/e2e-global-setup.ts):
 * its own embedded PostgreSQL, a database from the migrated template, the seed, `next build` if the
 * sources changed, `next start` on a free port, and Debian's Chromium with a fresh profile.
 * Everything started is registered in a `Cleanup` and stopped in reverse order, also on failure
 * and on Ctrl-C.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { disconnectDb } from "@/lib/db/client";
import { findFreePort } from "@/lib/db/embedded-postgres";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { seedDatabase } from "@/lib/seed/seed-database";
import { buildIfNeeded } from "../../scripts/support/next-build";
import { startNextServer } from "../../scripts/support/next-server";
import { REPO_ROOT, SEED_TEXTS_DIR } from "../../tests/support/paths";
import { startTestPostgres, TEMPLATE_DATABASE } from "../../tests/support/test-postgres";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "../../tests/support/chromium";

export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  private done = false;

  add(name: string, run: () => Promise<unknown>) {
    this.steps.push({ name, run });
  }

  async runAll(): Promise<void> {
    if (this.done) return;
    this.done = true;
    for (const step of this.steps.reverse()) {
      try {
        await withTimeout(step.run(), 30_000, `stopping ${step.name}`);
      } catch (error) {
        console.error(`Could not stop ${step.name}: ${(error as Error).message}`);
      }
    }
  }

  /** Ctrl-C or a kill stops everything started so far before the process ends. */
  stopOnSignals(log: (line: string) => void): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.done) return;
      log(`${signal}: stopping everything…`);
      void this.runAll().finally(() => process.exit(130));
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export interface Stack {
  appUrl: string;
  databaseUrl: string;
}

/** PostgreSQL, migrated and seeded database, built app on a free port. Sets DATABASE_URL. */
export async function startStack(cleanup: Cleanup, log: (line: string) => void): Promise<Stack> {
  log("Starting PostgreSQL…");
  const postgres = await startTestPostgres();
  cleanup.add("PostgreSQL", () => postgres.stop());
  const database = "derek_bench";
  await ensureDatabase(postgres.adminUrl, database, TEMPLATE_DATABASE);
  const databaseUrl = postgres.urlFor(database);
  process.env.DATABASE_URL = databaseUrl;
  cleanup.add("the Prisma client", () => disconnectDb());
  log("Seeding…");
  await seedDatabase({ seedTextsDir: SEED_TEXTS_DIR });

  const built = await buildWithRetries(log);
  log(`Build: ${built}.`);
  const port = await findFreePort();
  const app = await startNextServer({
    root: REPO_ROOT,
    port,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "bench-secret-not-for-production", NEXTAUTH_URL: `http://localhost:${port}` },
  });
  cleanup.add("the app", () => app.stop());
  log(`App on ${app.url}.`);
  return { appUrl: app.url, databaseUrl };
}

/**
 * Other work in the same checkout may be running `next build` at the same moment, which makes ours
 * refuse to start; wait and try again a bounded number of times.
 */
async function buildWithRetries(log: (line: string) => void, attempts = 10): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await buildIfNeeded(REPO_ROOT, log);
    } catch (error) {
      if (attempt >= attempts) throw error;
      log(`${(error as Error).message}; trying again in 20 s (${attempt}/${attempts - 1})…`);
      await new Promise((r) => setTimeout(r, 20_000));
    }
  }
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
}

export async function openChromium(cleanup: Cleanup, baseURL: string): Promise<BrowserSession> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), "derek-bench-chromium-"));
  cleanup.add("the Chromium profile", () => rm(userDataDir, { recursive: true, force: true }));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    headless: true,
    baseURL,
  });
  cleanup.add("Chromium", () => context.close());
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/articles");
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { clearFailedSignIns, countSignInAttempt, resetSignInLimiters } from "@/lib/auth/sign-in-limiter";
import { backupFormat } from "@/lib/backup/jsonl-format";
import { db, disconnectDb } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { closePool } from "@/lib/db/pool";
import { closeExportPool, getExportPool } from "@/lib/export/export-pool";
import { decideClaim } from "@/lib/review/decide-claim";
import { decideClaimSchema } from "@/lib/review/review-schemas";
import { seedDatabase } from "@/lib/seed/seed-database";
import { overPrivilegedWarning, roleStanding } from "@/lib/db/app-role";
import { REPO_ROOT, SEED_TEXTS_DIR } from "../../support/paths";
import { dropDatabase } from "../../support/test-postgres";
import { makeActor, submittedClaim } from "../review/fixtures";
import { collect } from "../../support/file-chunks";

/**
 * The app connects as a role that owns nothing (lib/db/app-role.ts). Here this file's database is
 * used as that role: what the app does works, and what would let it rewrite history does not.
 */
const ownerUrl = process.env.DATABASE_URL!;
const database = new URL(ownerUrl).pathname.slice(1);
const appUrl = inject("postgresAppUrlTemplate").replace("{db}", database);
let app: pg.Client;

beforeAll(async () => {
  // Every lib/ call of this file goes through the app role, as it does in `npm start`.
  await disconnectDb();
  await closePool();
  resetSignInLimiters();
  process.env.DATABASE_URL = appUrl;
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});

afterAll(async () => {
  await app.end();
  await closeExportPool();
});

/** The error's SQLSTATE and message, or undefined when the statement went through. */
async function sqlState(sql: string): Promise<string | undefined> {
  await app.query("SAVEPOINT attempt");
  try {
    await app.query(sql);
    return undefined;
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    return `${code} ${message}`;
  } finally {
    await app.query("ROLLBACK TO SAVEPOINT attempt");
  }
}

// Refused by a privilege check, not by a trigger (the audit trigger also raises 42501).
const DENIED = /^42501 (permission denied|must be owner)/;

describe("the app role", () => {
  it("owns nothing and is no superuser, so start-up has nothing to warn about", async () => {
    const standing = await roleStanding(appUrl);
    expect(standing).toMatchObject({ superuser: false, ownedTables: 0 });
    expect(overPrivilegedWarning(standing)).toBeNull();
    // The owner the migrations ran as is warned about.
    expect(overPrivilegedWarning(await roleStanding(ownerUrl))).toMatch(/DATABASE_URL connects as .*, a superuser/);
  });

  it("does everything the app does: seed, tag, review, audit, sign-in limits, exports", async () => {
    const seeded = await seedDatabase({ seedTextsDir: SEED_TEXTS_DIR });
    expect(seeded.usersCreated).toBeGreaterThan(0);

    const editor = await makeActor("EDITOR", "editor@role.test");
    const reviewer = await makeActor("REVIEWER", "reviewer@role.test");
    const stored = await db.article.findFirstOrThrow({ where: { bodyText: { contains: "5 жылға" } }, select: { id: true, bodyText: true } });
    const claim = await submittedClaim(editor, { articleId: stored.id, text: stored.bodyText }, "5 жылға");
    const decided = await decideClaim({
      actor: reviewer,
      input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, decision: "APPROVE", rating: "TRUE" }),
    });
    expect(decided.status).toBe("VERIFIED");

    // The outlet trigger copies an article's outlet onto its claims, as the app role.
    await db.article.update({ where: { id: claim.articleId }, data: { outlet: "Азаттық" } });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).outlet).toBe("Азаттық");

    // Audit events (a BIGSERIAL) were written in each of those transactions.
    expect(await db.auditEvent.count({ where: { entityId: claim.id } })).toBeGreaterThanOrEqual(3);

    // The sign-in limiter's table.
    for (let i = 0; i < 5; i++) expect(await countSignInAttempt("someone@role.test", null)).toBe(0);
    expect(await countSignInAttempt("someone@role.test", null)).toBeGreaterThan(0);
    await clearFailedSignIns("someone@role.test");
    expect(await countSignInAttempt("someone@role.test", null)).toBe(0);

    // The export pool reads through a read-only snapshot.
    const client = await getExportPool().connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      let file = "";
      file += await collect(backupFormat.write({ client, filter: {}, baseUrl: "http://localhost", onClaim: () => undefined }));
      await client.query("COMMIT");
      expect(file).toContain(claim.id);
    } finally {
      client.release();
    }
  });

  it("may add and read audit events but never change or remove them", async () => {
    await app.query("BEGIN");
    try {
      await app.query(`INSERT INTO "AuditEvent" ("action", "entityType", "entityId") VALUES ('test.role', 'Test', 'x')`);
      expect((await app.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE action = 'test.role'`)).rows[0].n).toBe(1);
      expect(await sqlState(`UPDATE "AuditEvent" SET action = 'rewritten'`)).toMatch(DENIED);
      expect(await sqlState(`DELETE FROM "AuditEvent"`)).toMatch(DENIED);
      expect(await sqlState(`TRUNCATE "AuditEvent"`)).toMatch(DENIED);
    } finally {
      await app.query("ROLLBACK");
    }
  });

  it("cannot switch triggers off, change the schema or reach the migrations' record", async () => {
    await app.query("BEGIN");
    try {
      expect(await sqlState("SET session_replication_role = replica")).toMatch(DENIED);
      expect(await sqlState(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`)).toMatch(DENIED);
      expect(await sqlState(`DROP TRIGGER "AuditEvent_append_only" ON "AuditEvent"`)).toMatch(DENIED);
      expect(await sqlState(`DROP TABLE "Claim"`)).toMatch(DENIED);
      expect(await sqlState(`CREATE TABLE "Smuggled" (id int)`)).toMatch(DENIED);
      expect(await sqlState(`CREATE FUNCTION smuggled() RETURNS int LANGUAGE sql AS 'SELECT 1'`)).toMatch(DENIED);
      expect(await sqlState(`SELECT * FROM "_prisma_migrations"`)).toMatch(DENIED);
      expect(await sqlState(`CREATE ROLE smuggled`)).toMatch(DENIED);
      // Rows of the other tables it may write.
      expect(await sqlState(`UPDATE "User" SET name = name`)).toBeUndefined();
    } finally {
      await app.query("ROLLBACK");
    }
    // Not allowed in a transaction block, so tried on its own.
    await expect(app.query("CREATE DATABASE smuggled")).rejects.toMatchObject({ code: "42501" });
  });
});

describe("a table a later migration adds", () => {
  it("is the app role's to read and write without another grant (default privileges)", async () => {
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      await owner.query(`CREATE TABLE "LaterTable" (id BIGSERIAL PRIMARY KEY, note text)`);
      await app.query(`INSERT INTO "LaterTable" (note) VALUES ('written by the app')`);
      expect((await app.query(`SELECT note FROM "LaterTable"`)).rows).toEqual([{ note: "written by the app" }]);
      await expect(app.query(`DROP TABLE "LaterTable"`)).rejects.toMatchObject({ code: "42501" });
    } finally {
      await owner.query(`DROP TABLE IF EXISTS "LaterTable"`);
      await owner.end();
    }
  });
});

describe("npm run restore as the app role", () => {
  const run = promisify(execFile);
  const adminUrl = inject("postgresAdminUrl");
  const target = `derek_test_${randomBytes(6).toString("hex")}`;
  let dir: string | undefined;

  afterAll(async () => {
    await dropDatabase(adminUrl, target);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("migrates as DATABASE_OWNER_URL, grants, and restores as DATABASE_URL", async () => {
    const client = await getExportPool().connect();
    let file = "";
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      file += await collect(backupFormat.write({ client, filter: {}, baseUrl: "http://localhost", onClaim: () => undefined }));
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    dir = await mkdtemp(path.join(os.tmpdir(), "derek-role-restore-"));
    const backupFile = path.join(dir, "backup.jsonl");
    await writeFile(backupFile, file);
    await ensureDatabase(adminUrl, target);
    const env = {
      ...process.env,
      DATABASE_URL: inject("postgresAppUrlTemplate").replace("{db}", target),
      DATABASE_OWNER_URL: inject("postgresUrlTemplate").replace("{db}", target),
    };
    const { stdout } = await run("npm", ["run", "-s", "restore", "--", backupFile], { cwd: REPO_ROOT, env, timeout: 60_000 });
    expect(stdout).toMatch(/^Restored /);
    const check = new pg.Client({ connectionString: env.DATABASE_URL });
    await check.connect();
    try {
      expect((await check.query(`SELECT count(*)::int AS n FROM "Claim"`)).rows[0].n).toBeGreaterThan(0);
      expect((await check.query(`SELECT tableowner FROM pg_tables WHERE tablename = 'Claim'`)).rows[0].tableowner).not.toBe(new URL(env.DATABASE_URL).username);
    } finally {
      await check.end();
    }
  }, 90_000);
});

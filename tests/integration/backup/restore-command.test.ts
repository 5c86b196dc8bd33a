import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { backupFormat } from "@/lib/backup/jsonl-format";
import { ensureDatabase } from "@/lib/db/ensure-database";
import { REPO_ROOT } from "../../support/paths";
import { dropDatabase } from "../../support/test-postgres";
import { makeActor, seedArticle, submittedClaim } from "../review/fixtures";
import { collect } from "../../support/file-chunks";

const run = promisify(execFile);
const adminUrl = inject("postgresAdminUrl");
// Not a copy of the migrated template: the command migrates an empty database itself.
const target = `derek_test_${randomBytes(6).toString("hex")}`;
const targetUrl = inject("postgresUrlTemplate").replace("{db}", target);
let dir: string;
let backupFile: string;

/** `npm run restore -- …` as an operator types it, without npm's own lines around it. */
function restore(args: string[], env: Record<string, string | undefined>) {
  return run("npm", ["run", "-s", "restore", "--", ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env }, timeout: 60_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

async function targetCounts() {
  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM "User") AS users, (SELECT count(*) FROM "Article") AS articles, (SELECT count(*) FROM "Claim") AS claims, (SELECT count(*) FROM "AuditEvent") AS events`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const editor = await makeActor("EDITOR", "editor@command.test", "Әйгерім");
  const article = await seedArticle();
  await submittedClaim(editor, article, "5 жылға");

  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  const client = await pool.connect();
  let file = "";
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    file += await collect(backupFormat.write({ client, filter: {}, baseUrl: "http://localhost", onClaim: () => undefined }));
    await client.query("COMMIT");
  } finally {
    client.release();
    await pool.end();
  }
  dir = await mkdtemp(path.join(os.tmpdir(), "derek-restore-"));
  backupFile = path.join(dir, "backup.jsonl");
  await writeFile(backupFile, file);
  await ensureDatabase(adminUrl, target);
}, 60_000);

afterAll(async () => {
  await dropDatabase(adminUrl, target);
  await rm(dir, { recursive: true, force: true });
});

describe("npm run restore", () => {
  it("explains its use without a file or without DATABASE_URL", async () => {
    expect(await restore([], { DATABASE_URL: targetUrl })).toMatchObject({ code: 2, stderr: expect.stringContaining("Usage: npm run restore -- FILE") });
    expect(await restore([backupFile], { DATABASE_URL: "" })).toMatchObject({ code: 2, stderr: expect.stringContaining("set DATABASE_URL") });
    expect(await restore([path.join(dir, "missing.jsonl")], { DATABASE_URL: targetUrl })).toMatchObject({ code: 2, stderr: expect.stringContaining("cannot read") });
  }, 180_000);

  it("migrates an empty database, restores the file, and names the accounts to activate", async () => {
    const result = await restore([backupFile], { DATABASE_URL: targetUrl });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Restored 1 users, 1 articles, 1 revisions, 1 sources, 0 groups, 1 claims, 0 reviews, 0 comments, 0 exclusions from 7 lines/);
    expect(result.stdout).toContain("  editor@command.test");
    const client = new pg.Client({ connectionString: targetUrl });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT c.status, u.email, u.active FROM "Claim" c JOIN "User" u ON u.id = c."authorId"`);
      expect(rows).toEqual([{ status: "SUBMITTED", email: "editor@command.test", active: false }]);
    } finally {
      await client.end();
    }
  }, 120_000);

  it("refuses the file a second time (the instance is no longer empty) with exit code 1 and nothing changed", async () => {
    const before = await targetCounts();
    const result = await restore([backupFile], { DATABASE_URL: targetUrl });
    expect(await targetCounts()).toEqual(before);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^restore: This instance is not empty: it holds claims: 1, .* A backup is restored only into an empty instance .* Nothing was restored\.\n$/);
  }, 120_000);
});

import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { runBackup } from "@/lib/backup/run-backup";
import { listArticleClaims } from "@/lib/claims/list-article-claims";
import { db, disconnectDb, readDb } from "@/lib/db/client";
import { closeExportPool } from "@/lib/export/export-pool";
import { runExport } from "@/lib/export/run-export";
import { loadLedgerStats } from "@/lib/ledger/ledger-stats";
import { listLedgerChoices } from "@/lib/ledger/list-ledger-choices";
import { countLedger, listLedger } from "@/lib/ledger/list-ledger";
import { addComment } from "@/lib/review/add-comment";
import { countAwaitingReview } from "@/lib/review/count-awaiting-review";
import { decideClaim } from "@/lib/review/decide-claim";
import { getReviewClaim } from "@/lib/review/get-review-claim";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { addCommentSchema, decideClaimSchema, reopenClaimSchema } from "@/lib/review/review-schemas";
import { readAll } from "../export/fixtures";
import { makeActor, seedArticle, submittedClaim } from "../review/fixtures";

/**
 * DATABASE_READ_URL, tested against a connection that can only read: a role whose every
 * transaction is read-only (`default_transaction_read_only`, as on a hot standby) and that holds
 * SELECT and nothing else. The ledger, its charts, exports and backups work through it; the
 * workbench's writes, and the reads that must see them, never reach it.
 */
const ownerUrl = process.env.DATABASE_URL!;
const database = new URL(ownerUrl).pathname.slice(1);
const reader = `derek_test_reader_${randomBytes(4).toString("hex")}`;
const readerPassword = randomBytes(12).toString("hex");
const readerUrl = (() => {
  const url = new URL(ownerUrl);
  url.username = reader;
  url.password = readerPassword;
  return url.toString();
})();

let owner: pg.Client;
let article: Awaited<ReturnType<typeof seedArticle>>;
let editor: Actor;
let reviewer: Actor;
let admin: Actor;

/** Reset the pools so the next query opens them with the environment as it is now. */
async function reconnect() {
  await disconnectDb();
  await closeExportPool();
}

beforeAll(async () => {
  owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  await owner.query(`CREATE ROLE ${reader} LOGIN PASSWORD '${readerPassword}' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
  await owner.query(`ALTER ROLE ${reader} SET default_transaction_read_only = on`);
  await owner.query(`GRANT CONNECT ON DATABASE ${database} TO ${reader}`);
  await owner.query(`GRANT USAGE ON SCHEMA public TO ${reader}`);
  await owner.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`);

  article = await seedArticle();
  editor = await makeActor("EDITOR", "editor@replica.test", "Әйгерім");
  reviewer = await makeActor("REVIEWER", "reviewer@replica.test", "Нұрлан");
  admin = await makeActor("ADMIN", "admin@replica.test", "Дәурен");
  const claim = await submittedClaim(editor, article, "5 жылға");
  await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, decision: "APPROVE", rating: "TRUE" }) });

  process.env.DATABASE_READ_URL = readerUrl;
  await reconnect();
});

afterAll(async () => {
  delete process.env.DATABASE_READ_URL;
  await reconnect();
  await owner.query(`DROP OWNED BY ${reader}`);
  await owner.query(`DROP ROLE ${reader}`);
  await owner.end();
});

// Every statement any pg client sends, with the role it is connected as.
const sent: { user: string; text: string }[] = [];
const clientQuery = pg.Client.prototype.query;
function recordStatements() {
  sent.length = 0;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push({ user: this.user ?? "", text: typeof first === "string" ? first : (first?.text ?? "?") });
    return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
}
const sentAsReader = () => sent.filter((s) => s.user === reader);
afterEach(() => {
  pg.Client.prototype.query = clientQuery;
});

describe("reads on a replica (DATABASE_READ_URL)", () => {
  it("serve the ledger, its charts and its choices through the read-only connection", async () => {
    recordStatements();
    const page = await listLedger({ actor: editor, filter: {} });
    expect(page.rows.map((r) => r.quote)).toContain("5 жылға");
    expect(await countLedger({ actor: editor, filter: {} })).toMatchObject({ count: 1 });
    const stats = await loadLedgerStats({ actor: editor, filter: {} });
    expect(stats.byStatus.length).toBeGreaterThan(0);
    expect((await listLedgerChoices({ actor: editor })).articles.length).toBeGreaterThan(0);
    expect(sentAsReader().length).toBeGreaterThanOrEqual(4);
    expect(sent.filter((s) => s.user !== reader)).toEqual([]);
  });

  it("serve exports and backups through it; their audit events are written on the primary", async () => {
    recordStatements();
    const exported = await runExport({ actor: editor, format: "csv", filter: {}, baseUrl: "https://derek.example" });
    expect((await readAll(exported.stream)).toString("utf8")).toContain("5 жылға");
    const backup = await runBackup({ actor: admin, baseUrl: "https://derek.example" });
    expect((await readAll(backup.stream)).toString("utf8")).toContain("5 жылға");
    await Promise.all([exported.done, backup.done]);
    expect(sentAsReader().some((s) => s.text.includes("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"))).toBe(true);
    expect(sentAsReader().filter((s) => /^\s*(INSERT|UPDATE|DELETE)\s/i.test(s.text))).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "export.created" } })).toBe(2);
  });

  it("refuses a write sent to it by mistake, even when the URL names the primary", async () => {
    await expect(readDb.$executeRaw`UPDATE "Claim" SET "note" = 'x'`).rejects.toThrow(/read-only transaction/);
    // The same URL as the writes: the read pool's sessions are read-only by themselves.
    process.env.DATABASE_READ_URL = ownerUrl;
    await reconnect();
    try {
      await expect(readDb.$executeRaw`UPDATE "Claim" SET "note" = 'x'`).rejects.toThrow(/read-only transaction/);
      expect(await readDb.claim.count()).toBe(1);
    } finally {
      process.env.DATABASE_READ_URL = readerUrl;
      await reconnect();
    }
  });

  it("never carries the workbench's writes, nor the reads that must see them", async () => {
    recordStatements();
    const claim = await submittedClaim(editor, article, "5 жылға");
    expect((await listArticleClaims({ actor: editor, articleId: article.articleId })).map((c) => c.id)).toContain(claim.id);
    expect(await countAwaitingReview({ actor: reviewer })).toBe(1);
    await addComment({ actor: reviewer, input: addCommentSchema.parse({ claimId: claim.id, body: "Дереккөзді тексердім" }) });
    const decided = await decideClaim({ actor: reviewer, input: decideClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, decision: "APPROVE", rating: "FALSE" }) });
    expect((await getReviewClaim({ actor: reviewer, claimId: claim.id }))?.status).toBe("VERIFIED");
    await reopenClaim({ actor: reviewer, input: reopenClaimSchema.parse({ claimId: claim.id, expectedVersion: decided.version, reason: "Жаңа дерек" }) });
    expect(await countAwaitingReview({ actor: reviewer })).toBe(1);
    expect(sent.length).toBeGreaterThan(10);
    expect(sentAsReader()).toEqual([]);
  });
});

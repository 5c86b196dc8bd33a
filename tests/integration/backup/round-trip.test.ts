import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { backupFormat, jsonlFormat } from "@/lib/backup/jsonl-format";
import { restoreBackup, UNUSABLE_PASSWORD_HASH, type RestoreResult } from "@/lib/backup/restore-backup";
import { InstanceNotEmptyError, RestoreRefusedError } from "@/lib/backup/restore-errors";
import { ForbiddenError } from "@/lib/auth/policy";
import { db, disconnectDb } from "@/lib/db/client";
import { ensureDatabase } from "@/lib/db/ensure-database";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { listLedger } from "@/lib/ledger/list-ledger";
import { SEED_TEXTS_DIR } from "../../support/paths";
import { dropDatabase, TEMPLATE_DATABASE } from "../../support/test-postgres";
import { tagClaim } from "../review/fixtures";
import { buildInstance, referencedUserIds, SEED_FILES, snapshotInstance, type InstanceSnapshot } from "./build-instance";
import { collect } from "../../support/file-chunks";

const adminUrl = inject("postgresAdminUrl");
const urlTemplate = inject("postgresUrlTemplate");
const sourceUrl = process.env.DATABASE_URL!;
const extraDatabases: string[] = [];

/** A new, migrated and empty database, which the app's Prisma client then uses. */
async function useFreshDatabase(): Promise<string> {
  const name = `derek_test_${randomBytes(6).toString("hex")}`;
  await ensureDatabase(adminUrl, name, TEMPLATE_DATABASE);
  extraDatabases.push(name);
  await useDatabase(urlTemplate.replace("{db}", name));
  return name;
}

async function useDatabase(url: string) {
  await disconnectDb();
  process.env.DATABASE_URL = url;
}

/**
 * A file as the backup and export routes write it: one read-only snapshot on a connection of its
 * own. A full backup by default; with a filter, the ledger's JSON Lines export of that filter.
 */
async function exportJsonl(filter: LedgerFilter | "backup" = "backup", url = sourceUrl): Promise<{ file: string; claims: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const client = await pool.connect();
  const format = filter === "backup" ? backupFormat : jsonlFormat;
  let claims = 0;
  let file = "";
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const context = { client, filter: filter === "backup" ? {} : filter, baseUrl: "https://derek.example.kz", onClaim: () => claims++ };
    file += await collect(format.write(context));
    await client.query("COMMIT");
  } finally {
    client.release();
    await pool.end();
  }
  return { file, claims };
}

const lines = (file: string) => file.trimEnd().split("\n");
const parsed = (file: string) => lines(file).map((line) => JSON.parse(line) as { type: string; [key: string]: unknown });

/** Row counts of every table a restore writes to, and of the audit trail. */
async function tableCounts() {
  const [users, articles, revisions, claims, sources, links, reviews, comments, mentions, groups, exclusions, suggestions, auditEvents] = await Promise.all([
    db.user.count(),
    db.article.count(),
    db.articleRevision.count(),
    db.claim.count(),
    db.source.count(),
    db.claimSource.count(),
    db.review.count(),
    db.comment.count(),
    db.commentMention.count(),
    db.claimGroup.count(),
    db.claimGroupExclusion.count(),
    db.claimSuggestion.count(),
    db.auditEvent.count(),
  ]);
  return { users, articles, revisions, claims, sources, links, reviews, comments, mentions, groups, exclusions, suggestions, auditEvents };
}

/** What a fresh start stores before anyone works: the seed texts of the backed-up instance. */
async function seedTexts(): Promise<string[]> {
  const ids = [];
  for (const file of SEED_FILES) {
    const text = await readFile(path.join(SEED_TEXTS_DIR, file), "utf8");
    ids.push((await createArticle({ actorId: null, text })).articleId);
  }
  return ids;
}

async function refusal(promise: Promise<unknown>): Promise<RestoreRefusedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RestoreRefusedError);
  return error as RestoreRefusedError;
}

let instance: Awaited<ReturnType<typeof buildInstance>>;
let original: InstanceSnapshot;
let backup: { file: string; claims: number };

beforeAll(async () => {
  instance = await buildInstance();
  original = await snapshotInstance();
  backup = await exportJsonl();
}, 120_000);

afterAll(async () => {
  await useDatabase(sourceUrl);
  for (const name of extraDatabases) await dropDatabase(adminUrl, name);
});

describe("a full backup", () => {
  it("starts with the header, names every record before its first use, and ends with the counts", () => {
    const records = parsed(backup.file);
    expect(records[0]).toMatchObject({ type: "derek-export", version: 1, filter: {}, complete: true });
    const trailer = records.at(-1)!;
    expect(trailer.type).toBe("end");
    const body = records.slice(1, -1);
    const countOf = (type: string) => body.filter((r) => r.type === type).length;
    expect(trailer).toEqual({
      type: "end",
      claims: countOf("claim"),
      users: countOf("user"),
      articles: countOf("article"),
      revisions: countOf("revision"),
      sources: countOf("source"),
      groups: countOf("group"),
      reviews: countOf("review"),
      comments: countOf("comment"),
      exclusions: countOf("exclusion"),
    });
    expect(backup.claims).toBe(original.claims.length);
    expect(countOf("claim")).toBe(original.claims.length);
    expect(countOf("article")).toBe(original.articles.length);

    const seen = new Set<string>();
    const uses = (record: Record<string, unknown>): string[] => {
      const ids = ["articleId", "authorId", "assigneeId", "groupId", "createdById", "reviewerId", "claimId", "claimAId", "claimBId"]
        .map((key) => record[key])
        .filter((v): v is string => typeof v === "string");
      const sources = (record.sources as { sourceId: string }[] | undefined)?.map((s) => s.sourceId) ?? [];
      return [...ids, ...sources];
    };
    for (const record of body) {
      for (const id of uses(record)) expect(seen.has(id), `${record.type} ${String(record.id)} uses ${id} before it is written`).toBe(true);
      if (typeof record.id === "string") seen.add(record.id);
    }
    // Never a password hash, nor any field of it.
    expect(backup.file).not.toMatch(/passwordHash|\$2[aby]\$/);
    // Decimals travel as text, in their shortest exact form; dates as ISO 8601.
    const ranged = body.find((r) => r.id === instance.claims.ranged.id)!;
    expect(ranged).toMatchObject({ min: "100.5", max: "1200", value: null });
    expect(body.find((r) => r.id === instance.claims.draft.id)).toMatchObject({ eventDate: "2021-02-04" });
  });

  it("holds a deleted claim as deleted, with its links, reviews, comments and pairs", () => {
    const records = parsed(backup.file);
    const gone = instance.claims.gone.id;
    const stored = original.claims.find((c) => c.id === gone)!;
    expect(stored.deletedAt).not.toBeNull();
    expect(records.find((r) => r.type === "claim" && r.id === gone)).toMatchObject({
      deletedAt: stored.deletedAt!.toISOString(),
      status: "RETURNED",
      sources: [{ stance: "SUPPORTS" }],
    });
    expect(records.filter((r) => r.type === "review" && r.claimId === gone)).toMatchObject([{ decision: "RETURNED", comment: "Бұл сан емес" }]);
    expect(records.filter((r) => r.type === "comment" && r.claimId === gone)).toMatchObject([{ body: "Өшіремін." }]);
    expect(records.filter((r) => r.type === "exclusion" && (r.claimAId === gone || r.claimBId === gone))).toHaveLength(1);
  });

  it("restores into an empty instance as the same articles, revisions, claims, sources, reviews, comments and groups", async () => {
    await useFreshDatabase();
    const result = await restoreBackup({ actor: "command-line", input: backup.file });
    const restored = await snapshotInstance();

    for (const table of ["articles", "revisions", "claims", "sources", "links", "reviews", "comments", "mentions", "groups", "exclusions", "suggestions", "exportDetails"] as const) {
      expect(restored[table], table).toEqual(original[table]);
    }
    // What was compared is as varied as the newsroom's work (a guard against a thin fixture).
    expect(restored.claims.map((c) => c.status).sort()).toEqual(["DISPUTED", "DRAFT", "DRAFT", "DRAFT", "RETURNED", "RETURNED", "SUBMITTED", "SUBMITTED", "VERIFIED"]);
    expect(restored.claims.find((c) => c.id === instance.claims.turnout.id)?.version).toBeGreaterThan(1);
    expect(restored.claims.find((c) => c.id === instance.claims.assigned.id)?.assigneeId).toBe(instance.reviewer2.id);
    expect(restored.claims.find((c) => c.id === instance.claims.draft.id)?.statement).toBe("Сот «5 жылға» бас бостандығынан айырды, деп хабарлады Атырау соты.");
    expect(restored.revisions.filter((r) => r.articleId === instance.revised.articleId).map((r) => r.revision)).toEqual([1, 2, 3]);
    expect(restored.reviews.map((r) => [r.decision, r.rating]).sort()).toEqual(
      [["APPROVED", "MISLEADING"], ["APPROVED", "TRUE"], ["DISPUTED", null], ["REOPENED", null], ["RETURNED", null], ["RETURNED", null]].sort(),
    );
    expect(restored.links.map((l) => l.stance).sort()).toEqual(["CONTEXT", "CONTRADICTS", ...Array(7).fill("SUPPORTS")]);
    expect(restored.links.find((l) => l.stance === "CONTEXT")).toMatchObject({ note: "Басқа іс", passage: null });
    // Mentions come back with who was named and whether they have seen it.
    expect(restored.mentions.map((n) => [n.userId, n.readAt !== null]).sort()).toEqual([[instance.admin.id, false], [instance.editor2.id, true]].sort());
    expect(restored.groups.map((g) => g.status).sort()).toEqual(["CONFIRMED", "PROPOSED"]);
    expect(restored.exclusions).toHaveLength(2);
    // The export's read model is rebuilt by the restore's inserts: every claim with links or reviews.
    expect(restored.exportDetails.length).toBeGreaterThanOrEqual(new Set([...restored.links, ...restored.reviews].map((r) => r.claimId)).size);
    expect(restored.suggestions.some((s) => s.dismissedAt !== null)).toBe(true);

    // The deleted claim is back as deleted: stored (compared above), and not in the ledger.
    expect(restored.claims.filter((c) => c.deletedAt !== null).map((c) => c.id)).toEqual([instance.claims.gone.id]);
    const ledger = await listLedger({ actor: instance.admin, filter: {} });
    expect(ledger.rows.map((row) => row.id).sort()).toEqual(restored.claims.filter((c) => c.deletedAt === null).map((c) => c.id).sort());

    // Accounts: the ones the rows name, with their ids, deactivated and without a usable password.
    const named = referencedUserIds(original);
    expect(restored.users.map((u) => u.id)).toEqual(named);
    for (const user of restored.users) {
      const before = original.users.find((u) => u.id === user.id)!;
      expect(user).toEqual({ id: before.id, email: before.email, name: before.name, role: before.role, active: false, passwordHash: UNUSABLE_PASSWORD_HASH });
    }
    expect(result.usersCreated.sort()).toEqual(restored.users.map((u) => u.email).sort());
    expect(result.usersMatched).toBe(0);

    expect(result.counts).toEqual({
      claims: original.claims.length,
      users: named.length,
      articles: original.articles.length,
      revisions: original.revisions.length,
      sources: original.sources.length,
      groups: original.groups.length,
      reviews: original.reviews.length,
      comments: original.comments.length,
      exclusions: original.exclusions.length,
    });
    // One event per claim, then one per review, each an event of its claim in file order, then
    // the restore's own; every one carries the file's sha256 and the command line's null actor.
    const events = await db.auditEvent.findMany({ orderBy: { id: "asc" } });
    const records = parsed(backup.file);
    const lineOf = (type: string, id: unknown) => records.findIndex((r) => r.type === type && r.id === id) + 1;
    const fileClaims = records.filter((r) => r.type === "claim");
    const fileReviews = records.filter((r) => r.type === "review");
    expect(events.map((e) => [e.action, e.actorId, e.entityType, e.entityId])).toEqual([
      ...fileClaims.map((c) => ["claim.restored", null, "Claim", c.id]),
      ...fileReviews.map((r) => ["review.restored", null, "Claim", r.claimId]),
      ["backup.restored", null, "Backup", result.sha256],
    ]);
    for (const event of events) expect((event.after as { sha256: string }).sha256).toBe(result.sha256);
    const approved = events.find((e) => e.action === "claim.restored" && e.entityId === instance.claims.approved.id)!;
    expect(approved.after).toEqual({
      sha256: result.sha256,
      line: lineOf("claim", instance.claims.approved.id),
      status: "VERIFIED",
      rating: "MISLEADING",
      authorId: instance.editor.id,
      articleId: instance.courts.articleId,
      deletedAt: null,
    });
    const approval = original.reviews.find((r) => r.claimId === instance.claims.approved.id)!;
    expect(events.find((e) => e.action === "review.restored" && e.entityId === instance.claims.approved.id)!.after).toMatchObject({
      sha256: result.sha256,
      line: lineOf("review", approval.id),
      review: { id: approval.id, reviewerId: instance.reviewer.id, reviewerName: "Нұрлан", decision: "APPROVED", rating: "MISLEADING", comment: null },
    });
    expect(events.at(-1)!.after).toMatchObject({ counts: result.counts, sha256: result.sha256, complete: true });
  });

  it("exports the restored instance as the same file, apart from the export time", async () => {
    const { file: again } = await exportJsonl("backup", process.env.DATABASE_URL);
    const withoutTime = (file: string) => lines(file).slice(1);
    expect(withoutTime(again)).toEqual(withoutTime(backup.file));
  });

  it("refuses the same file again, whole, because the instance is no longer empty", async () => {
    const before = await tableCounts();
    const error = await restoreBackup({ actor: "command-line", input: backup.file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstanceNotEmptyError);
    expect((error as InstanceNotEmptyError).found).toEqual({
      claims: original.claims.length,
      sources: original.sources.length,
      groups: original.groups.length,
      articles: original.articles.length,
    });
    expect((error as Error).message).toMatch(/^This instance is not empty: it holds claims: 9, .* A backup is restored only into an empty instance .* Nothing was restored\.$/);
    expect(await tableCounts()).toEqual(before);
  });

  it("changes nothing when good lines are followed by a bad one", async () => {
    await useFreshDatabase();
    const empty = await tableCounts();
    const good = lines(backup.file);
    const lastClaim = good.findLastIndex((line) => line.includes('"type":"claim"'));
    const bad = JSON.stringify({ ...JSON.parse(good[lastClaim]), start: -1 });
    const file = [...good.slice(0, lastClaim), bad, ...good.slice(lastClaim + 1)].join("\n");
    const error = await refusal(restoreBackup({ actor: "command-line", input: file }));
    expect(error).toMatchObject({ line: lastClaim + 1, refusal: "malformed" });
    expect(error.message).toContain('field "start"');
    expect(await tableCounts()).toEqual(empty);
  });

  it("changes nothing when the file was cut short, even at a line break", async () => {
    const empty = await tableCounts();
    const all = lines(backup.file);
    const cut = `${all.slice(0, -1).join("\n")}\n`;
    const error = await refusal(restoreBackup({ actor: "command-line", input: cut }));
    expect(error).toMatchObject({ line: all.length, refusal: "truncated" });
    expect(await tableCounts()).toEqual(empty);
  });

  it("refuses a claim whose article is neither in the file nor stored here", async () => {
    const empty = await tableCounts();
    const all = parsed(backup.file);
    const claimIndex = all.findIndex((r) => r.type === "claim");
    const articleId = all[claimIndex].articleId;
    // The article and its revisions are dropped, and the trailer is made to agree, so only the reference is wrong.
    const kept = all.filter((r) => !((r.type === "article" && r.id === articleId) || (r.type === "revision" && r.articleId === articleId)));
    const trailer = kept.at(-1)!;
    trailer.articles = (trailer.articles as number) - 1;
    trailer.revisions = (trailer.revisions as number) - all.filter((r) => r.type === "revision" && r.articleId === articleId).length;
    const error = await refusal(restoreBackup({ actor: "command-line", input: kept.map((r) => JSON.stringify(r)).join("\n") }));
    const line = kept.findIndex((r) => r.type === "claim" && r.articleId === articleId) + 1;
    expect(error).toMatchObject({ line, refusal: "reference" });
    expect(error.message).toContain(`the article ${String(articleId)}`);
    expect(await tableCounts()).toEqual(empty);
  });

  it("takes an instance's own accounts by email and its untouched seed articles as they are", async () => {
    await useFreshDatabase();
    // A fresh start: the demo accounts and the seed texts are there before the backup is restored.
    const admin = await db.user.create({ data: { email: "admin@here.test", name: "Админ", role: "ADMIN", passwordHash: "x" } });
    const editorHere = await db.user.create({ data: { email: "editor@backup.test", name: "Әйгерім С.", role: "ADMIN", passwordHash: "kept" } });
    const [seedHere, rallyHere] = await seedTexts();

    const result: RestoreResult = await restoreBackup({ actor: { id: admin.id, role: "ADMIN", active: true }, input: backup.file });
    expect(result.usersMatched).toBe(1);
    expect(result.usersCreated).not.toContain("editor@backup.test");
    // The account as it is here wins: its id, role and password.
    expect(await db.user.findUniqueOrThrow({ where: { email: "editor@backup.test" }, select: { id: true, role: true, active: true, passwordHash: true } })).toEqual({
      id: editorHere.id,
      role: "ADMIN",
      active: true,
      passwordHash: "kept",
    });
    expect(await db.claim.count({ where: { authorId: editorHere.id } })).toBe(original.claims.filter((c) => c.authorId === instance.editor.id).length);
    expect(result.articlesAdopted).toBe(2);
    expect(await db.article.count()).toBe(original.articles.length);
    // The claims on a seed article now point at the article as stored here, with the same offsets.
    const onSeed = original.claims.filter((c) => c.articleId === instance.courts.articleId);
    const restored = await db.claim.findMany({ where: { id: { in: onSeed.map((c) => c.id) } }, orderBy: { id: "asc" } });
    expect(restored.map((c) => [c.id, c.articleId, c.start, c.end, c.quote])).toEqual(onSeed.map((c) => [c.id, seedHere, c.start, c.end, c.quote]));
    // The details an editor gave a seed article in the backup replace the import's defaults.
    expect(await db.article.findUniqueOrThrow({ where: { id: rallyHere }, select: { outlet: true, publishedAt: true } })).toEqual({
      outlet: "Азаттық",
      publishedAt: new Date("2020-03-05T00:00:00Z"),
    });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "backup.restored" } });
    expect(event.actorId).toBe(admin.id);
    expect((event.after as { adopted: { id: string; after: { outlet: string | null } }[] }).adopted.map((a) => [a.id, a.after.outlet]).sort()).toEqual(
      [[seedHere, null], [rallyHere, "Азаттық"]].sort(),
    );
  });

  it("refuses an instance whose seed article was worked on, before reading the file, and changes nothing", async () => {
    await useFreshDatabase();
    const [seedHere] = await seedTexts();
    const editor = await db.user.create({ data: { email: "someone@here.test", name: "Біреу", role: "EDITOR", passwordHash: "x" } });
    const text = await readFile(path.join(SEED_TEXTS_DIR, SEED_FILES[0]), "utf8");
    await tagClaim({ id: editor.id, role: "EDITOR", active: true }, { articleId: seedHere, text }, "5 жылға");
    const before = await tableCounts();
    const error = await restoreBackup({ actor: "command-line", input: backup.file }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstanceNotEmptyError);
    // The claim came with its new source.
    expect((error as InstanceNotEmptyError).found).toEqual({ claims: 1, sources: 1, groups: 0, articles: 1 });
    expect(await tableCounts()).toEqual(before);
  });

  it("is for admins only", async () => {
    const editor = await db.user.create({ data: { email: "editor-only@backup.test", name: "Ред", role: "EDITOR", passwordHash: "x" } });
    await expect(restoreBackup({ actor: { id: editor.id, role: "EDITOR", active: true }, input: backup.file })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("is not what the ledger exports: even unfiltered, that leaves deleted claims out", async () => {
    await useDatabase(sourceUrl);
    const { file, claims } = await exportJsonl({});
    const records = parsed(file);
    expect(records[0]).toMatchObject({ filter: {}, complete: false });
    expect(file).not.toContain(instance.claims.gone.id);
    expect(records.filter((r) => r.type === "claim").map((r) => r.id).sort()).toEqual(original.claims.filter((c) => c.deletedAt === null).map((c) => c.id));
    expect(claims).toBe(original.claims.length - 1);
    // The pair with the deleted claim goes with it; the other pair stays.
    expect(records.filter((r) => r.type === "exclusion")).toHaveLength(1);
  });

  it("exports a filtered set with only the records its claims name", async () => {
    await useDatabase(sourceUrl);
    const { file, claims } = await exportJsonl({ status: "VERIFIED" });
    const records = parsed(file);
    expect(records[0]).toMatchObject({ filter: { status: "VERIFIED" }, complete: false });
    const exported = records.filter((r) => r.type === "claim");
    expect(exported.map((r) => r.id)).toEqual(original.claims.filter((c) => c.status === "VERIFIED").map((c) => c.id));
    expect(claims).toBe(exported.length);
    expect(records.filter((r) => r.type === "article").map((r) => r.id)).toEqual([instance.courts.articleId]);
    expect(records.filter((r) => r.type === "exclusion")).toEqual([]);
  });
});

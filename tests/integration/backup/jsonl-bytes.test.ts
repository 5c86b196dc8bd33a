import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import { backupFormat, jsonlFormat } from "@/lib/backup/jsonl-format";
import type { ExportFormat } from "@/lib/export/export-format";
import { snapshotHelper } from "@/lib/export/snapshot-helper";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { buildInstance } from "./build-instance";
import { writeReferenceJsonl } from "./reference-jsonl-writer";
import { collect } from "../../support/file-chunks";

/**
 * The JSON Lines writer renders claims, reviews and comments in PostgreSQL and loads what they name
 * once per fetch; the file must still be, byte for byte, what the writer that built every record in
 * TypeScript wrote (kept as ./reference-jsonl-writer.ts). Compared on one snapshot of a newsroom
 * built by the workbench's operations (revisions, decisions, mentions, a deletion, groups, pairs)
 * plus 2,600 claims written in SQL across 24 articles, so that batches of 200 claims and fetches of
 * 2,000 meet new articles (more than ten at once), sources, groups and users at their edges, with
 * text that JSON must escape.
 */

const AWKWARD = [
  `«Тырнақша» мен "қос тырнақша", кері \\ қиғаш \\\\ сызық`,
  "жол\nбөлу\r\nжәне\tтаб",
  Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join("") + "\u007f",
  "эмодзи 🇰🇿 👍🏽 𝕏 және \u2028 \u2029 бөлгіштер",
  "</script><b>&amp;</b> ' апостроф",
  "Қазақстан Республикасы Ұлттық статистика бюросы: 4 000 адам",
];

let reference: (format: "backup" | "ledger", filter: LedgerFilter, on?: pg.PoolClient) => Promise<string>;
let current: (format: ExportFormat, filter: LedgerFilter, on?: pg.PoolClient) => Promise<string>;
/** The file written a fetch at a time, as an export does that finds more stale lines than it renders first. */
let byFetches: (format: ExportFormat, filter: LedgerFilter, on?: pg.PoolClient) => Promise<string>;
/** The file with what the COPY needs read on a second connection in the snapshot of `on`, beside it. */
let withHelper: (format: ExportFormat, filter: LedgerFilter, on: pg.PoolClient) => Promise<string>;
let client: pg.PoolClient;
let pool: pg.Pool;
/** Connections for snapshots taken after the first one's exports stored their lines. */
let later: pg.Pool;

async function addBulk(db: pg.PoolClient) {
  await db.query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'bulk' || i || '@bytes.test', ($1::text[])[1 + i % array_length($1::text[], 1)], 'x',
            (ARRAY['EDITOR', 'REVIEWER', 'ADMIN'])[1 + i % 3]::"Role", now(), now()
       FROM generate_series(1, 14) i`,
    [AWKWARD],
  );
  await db.query(
    `INSERT INTO "Source" (id, url, title, publisher, kind, "accessedAt", "archivedUrl", "createdById", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'https://example.kz/' || i, ($1::text[])[1 + i % 7], CASE WHEN i % 3 = 0 THEN ($1::text[])[1 + i % 6] END,
            (ARRAY['OFFICIAL_STATEMENT', 'COURT_DOCUMENT', 'NGO_REPORT', 'MEDIA_REPORT'])[1 + i % 4]::"SourceKind",
            CASE WHEN i % 2 = 0 THEN date '2024-02-29' + i END, CASE WHEN i % 5 = 0 THEN 'https://archive.org/' || i END,
            (SELECT id FROM "User" ORDER BY md5(id::text || i) LIMIT 1),
            timestamptz '2025-01-01 00:00:00.001+00' + interval '1 second 7 milliseconds' * i, now()
       FROM generate_series(1, 260) i`,
    [AWKWARD],
  );
  await db.query(
    `INSERT INTO "ClaimGroup" (id, label, status, "createdById", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), CASE WHEN i % 2 = 0 THEN ($1::text[])[1 + i % 6] END, (ARRAY['PROPOSED', 'CONFIRMED'])[1 + i % 2]::"ClaimGroupStatus",
            CASE WHEN i % 3 > 0 THEN (SELECT id FROM "User" ORDER BY md5(id::text || i) LIMIT 1) END, now() - interval '1 day' * i, now()
       FROM generate_series(1, 70) i`,
    [AWKWARD],
  );
  // The first 40 claims go one or two to each article (a batch then meets many new articles), the
  // rest to five of them.
  await db.query(
    `WITH arts AS (SELECT array_agg(id ORDER BY md5(id::text)) AS ids FROM "Article"),
          users AS (SELECT array_agg(id ORDER BY md5(id::text)) AS ids FROM "User"),
          groups AS (SELECT array_agg(id ORDER BY id) AS ids FROM "ClaimGroup")
     INSERT INTO "Claim" (id, "articleId", start, "end", quote, prefix, suffix, "anchorStatus", category, value, min, max, unit, qualifier,
                          claimant, statement, "eventDate", note, status, rating, version, "authorId", "assigneeId", "groupId",
                          "queuedAt", "createdAt", "updatedAt", "deletedAt")
     SELECT gen_random_uuid(), arts.ids[1 + CASE WHEN i <= 40 THEN i % array_length(arts.ids, 1) ELSE i % 5 END], i % 50, i % 50 + 3,
            ($1::text[])[1 + i % 6], CASE WHEN i % 4 = 0 THEN ($1::text[])[1 + (i + 1) % 6] ELSE '' END, CASE WHEN i % 5 = 0 THEN 'соңы' ELSE '' END,
            (ARRAY['ANCHORED', 'ORPHANED'])[1 + (i % 9 = 0)::int]::"AnchorStatus",
            (ARRAY['MONEY', 'DETENTION_COUNT', 'VOTE_SHARE', 'OTHER', 'DATE'])[1 + i % 5]::"ClaimCategory",
            (ARRAY[NULL, 0, 4000, 63.3, -12.5, 0.000001, 12345678901234567.5, 100.25])[1 + i % 8]::numeric,
            CASE WHEN i % 8 = 0 AND i % 3 = 0 THEN 1.5 END, CASE WHEN i % 8 = 0 AND i % 5 = 0 THEN 1000000.000001 END,
            (ARRAY[NULL, 'person', 'kzt', '%'])[1 + i % 4],
            (ARRAY['EXACT', 'APPROXIMATELY', 'MORE_THAN', 'VAGUE'])[1 + i % 4]::"Qualifier",
            CASE WHEN i % 3 = 0 THEN ($1::text[])[1 + i % 6] END, CASE WHEN i % 7 = 0 THEN ($1::text[])[1 + (i + 2) % 6] END,
            CASE WHEN i % 2 = 0 THEN date '2019-12-31' + i END, CASE WHEN i % 4 = 1 THEN ($1::text[])[1 + (i + 3) % 6] END,
            (ARRAY['DRAFT', 'SUBMITTED', 'VERIFIED', 'VERIFIED', 'RETURNED', 'DISPUTED'])[1 + i % 6]::"ClaimStatus",
            CASE WHEN i % 6 IN (2, 3) THEN (ARRAY['TRUE', 'FALSE', 'MISLEADING', 'UNVERIFIABLE'])[1 + i % 4]::"Rating" END,
            1 + i % 4, users.ids[1 + i % array_length(users.ids, 1)],
            CASE WHEN i % 5 = 0 THEN users.ids[1 + (i * 7) % array_length(users.ids, 1)] END,
            CASE WHEN i % 4 = 0 THEN groups.ids[1 + (i / 4) % array_length(groups.ids, 1)] END,
            CASE WHEN i % 6 = 1 THEN timestamptz '2026-01-01 10:00:00+05' + interval '1 millisecond' * i END,
            timestamptz '2025-06-01 00:00:00+00' + interval '997 milliseconds' * (i % 700), now() - interval '1 minute' * i,
            CASE WHEN i % 50 = 0 THEN now() - interval '1 hour' END
       FROM generate_series(1, 2600) i, arts, users, groups`,
    [AWKWARD],
  );
  await db.query(
    `INSERT INTO "ClaimSource" ("claimId", "sourceId", stance, note, passage, "createdAt")
     SELECT c.id, s.id, (ARRAY['SUPPORTS', 'CONTRADICTS', 'CONTEXT'])[1 + k]::"Stance",
            CASE WHEN k = 1 THEN ($1::text[])[1 + n % 6] END, CASE WHEN n % 2 = 0 THEN ($1::text[])[1 + (n + 1) % 6] END,
            timestamptz '2025-07-01 00:00:00+00' + interval '13 milliseconds' * n * (1 + k)
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Claim") c
       CROSS JOIN generate_series(0, 2) k
       JOIN LATERAL (SELECT id FROM "Source" ORDER BY md5(id::text || c.n || k) LIMIT 1) s ON TRUE
      WHERE c.n % 3 > k
     ON CONFLICT DO NOTHING`,
    [AWKWARD],
  );
  await db.query(
    `INSERT INTO "Review" (id, "claimId", "reviewerId", decision, rating, comment, "createdAt")
     SELECT gen_random_uuid(), c.id, (SELECT id FROM "User" ORDER BY md5(id::text || c.n || k) LIMIT 1),
            (ARRAY['APPROVED', 'RETURNED', 'DISPUTED', 'REOPENED'])[1 + (c.n + k) % 4]::"ReviewDecision",
            CASE WHEN (c.n + k) % 4 = 0 THEN 'TRUE'::"Rating" END, CASE WHEN k = 1 THEN ($1::text[])[1 + c.n % 6] END,
            timestamptz '2025-08-01 00:00:00+00' + interval '1 millisecond' * (c.n % 3)
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Claim") c CROSS JOIN generate_series(0, 2) k
      WHERE c.n % 5 > k + 1`,
    [AWKWARD],
  );
  await db.query(
    `INSERT INTO "Comment" (id, "claimId", "authorId", body, "createdAt")
     SELECT gen_random_uuid(), c.id, (SELECT id FROM "User" ORDER BY md5(id::text || c.n || k) LIMIT 1), ($1::text[])[1 + (c.n + k) % 6],
            timestamptz '2025-09-01 00:00:00+00' + interval '1 second' * k
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Claim") c CROSS JOIN generate_series(0, 1) k
      WHERE c.n % 7 > k + 4`,
    [AWKWARD],
  );
  await db.query(
    `INSERT INTO "CommentMention" ("commentId", "userId", "readAt")
     SELECT m.id, u.id, CASE WHEN m.n % 2 = 0 THEN now() - interval '3 seconds' END
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Comment") m
       JOIN LATERAL (SELECT id FROM "User" ORDER BY md5(id::text || m.n) LIMIT 1 + m.n % 3) u ON TRUE
     ON CONFLICT DO NOTHING`,
  );
  await db.query(
    `INSERT INTO "ClaimGroupExclusion" ("claimAId", "claimBId", "createdById", "createdAt")
     SELECT least(a.id, b.id), greatest(a.id, b.id), CASE WHEN a.n % 2 = 0 THEN (SELECT id FROM "User" ORDER BY md5(id::text || a.n) LIMIT 1) END, now()
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Claim") a
       JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "Claim") b ON b.n = a.n + 1
      WHERE a.n % 90 = 0
     ON CONFLICT DO NOTHING`,
  );
}

beforeAll(async () => {
  await buildInstance();
  // More articles than the instance's, with the troublesome text in their titles and bodies; one
  // revised, so a revision's body travels too.
  for (let i = 0; i < 20; i++) await createArticle({ actorId: null, text: `${AWKWARD[i % AWKWARD.length]}\n\nМақала ${i}: 4 000 адам.`, title: AWKWARD[(i + 1) % AWKWARD.length].slice(0, 60) || "x" });

  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 });
  later = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  client = await pool.connect();
  await addBulk(client);
  // Both writers read one snapshot, so the files' header moments agree too.
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  const context = (filter: LedgerFilter, on = client) => ({ client: on, filter, baseUrl: "https://derek.example.kz", onClaim: () => undefined });
  reference = (scope, filter, on) => collect(writeReferenceJsonl(context(filter, on), scope === "backup" ? "everything" : "ledger"));
  current = (format, filter, on) => collect(format.write(context(filter, on)));
  byFetches = (format, filter, on) => collect(format.write({ ...context(filter, on), staleLinesRendered: 0 }));
  withHelper = async (format, filter, on) => {
    const helper = await snapshotHelper(later, on);
    if (!helper) throw new Error("no connection free for the helper");
    let asked = 0;
    try {
      const file = await collect(format.write({ ...context(filter, on), beside: (work) => (asked++, helper.run(work)) }));
      expect(asked).toBe(1);
      return file;
    } finally {
      await helper.end();
    }
  };
}, 180_000);

afterAll(async () => {
  client?.release(true);
  await pool?.end();
  await later?.end();
});

describe("the JSON Lines file", () => {
  it("of a full backup is byte for byte the reference writer's", async () => {
    const expected = await reference("backup", {});
    const file = await current(backupFormat, {});
    expect(file.split("\n").length).toBeGreaterThan(5_000);
    expect(file).toContain("\\u001f");
    expect(file).toContain('"type":"revision"');
    expect(file).toContain('"deletedAt":"');
    expect(file === expected).toBe(true);
  });

  it.each<[string, LedgerFilter]>([
    ["the whole ledger", {}],
    ["the verified claims", { status: "VERIFIED" }],
    ["a search", { q: "бюросы" }],
  ])("of %s is byte for byte the reference writer's", async (_, filter) => {
    const expected = await reference("ledger", filter);
    const file = await current(jsonlFormat, filter);
    expect(file.split("\n").length).toBeGreaterThan(10);
    expect(file === expected).toBe(true);
  });

  it.each<[string, ExportFormat, LedgerFilter, "backup" | "ledger"]>([
    ["a full backup", backupFormat, {}, "backup"],
    ["the verified claims", jsonlFormat, { status: "VERIFIED" }, "ledger"],
  ])("of %s written a fetch at a time is byte for byte the reference writer's", async (_, format, filter, scope) => {
    const expected = await reference(scope, filter);
    expect((await byFetches(format, filter)) === expected).toBe(true);
  });

  it("counts every claim it writes", async () => {
    let claims = 0;
    for await (const _chunk of jsonlFormat.write({ client, filter: {}, baseUrl: "https://derek.example.kz", onClaim: () => void claims++ })) void _chunk;
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Claim" WHERE "deletedAt" IS NULL`);
    expect(claims).toBe(rows[0].n);
  });
});

/** `read` on a connection of its own, in a read-only snapshot taken now. */
async function inSnapshot<T>(read: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const connection = await later.connect();
  try {
    await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return await read(connection);
  } finally {
    await connection.query("ROLLBACK");
    connection.release();
  }
}

const storedLines = async (table: "ClaimJsonlLine" | "ArticleJsonlLine" = "ClaimJsonlLine") =>
  (await later.query<{ stored: number; all: number }>(`SELECT count(text)::int AS stored, count(*)::int AS "all" FROM "${table}"`)).rows[0];

describe("the JSON Lines file from stored lines", () => {
  it("is byte for byte the reference writer's once the lines are stored, and with some of them stale", async () => {
    // The exports above rendered every line in their snapshot and wrote them back.
    const before = await storedLines();
    expect(before.stored).toBe(before.all);
    const articles = await storedLines("ArticleJsonlLine");
    expect(articles.stored).toBe(articles.all);
    await inSnapshot(async (on) => {
      expect((await current(backupFormat, {}, on)) === (await reference("backup", {}, on))).toBe(true);
      expect((await current(jsonlFormat, { status: "VERIFIED" }, on)) === (await reference("ledger", { status: "VERIFIED" }, on))).toBe(true);
    });

    await later.query(`UPDATE "Claim" SET note = 'өзгерді "жаңа"' WHERE id IN (SELECT id FROM "Claim" ORDER BY md5(id::text) LIMIT 300)`);
    await later.query(`UPDATE "Comment" SET body = body || ' ✓' WHERE id IN (SELECT id FROM "Comment" ORDER BY md5(id::text) LIMIT 40)`);
    // Articles stale here and there, between stored ones, so a batch sends some and renders others.
    await later.query(`UPDATE "Article" SET outlet = 'Жаңа «басылым»' WHERE id IN (SELECT id FROM "Article" ORDER BY md5(id::text) LIMIT 7)`);
    const mixed = await storedLines();
    expect(mixed.stored).toBeLessThan(mixed.all - 300);
    expect((await storedLines("ArticleJsonlLine")).stored).toBe(articles.all - 7);
    await inSnapshot(async (on) => {
      const file = await current(backupFormat, {}, on);
      expect(file).toContain('өзгерді \\"жаңа\\"');
      expect(file === (await reference("backup", {}, on))).toBe(true);
      expect((await byFetches(jsonlFormat, {}, on)) === (await reference("ledger", {}, on))).toBe(true);
    });
    // That export stored the lines it rendered.
    const after = await storedLines();
    expect(after.stored).toBe(after.all);
    expect((await storedLines("ArticleJsonlLine")).stored).toBe(articles.all);
  });

  it("is the same file when what its COPY needs is read on a second connection beside it", async () => {
    await later.query(`UPDATE "Claim" SET note = 'қатар' WHERE id IN (SELECT id FROM "Claim" ORDER BY md5(id::text || 'beside') LIMIT 200)`);
    await later.query(`UPDATE "Article" SET outlet = 'Қатар «басылым»' WHERE id IN (SELECT id FROM "Article" ORDER BY md5(id::text || 'beside') LIMIT 5)`);
    await inSnapshot(async (on) => {
      const file = await withHelper(backupFormat, {}, on);
      expect(file).toContain("Қатар «басылым»");
      expect(file === (await reference("backup", {}, on))).toBe(true);
      expect((await withHelper(jsonlFormat, { status: "VERIFIED" }, on)) === (await reference("ledger", { status: "VERIFIED" }, on))).toBe(true);
    });
    // Past the one COPY's limits (more stale articles than it renders up front), the COPY already
    // sent is dropped and the file is written a fetch at a time: still the same file.
    await later.query(`UPDATE "Article" SET outlet = 'Тағы' WHERE id IN (SELECT id FROM "Article" ORDER BY md5(id::text || 'again') LIMIT 3)`);
    await inSnapshot(async (on) => {
      const helper = await snapshotHelper(later, on);
      const file = await collect(jsonlFormat.write({ client: on, filter: {}, baseUrl: "https://derek.example.kz", onClaim: () => undefined, staleLinesRendered: 0, beside: (work) => helper!.run(work) }));
      await helper!.end();
      expect(file === (await reference("ledger", {}, on))).toBe(true);
    });
    expect((await storedLines("ArticleJsonlLine")).stored).toBe((await storedLines("ArticleJsonlLine")).all);
  });

  it("holds no line stored before a change in a snapshot that sees the change", async () => {
    await inSnapshot((on) => current(backupFormat, {}, on));
    const { rows } = await later.query<{ id: string }>(
      `SELECT c.id FROM "Claim" c WHERE EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c.id) ORDER BY c.id LIMIT 1`,
    );
    await later.query(`UPDATE "Review" SET comment = 'кейін өзгертілді' WHERE "claimId" = $1`, [rows[0].id]);
    await inSnapshot(async (on) => {
      const file = await current(backupFormat, {}, on);
      expect(file).toContain("кейін өзгертілді");
      expect(file === (await reference("backup", {}, on))).toBe(true);
    });
  });

  // Each write of what a claim's lines show marks them stale in its own transaction; a missing
  // trigger would leave an export sending the old text.
  const claimWithEverything = `SELECT c.id FROM "Claim" c
     WHERE EXISTS (SELECT 1 FROM "ClaimSource" cs WHERE cs."claimId" = c.id)
       AND EXISTS (SELECT 1 FROM "Review" r WHERE r."claimId" = c.id)
       AND EXISTS (SELECT 1 FROM "Comment" m JOIN "CommentMention" n ON n."commentId" = m.id WHERE m."claimId" = c.id)
     ORDER BY c.id LIMIT 1`;
  it.each<[string, string]>([
    ["the claim is written", `UPDATE "Claim" SET note = 'x' WHERE id = $1`],
    ["a link is added", `INSERT INTO "ClaimSource" ("claimId", "sourceId", stance) SELECT $1, s.id, 'CONTEXT' FROM "Source" s WHERE NOT EXISTS (SELECT 1 FROM "ClaimSource" x WHERE x."claimId" = $1 AND x."sourceId" = s.id) LIMIT 1`],
    ["a link is changed", `UPDATE "ClaimSource" SET note = 'x' WHERE "claimId" = $1`],
    ["a link is removed", `DELETE FROM "ClaimSource" WHERE "claimId" = $1`],
    ["a review is added", `INSERT INTO "Review" (id, "claimId", "reviewerId", decision) SELECT gen_random_uuid(), $1, id, 'RETURNED' FROM "User" LIMIT 1`],
    ["a review is changed", `UPDATE "Review" SET comment = 'x' WHERE "claimId" = $1`],
    ["a review is removed", `DELETE FROM "Review" WHERE "claimId" = $1`],
    ["a comment is added", `INSERT INTO "Comment" (id, "claimId", "authorId", body) SELECT gen_random_uuid(), $1, id, 'x' FROM "User" LIMIT 1`],
    ["a comment is changed", `UPDATE "Comment" SET body = 'x' WHERE "claimId" = $1`],
    ["a comment is removed", `WITH gone AS (DELETE FROM "CommentMention" WHERE "commentId" IN (SELECT id FROM "Comment" WHERE "claimId" = $1))
                              DELETE FROM "Comment" WHERE "claimId" = $1`],
    ["a mention is added", `INSERT INTO "CommentMention" ("commentId", "userId") SELECT m.id, u.id FROM "Comment" m, "User" u
                             WHERE m."claimId" = $1 AND NOT EXISTS (SELECT 1 FROM "CommentMention" x WHERE x."commentId" = m.id AND x."userId" = u.id) LIMIT 1`],
    ["a mention is read", `UPDATE "CommentMention" SET "readAt" = now() WHERE "commentId" IN (SELECT id FROM "Comment" WHERE "claimId" = $1)`],
    ["a mention is removed", `DELETE FROM "CommentMention" WHERE "commentId" IN (SELECT id FROM "Comment" WHERE "claimId" = $1)`],
  ])("marks a claim's stored lines stale when %s", (_, write) => expectMarkedStale("ClaimJsonlLine", "claimId", claimWithEverything, write));

  const articleWithEverything = `SELECT a.id FROM "Article" a
     WHERE EXISTS (SELECT 1 FROM "ArticleRevision" r WHERE r."articleId" = a.id)
       AND EXISTS (SELECT 1 FROM "ClaimSuggestion" s WHERE s."articleId" = a.id)
     ORDER BY a.id LIMIT 1`;
  it.each<[string, string]>([
    ["the article is written", `UPDATE "Article" SET title = 'x' WHERE id = $1`],
    ["a revision is added", `INSERT INTO "ArticleRevision" (id, "articleId", revision, "bodyJson", "bodyText", "contentHash")
                              SELECT gen_random_uuid(), $1, 1000, '{}'::jsonb, 'x', md5(random()::text) FROM "Article" WHERE id = $1`],
    ["a revision is changed", `UPDATE "ArticleRevision" SET "bodyText" = 'x' WHERE "articleId" = $1`],
    ["a revision is removed", `DELETE FROM "ArticleRevision" WHERE "articleId" = $1`],
    ["a suggestion is dismissed", `UPDATE "ClaimSuggestion" SET "dismissedAt" = now() WHERE "articleId" = $1`],
    ["a suggestion is removed", `DELETE FROM "ClaimSuggestion" WHERE "articleId" = $1`],
  ])("marks an article's stored lines stale when %s", (_, write) => expectMarkedStale("ArticleJsonlLine", "articleId", articleWithEverything, write));
});

/**
 * After an export has stored every line, `write` on the row `pick` finds marks that row's stored
 * lines stale (text gone, generation moved on) within its own transaction, which is then rolled
 * back so the newsroom stays as it was for the other cases.
 */
async function expectMarkedStale(table: "ClaimJsonlLine" | "ArticleJsonlLine", key: "claimId" | "articleId", pick: string, write: string) {
  await inSnapshot((on) => current(backupFormat, {}, on));
  const { rows } = await later.query<{ id: string }>(pick);
  const id = rows[0].id;
  const connection = await later.connect();
  try {
    await connection.query("BEGIN");
    const line = async () =>
      (await connection.query<{ text: string | null; generation: string }>(`SELECT text, generation::text FROM "${table}" WHERE "${key}" = $1`, [id])).rows[0];
    const before = await line();
    expect(before.text).not.toBeNull();
    const written = await connection.query(write, [id]);
    expect(written.rowCount).toBeGreaterThan(0);
    const after = await line();
    expect(after.text).toBeNull();
    expect(BigInt(after.generation)).toBeGreaterThan(BigInt(before.generation));
  } finally {
    await connection.query("ROLLBACK");
    connection.release();
  }
}

import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createArticle } from "@/lib/articles/create-article";
import type { Actor } from "@/lib/auth/policy";
import { updateClaimSchema } from "@/lib/claims/claim-schemas";
import { updateClaim } from "@/lib/claims/update-claim";
import { db } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { claimReviewFormat, renderClaimReviewsFromRows } from "@/lib/export/claimreview";
import { csvFormat, renderCsvFromRows } from "@/lib/export/csv";
import type { ExportContext, Publisher } from "@/lib/export/export-format";
import { closeExportPool, getExportPool } from "@/lib/export/export-pool";
import { countExportRows, exportWhereSql } from "@/lib/export/export-rows";
import { settledLineRefills } from "@/lib/export/export-lines";
import { renderWebAnnotationsFromRows, webAnnotationFormat } from "@/lib/export/web-annotation";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { reopenClaim } from "@/lib/review/reopen-claim";
import { reopenClaimSchema } from "@/lib/review/review-schemas";
import { tagClaim } from "../review/fixtures";
import { decide, seedReviewedClaims } from "./fixtures";
import { collect } from "../../support/file-chunks";

// Stored export lines (migration 20261206300000_claim_export_lines, lib/export/export-lines.ts)
// against the writers rendering every claim from its row: the same files byte for byte, cold and
// warm, for other origins and publishers, and after every kind of write.

const BASE = "https://derek.example.kz";
const PUBLISHER: Publisher = { name: "Derek", url: BASE };

let editor: Actor;
let reviewer: Actor;
let admin: Actor;
let article: { articleId: string; text: string };
let ids: Record<string, string>;

beforeAll(async () => {
  ({ editor, reviewer, admin, article, ids } = await seedReviewedClaims("lines.test"));
  // A claim whose own text holds a placeholder character: never stored, rendered every time.
  ids.placeholder = (await tagClaim(editor, article, "100 пайызға", { category: "OTHER", value: "100", unit: "percent", note: "белгі \uFDD0 мұнда", sources: [] })).id;
  // An article with emoji before its claim: the annotation's code point offsets differ from UTF-16.
  const emojiText = "Алматы 🙂 жаңалықтары 🚀🚀. Биыл 300 адам ұсталды, деді полиция.";
  const { articleId: emojiArticle } = await createArticle({ actorId: null, text: emojiText });
  ids.emoji = (await tagClaim(editor, { articleId: emojiArticle, text: emojiText }, "300 адам ұсталды", { category: "DETENTION_COUNT", value: "300", sources: [] })).id;
});

afterAll(async () => {
  await closeExportPool();
});


const FORMATS = [
  { name: "csv", stored: csvFormat.write, reference: renderCsvFromRows },
  { name: "claimreview", stored: claimReviewFormat.write, reference: renderClaimReviewsFromRows },
  { name: "annotations", stored: webAnnotationFormat.write, reference: renderWebAnnotationsFromRows },
] as const;

const FILTERS: Record<string, LedgerFilter> = { all: {}, verified: { status: "VERIFIED", rating: undefined } };

interface Links {
  baseUrl?: string;
  publisher?: Publisher;
  writeBack?: pg.Pool | null;
  staleLinesRendered?: number;
}

/** In one snapshot: each format's file from stored lines, and from its rows (the reference). */
async function files(links: Links = {}, client?: pg.PoolClient): Promise<Record<string, { stored: string; reference: string }>> {
  const own = client ?? (await getExportPool().connect());
  try {
    if (!client) await own.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const result: Record<string, { stored: string; reference: string }> = {};
    for (const format of FORMATS) {
      for (const [filterName, filter] of Object.entries(FILTERS)) {
        // ClaimReview holds verified claims only.
        if (format.name === "claimreview" && filterName === "all") continue;
        const context: ExportContext = {
          client: own,
          filter,
          baseUrl: links.baseUrl ?? BASE,
          publisher: links.publisher ?? PUBLISHER,
          onClaim: () => undefined,
          total: 0,
          exportId: "0195f3a0-0000-7000-8000-00000000e002",
          linesWriteBack: links.writeBack === undefined ? getPool() : links.writeBack,
          staleLinesRendered: links.staleLinesRendered,
        };
        result[`${format.name}-${filterName}`] = { stored: await collect(format.stored(context)), reference: await collect(format.reference(context)) };
      }
    }
    return result;
  } finally {
    if (!client) {
      await own.query("ROLLBACK");
      own.release();
    }
  }
}

async function expectSameFiles(links: Links = {}) {
  const written = await files(links);
  for (const [name, { stored, reference }] of Object.entries(written)) expect(stored, name).toBe(reference);
  return written;
}

const TABLES = ["ClaimExportCsvLine", "ClaimExportClaimReviewLine", "ClaimExportAnnotationLine"] as const;

/** Whether each format's line of the claim is stored (fresh) now. */
async function fresh(claimId: string): Promise<boolean[]> {
  const result: boolean[] = [];
  for (const table of TABLES) {
    const { rows } = await getPool().query<{ text: string | null }>(`SELECT "text" FROM "${table}" WHERE "claimId" = $1`, [claimId]);
    expect(rows, `${table} has a row for ${claimId}`).toHaveLength(1);
    result.push(rows[0].text !== null);
  }
  return result;
}

/**
 * The claim's lines are fresh (ClaimReview's only when it is verified: no other claim is in it),
 * then `write` runs, then they are all stale, and the files still match.
 */
async function afterWrite(claimId: string, write: () => Promise<unknown>) {
  await expectSameFiles();
  const { status } = await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true } });
  expect(await fresh(claimId)).toEqual([true, status === "VERIFIED", true]);
  await write();
  expect(await fresh(claimId)).toEqual([false, false, false]);
  return expectSameFiles();
}

describe("exports from stored lines", () => {
  it("write exactly the files the writers write from rows, cold and then warm", async () => {
    // Cold: every line stale (as after the migration or a restore).
    expect(await fresh(ids.twoSources)).toEqual([false, false, false]);
    const cold = await expectSameFiles();
    // What was compared holds what it should (a guard against a thin fixture).
    expect(cold["csv-all"].stored).toContain("ресми");
    expect(cold["csv-all"].stored).toContain("Марат Ержанов");
    expect(cold["csv-all"].stored).not.toContain(ids.deleted);
    expect(cold["claimreview-verified"].stored).toContain("Сот оны 5 жылға соттады");
    expect(cold["annotations-all"].stored).toContain("«төрт мың», яғни\\r\\n4 000");
    // Code points, not UTF-16 units: three emoji before the quote.
    const emoji = cold["annotations-all"].stored.split("\n").find((line) => line.includes(ids.emoji))!;
    expect(emoji).toContain(`"type":"TextPositionSelector","start":${"Алматы 🙂 жаңалықтары 🚀🚀. Биыл ".length - 3}`);
    // Written back: warm, served from the table, the same bytes.
    expect(await fresh(ids.twoSources)).toEqual([true, true, true]);
    expect(await fresh(ids.draft)).toEqual([true, false, true]);
    const warm = await expectSameFiles();
    expect(warm).toEqual(cold);
  });

  it("never store a claim that shows a placeholder character, and still write it right", async () => {
    await expectSameFiles();
    expect(await fresh(ids.placeholder)).toEqual([false, false, false]);
    expect((await files())["csv-all"].stored).toContain("белгі \uFDD0 мұнда");
  });

  it("put in another origin and publisher, escaped as each format writes them", async () => {
    await expectSameFiles();
    const written = await expectSameFiles({ baseUrl: "https://тексеру.kz/derek", publisher: { name: 'Тексеру "Дерек", Алматы\\', url: "https://тексеру.kz/?a=1&b=2" } });
    expect(written["claimreview-verified"].stored).toContain('"name":"Тексеру \\"Дерек\\", Алматы\\\\"');
    expect(written["csv-all"].stored).toContain(`https://тексеру.kz/derek/review/${ids.twoSources}`);
  });

  it("fall back to the rows for an origin the stored lines cannot hold", async () => {
    // A comma makes papaparse quote the field: put into a stored line it would not be.
    await expectSameFiles({ baseUrl: "https://derek.example.kz/a,b" });
    await expectSameFiles({ baseUrl: "=https://derek.example.kz" });
  });

  it("never store a line rendered from a snapshot older than a write", async () => {
    await expectSameFiles();
    const client = await getExportPool().connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      await client.query("SELECT 1 FROM \"Claim\" LIMIT 1"); // the snapshot is taken here
      const claim = await db.claim.findUniqueOrThrow({ where: { id: ids.draft } });
      await updateClaim({ actor: editor, input: updateClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, category: "DETENTION_COUNT", value: "201", qualifier: "EXACT", sources: [] }) });
      // The export in the older snapshot renders the draft's line as it was, and must not store it.
      const old = await files({}, client);
      expect(old["csv-all"].stored).toBe(old["csv-all"].reference);
      expect(await fresh(ids.draft)).toEqual([false, false, false]);
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    const now = await expectSameFiles();
    expect(now["csv-all"].stored).toMatch(/,201,/);
  });

  it("are written from rows when most are stale, and refilled after the file is sent", async () => {
    await expectSameFiles();
    await db.$executeRawUnsafe(`UPDATE "ClaimExportAnnotationLine" SET "text" = NULL, "generation" = "generation" + 1 WHERE "claimId" <> $1::uuid`, ids.twoSources);
    // A stored line the file must not show: proof that the file came from rows.
    await db.$executeRawUnsafe(`UPDATE "ClaimExportAnnotationLine" SET "text" = 'not from rows' WHERE "claimId" = $1::uuid`, ids.twoSources);
    const written = await files({ staleLinesRendered: 1 });
    for (const [name, { stored, reference }] of Object.entries(written)) expect(stored, name).toBe(reference);
    await settledLineRefills();
    expect(await fresh(ids.draft)).toEqual([true, false, true]);
    expect(await fresh(ids.emoji)).toEqual([true, false, true]);
    expect(await fresh(ids.placeholder)).toEqual([false, false, false]);
    await db.$executeRawUnsafe(`UPDATE "ClaimExportAnnotationLine" SET "text" = NULL, "generation" = "generation" + 1 WHERE "claimId" = $1::uuid`, ids.twoSources);
    await expectSameFiles();
  });

  it("free their connection when the download stops part-way through the COPY", async () => {
    // Enough claims for more than one chunk of the file.
    const source = await db.claim.findUniqueOrThrow({ where: { id: ids.draft } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = source;
    const copies = Array.from({ length: 300 }, () => crypto.randomUUID());
    await db.claim.createMany({ data: copies.map((id) => ({ ...fields, id, value: fields.value?.toString(), min: null, max: null })) });
    try {
      await expectSameFiles();
      const client = await getExportPool().connect();
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const context: ExportContext = { client, filter: {}, baseUrl: BASE, publisher: PUBLISHER, onClaim: () => undefined, linesWriteBack: getPool() };
        const chunks = csvFormat.write(context)[Symbol.asyncIterator]();
        await chunks.next(); // the header
        const first = await chunks.next();
        expect(first.done).toBe(false);
        expect((first.value as Uint8Array).byteLength).toBe(64 * 1024);
        await chunks.return?.();
        // The rest of the COPY was read and dropped: the connection answers again.
        expect((await client.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
        await client.query("ROLLBACK");
      } finally {
        client.release();
      }
    } finally {
      await db.claim.deleteMany({ where: { id: { in: copies } } });
    }
  });

  it("count their claims and stale lines in one statement, and write the same files from what it read", async () => {
    await expectSameFiles();
    for (const table of TABLES) {
      await db.$executeRawUnsafe(`UPDATE "${table}" SET "text" = NULL, "generation" = "generation" + 1 WHERE "claimId" = ANY($1::uuid[])`, [ids.twoSources, ids.draft, ids.emoji]);
    }
    const client = await getExportPool().connect();
    try {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      for (const [index, format] of [csvFormat, claimReviewFormat, webAnnotationFormat].entries()) {
        for (const [filterName, filter] of Object.entries(FILTERS)) {
          if (format.id === "claimreview" && filterName === "all") continue;
          const counted = await format.count!(client, filter);
          expect(counted.total, `${format.id} ${filterName}`).toBe(await countExportRows(client, filter));
          const where = exportWhereSql(filter);
          const { rows: stale } = await client.query<{ id: string; generation: string }>(
            `SELECT c.id, l."generation"::text AS generation FROM "${TABLES[index]}" l JOIN "Claim" c ON c.id = l."claimId" WHERE l."text" IS NULL AND ${where.text} ORDER BY c.id`,
            where.values,
          );
          expect(stale.length, `${format.id} ${filterName} has stale lines`).toBeGreaterThan(0);
          expect([...counted.staleLines!].sort((a, b) => a.id.localeCompare(b.id)), `${format.id} ${filterName}`).toEqual(stale);
          const context: ExportContext = {
            client,
            filter,
            baseUrl: BASE,
            publisher: PUBLISHER,
            onClaim: () => undefined,
            total: counted.total,
            staleLines: counted.staleLines,
            exportId: "0195f3a0-0000-7000-8000-00000000e003",
            linesWriteBack: null,
          };
          const reference = FORMATS.find((f) => f.name === format.id)!.reference;
          expect(await collect(format.write(context)), `${format.id} ${filterName}`).toBe(await collect(reference(context)));
        }
      }
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
    // Written back, for the tests after this one.
    await expectSameFiles();
  });

  it("are still right when nothing can be written back", async () => {
    await db.$executeRawUnsafe(`UPDATE "ClaimExportCsvLine" SET "text" = NULL, "generation" = "generation" + 1`);
    await expectSameFiles({ writeBack: null });
    expect(await fresh(ids.twoSources)).toEqual([false, true, true]);
  });
});

describe("stored lines go stale on every write they show", () => {
  it("a claim edited", async () => {
    await afterWrite(ids.returnedThenApproved, async () => {
      await db.claim.update({ where: { id: ids.returnedThenApproved }, data: { note: "Жаңа ескерту, «тырнақшамен»" } });
    });
  });

  it("a status change and a decision", async () => {
    const claim = await db.claim.findUniqueOrThrow({ where: { id: ids.reapproved } });
    await afterWrite(ids.reapproved, () => reopenClaim({ actor: admin, input: reopenClaimSchema.parse({ claimId: claim.id, expectedVersion: claim.version, reason: "Сан өзгерді" }) }));
    const reopened = await db.claim.findUniqueOrThrow({ where: { id: ids.reapproved } });
    await afterWrite(ids.reapproved, () => decide(reviewer, reopened, { decision: "APPROVE", rating: "MISLEADING" }));
  });

  it("a source edited, in every claim that links it", async () => {
    const link = await db.claimSource.findFirstOrThrow({ where: { claimId: ids.twoSources, stance: "SUPPORTS" } });
    const written = await afterWrite(ids.twoSources, () => db.source.update({ where: { id: link.sourceId }, data: { title: "Жоғарғы сот үкімі" } }));
    expect(written["csv-all"].stored).toContain("Жоғарғы сот үкімі");
  });

  it("a source link removed", async () => {
    const link = await db.claimSource.findFirstOrThrow({ where: { claimId: ids.twoSources, stance: "CONTRADICTS" } });
    await afterWrite(ids.twoSources, () => db.claimSource.delete({ where: { claimId_sourceId: { claimId: ids.twoSources, sourceId: link.sourceId } } }));
  });

  it("a review recorded", async () => {
    await afterWrite(ids.twoSources, () => db.review.create({ data: { claimId: ids.twoSources, reviewerId: reviewer.id, decision: "APPROVED", rating: "TRUE" } }));
  });

  it("an author and an approver renamed", async () => {
    const byAuthor = await afterWrite(ids.draft, () => db.user.update({ where: { id: editor.id }, data: { name: "Айгүл Сәрсенқызы" } }));
    expect(byAuthor["annotations-all"].stored).toContain("Айгүл Сәрсенқызы");
    const byApprover = await afterWrite(ids.returnedThenApproved, () => db.user.update({ where: { id: reviewer.id }, data: { name: "Марат Ержанұлы" } }));
    expect(byApprover["csv-verified"].stored).toContain("Марат Ержанұлы");
  });

  it("the article's title and its text", async () => {
    await afterWrite(ids.draft, () => db.article.update({ where: { id: article.articleId }, data: { title: "Жаңа тақырып, «өзгерді»" } }));
    // The text alone (no claim re-anchored): ClaimReview's sentence is cut from it.
    const written = await afterWrite(ids.returnedThenApproved, () =>
      db.$executeRaw`UPDATE "Article" SET "bodyText" = replace("bodyText", 'жүргізуші', 'жүргізушілер') WHERE id = ${article.articleId}::uuid`,
    );
    expect(written["claimreview-verified"].stored).toContain("жүргізушілер");
  });

  it("claims inserted by one statement, as a restore writes them, start stale", async () => {
    const source = await db.claim.findUniqueOrThrow({ where: { id: ids.draft } });
    const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = source;
    const copies = [crypto.randomUUID(), crypto.randomUUID()];
    await db.claim.createMany({ data: copies.map((id) => ({ ...fields, id, value: fields.value?.toString(), min: null, max: null })) });
    for (const id of copies) expect(await fresh(id)).toEqual([false, false, false]);
    await expectSameFiles();
    for (const id of copies) expect(await fresh(id)).toEqual([true, false, true]);
  });

  it("a claim deleted for good takes its lines with it", async () => {
    const doomed = await tagClaim(editor, article, "200-ге жуық жұмысшысы", { category: "DETENTION_COUNT", value: "200", sources: [] });
    await expectSameFiles();
    await db.claim.delete({ where: { id: doomed.id } });
    for (const table of TABLES) {
      const { rowCount } = await getPool().query(`SELECT 1 FROM "${table}" WHERE "claimId" = $1`, [doomed.id]);
      expect(rowCount).toBe(0);
    }
    await expectSameFiles();
  });
});

import type pg from "pg";
import { Prisma, type AnchorStatus, type ClaimCategory, type ClaimStatus, type Qualifier, type Rating, type SourceKind, type Stance } from "@/lib/generated/prisma/client";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { SENTENCE_WINDOW } from "./claim-statement";
import { ledgerOrderOf, ledgerOrderSql, ledgerWhereSql } from "@/lib/ledger/ledger-sql";

/** One source of a claim, as every format writes it. */
export interface ExportSource {
  url: string;
  title: string | null;
  publisher: string | null;
  kind: SourceKind;
  archivedUrl: string | null;
  accessedAt: string | null;
  stance: Stance;
  passage: string | null;
  note: string | null;
}

/** One claim with everything the formats write about it, read in one row. */
export interface ExportRow {
  id: string;
  articleId: string;
  articleTitle: string;
  outlet: string | null;
  /** Where the article was published (Article.sourceUrl), when known. */
  articleUrl: string | null;
  /** YYYY-MM-DD */
  articlePublishedAt: string | null;
  articleLanguage: string;
  articleRevision: number;
  quote: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offsets into the article's current text. */
  start: number;
  end: number;
  anchorStatus: AnchorStatus;
  category: ClaimCategory;
  value: string | null;
  min: string | null;
  max: string | null;
  unit: string | null;
  qualifier: Qualifier;
  claimant: string | null;
  /** The claim in the editor's words for publication, when they gave it. */
  statement: string | null;
  /** YYYY-MM-DD */
  eventDate: string | null;
  note: string | null;
  status: ClaimStatus;
  rating: Rating | null;
  authorName: string;
  groupId: string | null;
  /** ISO 8601 in UTC. */
  createdAt: string;
  updatedAt: string;
  /** The approving review of a verified claim (its latest APPROVED review); null otherwise. */
  approvedAt: string | null;
  approvedBy: string | null;
  sources: ExportSource[];
  /**
   * The article's text up to the claim's end, only when asked for and only when the article holds
   * characters outside the Basic Multilingual Plane (emoji): then UTF-16 offsets and code point
   * offsets differ, and this is what converts one into the other.
   */
  textUpToEnd?: string | null;
  /**
   * The article's text around the claim (SENTENCE_WINDOW characters on each side), only when asked
   * for and only for a claim without a statement: where its sentence is found (see sentenceWindows).
   */
  sentenceWindow?: string | null;
  /** Where sentenceWindow starts in the article's text (UTF-16). */
  sentenceWindowStart?: number | null;
}

export interface ExportRowOptions {
  /** Claims per round trip to the database. */
  batchSize?: number;
  /** Add `textUpToEnd` (the Web Annotation format counts positions in code points). */
  withTextUpToEnd?: boolean;
  /** Add `sentenceWindow` (ClaimReview names the sentence that holds a claim without a statement). */
  withSentenceWindow?: boolean;
}

/**
 * Claims per batch. Smaller batches cost more round trips (about a tenth more server time at 250
 * than at 1,000); larger ones let more rows outlive the collector's young generation while a batch
 * waits on the database, and the heap then grows between full collections: exporting 100,000
 * claims, the heap grew by up to 150 MB at 1,000 and by at most 65 MB at 250.
 */
export const EXPORT_BATCH_SIZE = 250;

/**
 * The ledger's conditions, and for verified claims also a verdict: a verified claim always has
 * one (approving sets it, re-opening clears both), and ClaimReview cannot be written without it,
 * so the count and every format agree on the same rows even if that ever stopped holding.
 */
export function exportWhereSql(filter: LedgerFilter): Prisma.Sql {
  const where = ledgerWhereSql(filter);
  return filter.status === "VERIFIED" ? Prisma.sql`${where} AND c."rating" IS NOT NULL` : where;
}

/** How many claims an export of `filter` holds, in the snapshot of `client`'s transaction. */
export async function countExportRows(client: pg.ClientBase, filter: LedgerFilter): Promise<number> {
  const query = Prisma.sql`SELECT count(*)::int AS count FROM "Claim" c WHERE ${exportWhereSql(filter)}`;
  const { rows } = await client.query<{ count: number }>(query.text, query.values);
  return rows[0].count;
}

const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The claims of an export in the ledger's order, each with its sources and latest approval from
 * the read model ClaimExportDetail (migration 20261205150000_claim_export_detail, kept by
 * triggers): one statement, with no lookup per claim or per batch.
 */
export function exportRowsSql(filter: LedgerFilter, options: ExportRowOptions = {}): { text: string; values: unknown[] } {
  return rowsSql(exportWhereSql(filter), ledgerOrderSql(ledgerOrderOf(filter)), options);
}

/**
 * The export rows of these claims (any order): the ones whose stored lines are stale
 * (lib/export/export-lines.ts). With `withTextUpToEnd`, the statement itself finds which of their
 * articles hold emoji (each article once per statement, as for a whole export).
 */
export async function exportRowsOf(client: pg.ClientBase, ids: readonly string[], options: ExportRowOptions = {}): Promise<ExportRow[]> {
  const { text, values } = rowsSql(Prisma.sql`c.id = ANY(${ids}::uuid[])`, Prisma.sql`c.id`, options);
  const { rows } = await client.query<ExportRow>(text, values);
  return rows;
}

function rowsSql(where: Prisma.Sql, order: Prisma.Sql, options: ExportRowOptions): { text: string; values: unknown[] } {
  // Emoji in an article are rare; finding the articles that have any costs one regex pass per
  // article of the statement (not per claim), and only those claims carry the text prefix.
  const astral = options.withTextUpToEnd
    ? Prisma.sql`WITH astral AS MATERIALIZED (
         SELECT a.id FROM "Article" a
          WHERE a.id IN (SELECT c."articleId" FROM "Claim" c WHERE ${where})
            AND a."bodyText" ~ '[\\U00010000-\\U0010FFFF]'
       )`
    : Prisma.empty;
  const textUpToEnd = options.withTextUpToEnd
    ? Prisma.sql`, CASE WHEN c."articleId" IN (SELECT id FROM astral) THEN left(a."bodyText", c."end") END AS "textUpToEnd"`
    : Prisma.empty;
  return selectRows(astral, textUpToEnd, where, order);
}

function selectRows(astral: Prisma.Sql, textUpToEnd: Prisma.Sql, where: Prisma.Sql, order: Prisma.Sql): { text: string; values: unknown[] } {
  const query = Prisma.sql`${astral}
    SELECT c.id, c."articleId", a.title AS "articleTitle", a.outlet, a."sourceUrl" AS "articleUrl",
           to_char(a."publishedAt", 'YYYY-MM-DD') AS "articlePublishedAt", a.language AS "articleLanguage",
           a.revision AS "articleRevision",
           c.quote, c.prefix, c.suffix, c.start, c."end", c."anchorStatus", c.category,
           c.value::text AS value, c.min::text AS min, c.max::text AS max, c.unit, c.qualifier, c.claimant,
           c.statement, to_char(c."eventDate", 'YYYY-MM-DD') AS "eventDate", c.note, c.status, c.rating,
           u.name AS "authorName", c."groupId",
           ${Prisma.raw(isoUtc(`c."createdAt"`))} AS "createdAt", ${Prisma.raw(isoUtc(`c."updatedAt"`))} AS "updatedAt",
           coalesce(d.sources, '[]'::json) AS sources,
           -- The approval of a verified claim only: one re-opened since is no longer published.
           CASE WHEN c.status = 'VERIFIED' THEN ${Prisma.raw(isoUtc(`d."approvedAt"`))} END AS "approvedAt",
           CASE WHEN c.status = 'VERIFIED' THEN approver.name END AS "approvedBy"
           ${textUpToEnd}
      FROM "Claim" c
      JOIN "Article" a ON a.id = c."articleId"
      JOIN "User" u ON u.id = c."authorId"
      LEFT JOIN "ClaimExportDetail" d ON d."claimId" = c.id
      LEFT JOIN "User" approver ON approver.id = d."approvedById"
     WHERE ${where}
     ORDER BY ${order}`;
  return { text: query.text, values: query.values };
}

/** Articles whose text an export keeps at hand for the claims' sentences (a few MB). */
const ARTICLE_TEXTS_KEPT = 200;

/**
 * Fills `sentenceWindow` of the batch's claims without a statement: SENTENCE_WINDOW characters of
 * the article's text on each side of the claim, cut here, in UTF-16 offsets as Derek stores them.
 * Cutting them in the statement cost the database a decompression of the whole article per claim
 * (measured: the export's statement went from about 3 s to about 30 s for 100,000 claims); here
 * each article's text is read once per batch at most, and the latest ARTICLE_TEXTS_KEPT are kept,
 * since an export's claims come from the same articles again and again in the ledger's order.
 */
export function sentenceWindows(client: pg.ClientBase): (rows: ExportRow[]) => Promise<void> {
  const texts = new Map<string, string>();
  return async (rows) => {
    const missing = [...new Set(rows.filter((row) => row.statement === null && !texts.has(row.articleId)).map((row) => row.articleId))];
    if (missing.length) {
      const { rows: articles } = await client.query<{ id: string; bodyText: string }>(`SELECT id, "bodyText" FROM "Article" WHERE id = ANY($1::uuid[])`, [missing]);
      for (const article of articles) texts.set(article.id, article.bodyText);
    }
    for (const row of rows) {
      const text = row.statement === null ? texts.get(row.articleId) : undefined;
      const start = Math.max(0, row.start - SENTENCE_WINDOW);
      row.sentenceWindow = text === undefined ? null : text.slice(start, row.end + SENTENCE_WINDOW);
      row.sentenceWindowStart = text === undefined ? null : start;
      // Refreshed as most recently used.
      if (text !== undefined) {
        texts.delete(row.articleId);
        texts.set(row.articleId, text);
      }
    }
    for (const id of texts.keys()) {
      if (texts.size <= ARTICLE_TEXTS_KEPT) break;
      texts.delete(id);
    }
  };
}

const CURSOR = "derek_export_claims";

/**
 * The export's claims in the ledger's order, a batch at a time, so memory holds a batch or two
 * however many claims match. They come from a cursor declared in the export's transaction, each
 * row whole (sources and approval joined from the read model, see exportRowsSql).
 *
 * The next batch is fetched while the consumer writes the current one: the database and the
 * writer work at the same time. Stopping early (the consumer returns) closes the cursor.
 */
export async function* exportRowBatches(client: pg.ClientBase, filter: LedgerFilter, options: ExportRowOptions = {}): AsyncGenerator<ExportRow[]> {
  const size = options.batchSize ?? EXPORT_BATCH_SIZE;
  const { text, values } = exportRowsSql(filter, options);
  // The whole result will be read: plan for all of it, not for the first rows (the cursor default).
  await client.query("SET LOCAL cursor_tuple_fraction = 1.0");
  await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${text}`, values);
  const withWindows = options.withSentenceWindow ? sentenceWindows(client) : null;
  const fetchBatch = async () => {
    const { rows } = await client.query<ExportRow>(`FETCH FORWARD ${size} FROM ${CURSOR}`);
    if (!rows.length) return null;
    await withWindows?.(rows);
    return rows;
  };
  let next: Promise<ExportRow[] | null> | null = fetchBatch();
  try {
    for (;;) {
      const batch: ExportRow[] | null = await next;
      if (!batch) return;
      next = fetchBatch();
      // Settled when the consumer stops early; its failure then matters less than the stop.
      next.catch(() => undefined);
      yield batch;
    }
  } finally {
    await next?.catch(() => undefined);
    // After a failure the transaction is lost anyway, and the error that matters is on its way.
    await client.query(`CLOSE ${CURSOR}`).catch(() => undefined);
  }
}

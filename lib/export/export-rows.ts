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
   * for and only for a claim without a statement: where its sentence is found.
   */
  sentenceWindow?: string | null;
  /** Where sentenceWindow starts in the article's text. */
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

type ClaimRow = Omit<ExportRow, "sources" | "approvedAt" | "approvedBy"> & { sources: null; approvedAt: null; approvedBy: null };

/** The claims of an export in the ledger's order, without their sources and approval. */
export function exportRowsSql(filter: LedgerFilter, options: ExportRowOptions = {}): { text: string; values: unknown[] } {
  const where = exportWhereSql(filter);
  // Emoji in an article are rare; finding the articles that have any costs one regex pass per
  // article of the export (not per claim), and only those claims carry the text prefix.
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
  const sentenceWindow = options.withSentenceWindow ? sentenceWindowSql() : Prisma.empty;
  const query = Prisma.sql`${astral}
    SELECT c.id, c."articleId", a.title AS "articleTitle", a.outlet, a."sourceUrl" AS "articleUrl",
           to_char(a."publishedAt", 'YYYY-MM-DD') AS "articlePublishedAt", a.language AS "articleLanguage",
           a.revision AS "articleRevision",
           c.quote, c.prefix, c.suffix, c.start, c."end", c."anchorStatus", c.category,
           c.value::text AS value, c.min::text AS min, c.max::text AS max, c.unit, c.qualifier, c.claimant,
           c.statement, to_char(c."eventDate", 'YYYY-MM-DD') AS "eventDate", c.note, c.status, c.rating,
           u.name AS "authorName", c."groupId",
           ${Prisma.raw(isoUtc(`c."createdAt"`))} AS "createdAt", ${Prisma.raw(isoUtc(`c."updatedAt"`))} AS "updatedAt",
           -- Filled in per batch; named here so every row object has its final shape from the start.
           NULL AS sources, NULL AS "approvedAt", NULL AS "approvedBy"
           ${textUpToEnd}${sentenceWindow}
      FROM "Claim" c
      JOIN "Article" a ON a.id = c."articleId"
      JOIN "User" u ON u.id = c."authorId"
     WHERE ${where}
     ORDER BY ${ledgerOrderSql(ledgerOrderOf(filter))}`;
  return { text: query.text, values: query.values };
}

/**
 * The text around a claim without a statement, for its sentence: a window rather than the whole
 * article, which would travel once per claim. PostgreSQL counts characters in code points and
 * Derek's offsets are UTF-16, so after an emoji the window is shifted by a few characters; the
 * reader finds the quote in it by its words (lib/export/claim-statement.ts).
 */
function sentenceWindowSql(): Prisma.Sql {
  const from = `greatest(c.start - ${SENTENCE_WINDOW}, 0)`;
  return Prisma.raw(`,
           CASE WHEN c.statement IS NULL THEN substr(a."bodyText", ${from} + 1, c."end" - ${from} + ${SENTENCE_WINDOW}) END AS "sentenceWindow",
           CASE WHEN c.statement IS NULL THEN ${from} END AS "sentenceWindowStart"`);
}

const SOURCES_SQL = `
  SELECT cs."claimId", s.url, s.title, s.publisher, s.kind, s."archivedUrl",
         to_char(s."accessedAt", 'YYYY-MM-DD') AS "accessedAt", cs.stance, cs.passage, cs.note
    FROM "ClaimSource" cs JOIN "Source" s ON s.id = cs."sourceId"
   WHERE cs."claimId" = ANY($1::uuid[])
   ORDER BY cs."claimId", cs."createdAt", s.url`;

// The latest approval: a claim re-opened and approved again was published again then.
const APPROVALS_SQL = `
  SELECT DISTINCT ON (r."claimId") r."claimId", ${isoUtc(`r."createdAt"`)} AS "approvedAt", u.name AS "approvedBy"
    FROM "Review" r JOIN "User" u ON u.id = r."reviewerId"
   WHERE r."claimId" = ANY($1::uuid[]) AND r.decision = 'APPROVED'
   ORDER BY r."claimId", r."createdAt" DESC`;

/** A batch of claims with their sources and, for verified ones, their approval: two statements per batch. */
async function withDetails(client: pg.ClientBase, claims: ClaimRow[]): Promise<ExportRow[]> {
  const ids = claims.map((claim) => claim.id);
  const verified = claims.filter((claim) => claim.status === "VERIFIED").map((claim) => claim.id);
  const { rows: sources } = await client.query<ExportSource & { claimId: string }>(SOURCES_SQL, [ids]);
  const approvals = verified.length
    ? (await client.query<{ claimId: string; approvedAt: string; approvedBy: string }>(APPROVALS_SQL, [verified])).rows
    : [];
  // The rows are completed in place (a source keeps its claimId): a copy of 100,000 claims and
  // their sources would be that much more garbage for the collector.
  const rows = claims as unknown as ExportRow[];
  const byId = new Map<string, ExportRow>();
  for (const row of rows) {
    row.sources = [];
    row.approvedAt = null;
    row.approvedBy = null;
    byId.set(row.id, row);
  }
  for (const source of sources) byId.get(source.claimId)?.sources.push(source);
  for (const approval of approvals) {
    const row = byId.get(approval.claimId);
    if (row) {
      row.approvedAt = approval.approvedAt;
      row.approvedBy = approval.approvedBy;
    }
  }
  return rows;
}

const CURSOR = "derek_export_claims";

/**
 * The export's claims in the ledger's order, a batch at a time, so memory holds a batch or two
 * however many claims match. The claims come from a cursor declared in the export's transaction;
 * each batch's sources and approvals come from one statement each over the batch's ids. That is
 * cheaper than computing them per claim inside the cursor's statement: measured on 100,000 claims
 * of a million, the correlated json_agg of sources and the per-claim approval lookup cost the
 * server 4–5 s of CPU, the claims alone about 1 s, and the claims with these batch statements
 * about 3 s. A SQL cursor (DECLARE/FETCH), unlike
 * a protocol-level one, leaves the connection free for those statements between fetches.
 *
 * The next batch is fetched while the consumer writes the current one: the database and the
 * writer work at the same time. Stopping early (the consumer returns) closes the cursor.
 */
export async function* exportRowBatches(client: pg.ClientBase, filter: LedgerFilter, options: ExportRowOptions = {}): AsyncGenerator<ExportRow[]> {
  const size = options.batchSize ?? EXPORT_BATCH_SIZE;
  const { text, values } = exportRowsSql(filter, options);
  // The whole result will be read: plan for all of it, not for the first rows (the cursor default).
  await client.query("SET LOCAL cursor_tuple_fraction = 1.0");
  // A batch's sources are a few hundred index lookups. With the default costs (random_page_cost
  // 4, as for spinning disks) the planner rather hashes the whole Source table for every batch, in
  // parallel workers started anew each time: measured on a batch of 1,000 claims, 58 ms against 3.
  await client.query("SET LOCAL random_page_cost = 1.1");
  await client.query("SET LOCAL max_parallel_workers_per_gather = 0");
  await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${text}`, values);
  const fetchBatch = async () => {
    const { rows } = await client.query<ClaimRow>(`FETCH FORWARD ${size} FROM ${CURSOR}`);
    return rows.length ? withDetails(client, rows) : null;
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

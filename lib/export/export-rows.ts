import Cursor from "pg-cursor";
import type pg from "pg";
import type { AnchorStatus, ClaimCategory, ClaimStatus, Qualifier, Rating, SourceKind, Stance } from "@/lib/generated/prisma/client";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { ledgerOrderOf, ledgerOrderSql, ledgerWhereSql, SqlParams } from "@/lib/ledger/ledger-sql";

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
}

export interface ExportRowOptions {
  /** Rows per round trip to the database. */
  batchSize?: number;
  /** Add `textUpToEnd` (the Web Annotation format counts positions in code points). */
  withTextUpToEnd?: boolean;
}

export const EXPORT_BATCH_SIZE = 1000;

/**
 * The ledger's conditions, and for verified claims also a verdict: a verified claim always has
 * one (approving sets it, re-opening clears both), and ClaimReview cannot be written without it,
 * so the count and every format agree on the same rows even if that ever stopped holding.
 */
export function exportWhereSql(filter: LedgerFilter, params: SqlParams): string {
  const where = ledgerWhereSql(filter, params);
  return filter.status === "VERIFIED" ? `${where} AND c."rating" IS NOT NULL` : where;
}

/** How many claims an export of `filter` holds, in the snapshot of `client`'s transaction. */
export async function countExportRows(client: pg.ClientBase, filter: LedgerFilter): Promise<number> {
  const params = new SqlParams();
  const { rows } = await client.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM "Claim" c WHERE ${exportWhereSql(filter, params)}`,
    params.values,
  );
  return rows[0].count;
}

const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The claim rows of an export as one statement; exported for the query-plan check in the tests. */
export function exportRowsSql(filter: LedgerFilter, options: ExportRowOptions = {}): { text: string; values: unknown[] } {
  const params = new SqlParams();
  const where = exportWhereSql(filter, params);
  // Emoji in an article are rare; finding the articles that have any costs one regex pass per
  // article of the export (not per claim), and only those claims carry the text prefix.
  const astral = options.withTextUpToEnd
    ? `WITH astral AS MATERIALIZED (
         SELECT a.id FROM "Article" a
          WHERE a.id IN (SELECT c."articleId" FROM "Claim" c WHERE ${where})
            AND a."bodyText" ~ '[\\U00010000-\\U0010FFFF]'
       )`
    : "";
  const textUpToEnd = options.withTextUpToEnd
    ? `, CASE WHEN c."articleId" IN (SELECT id FROM astral) THEN left(a."bodyText", c."end") END AS "textUpToEnd"`
    : "";
  // Sources are aggregated per claim inside the statement and the approving review is a lateral
  // index lookup: the whole export is one cursor, with no query per claim.
  const text = `${astral}
    SELECT c.id, c."articleId", a.title AS "articleTitle", a.outlet, a."sourceUrl" AS "articleUrl",
           to_char(a."publishedAt", 'YYYY-MM-DD') AS "articlePublishedAt", a.language AS "articleLanguage",
           a.revision AS "articleRevision",
           c.quote, c.prefix, c.suffix, c.start, c."end", c."anchorStatus", c.category,
           c.value::text AS value, c.min::text AS min, c.max::text AS max, c.unit, c.qualifier, c.claimant,
           to_char(c."eventDate", 'YYYY-MM-DD') AS "eventDate", c.note, c.status, c.rating,
           u.name AS "authorName", c."groupId",
           ${isoUtc(`c."createdAt"`)} AS "createdAt", ${isoUtc(`c."updatedAt"`)} AS "updatedAt",
           ${isoUtc(`ap."createdAt"`)} AS "approvedAt", ap.reviewer AS "approvedBy",
           (SELECT coalesce(json_agg(json_build_object(
                     'url', s.url, 'title', s.title, 'publisher', s.publisher, 'kind', s.kind,
                     'archivedUrl', s."archivedUrl", 'accessedAt', to_char(s."accessedAt", 'YYYY-MM-DD'),
                     'stance', cs.stance, 'passage', cs.passage, 'note', cs.note)
                   ORDER BY cs."createdAt", s.url), '[]'::json)
              FROM "ClaimSource" cs JOIN "Source" s ON s.id = cs."sourceId"
             WHERE cs."claimId" = c.id) AS sources
           ${textUpToEnd}
      FROM "Claim" c
      JOIN "Article" a ON a.id = c."articleId"
      JOIN "User" u ON u.id = c."authorId"
      LEFT JOIN LATERAL (
        SELECT r."createdAt", ru.name AS reviewer
          FROM "Review" r JOIN "User" ru ON ru.id = r."reviewerId"
         WHERE r."claimId" = c.id AND r.decision = 'APPROVED'
         -- (claimId, createdAt) is an index: read backwards, the first approval found is the latest.
         ORDER BY r."createdAt" DESC
         LIMIT 1
      ) ap ON c.status = 'VERIFIED'
     WHERE ${where}
     ORDER BY ${ledgerOrderSql(ledgerOrderOf(filter))}`;
  return { text, values: params.values };
}

/**
 * The export's claims in the ledger's order, a batch at a time from a server-side cursor: memory
 * holds one batch, however many claims match. Stopping early (the consumer returns) closes the
 * cursor.
 */
export async function* exportRowBatches(client: pg.ClientBase, filter: LedgerFilter, options: ExportRowOptions = {}): AsyncGenerator<ExportRow[]> {
  const { text, values } = exportRowsSql(filter, options);
  const cursor = client.query(new Cursor<ExportRow>(text, values));
  try {
    for (;;) {
      const rows = await cursor.read(options.batchSize ?? EXPORT_BATCH_SIZE);
      if (rows.length === 0) return;
      yield rows;
    }
  } finally {
    await cursor.close();
  }
}

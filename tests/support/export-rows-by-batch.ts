/**
 * The export's rows as they were read before migration 20261205150000_claim_export_detail: the
 * claims from a cursor, each batch's sources and latest approval looked up by two statements over
 * the batch's ids. Kept only to prove that the read model gives byte-identical files
 * (tests/integration/export/export-read-model.test.ts) and to measure the difference
 * (bench/export.ts); production reads lib/export/export-rows.ts.
 */
import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { exportWhereSql, sentenceWindows, type ExportRow, type ExportRowOptions, type ExportSource, EXPORT_BATCH_SIZE } from "@/lib/export/export-rows";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { ledgerOrderOf, ledgerOrderSql } from "@/lib/ledger/ledger-sql";

const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

type ClaimRow = Omit<ExportRow, "sources" | "approvedAt" | "approvedBy"> & { sources: null; approvedAt: null; approvedBy: null };

/** The claims of an export in the ledger's order, without their sources and approval (as before the read model). */
function claimsSqlByBatch(filter: LedgerFilter, options: ExportRowOptions = {}): { text: string; values: unknown[] } {
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
           ${textUpToEnd}
      FROM "Claim" c
      JOIN "Article" a ON a.id = c."articleId"
      JOIN "User" u ON u.id = c."authorId"
     WHERE ${where}
     ORDER BY ${ledgerOrderSql(ledgerOrderOf(filter))}`;
  return { text: query.text, values: query.values };
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

const CURSOR = "derek_export_claims_by_batch";

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
export async function* exportRowBatchesByBatch(client: pg.ClientBase, filter: LedgerFilter, options: ExportRowOptions = {}): AsyncGenerator<ExportRow[]> {
  const size = options.batchSize ?? EXPORT_BATCH_SIZE;
  const { text, values } = claimsSqlByBatch(filter, options);
  // The whole result will be read: plan for all of it, not for the first rows (the cursor default).
  await client.query("SET LOCAL cursor_tuple_fraction = 1.0");
  // A batch's sources are a few hundred index lookups. With the default costs (random_page_cost
  // 4, as for spinning disks) the planner rather hashes the whole Source table for every batch, in
  // parallel workers started anew each time: measured on a batch of 1,000 claims, 58 ms against 3.
  await client.query("SET LOCAL random_page_cost = 1.1");
  await client.query("SET LOCAL max_parallel_workers_per_gather = 0");
  await client.query(`DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${text}`, values);
  const withWindows = options.withSentenceWindow ? sentenceWindows(client) : null;
  const fetchBatch = async () => {
    const { rows } = await client.query<ClaimRow>(`FETCH FORWARD ${size} FROM ${CURSOR}`);
    if (!rows.length) return null;
    const batch = await withDetails(client, rows);
    // The claims' sentences are no part of what the read model changed: cut the same way.
    await withWindows?.(batch);
    return batch;
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

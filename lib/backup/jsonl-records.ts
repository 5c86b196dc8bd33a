import type pg from "pg";
import type { LedgerFilter } from "@/lib/ledger/ledger-filter";
import { Prisma } from "@/lib/generated/prisma/client";
import { ledgerWhereSql } from "@/lib/ledger/ledger-sql";
import type { ArticleRecord, ExclusionRecord, GroupRecord, RevisionRecord, SourceRecord } from "./backup-records";

/*
 * What the JSON Lines file holds besides its claims, read and made records: articles with their
 * revisions, sources, groups, exclusion pairs, and the queries that find them
 * (lib/backup/jsonl-format.ts writes the file).
 */

/** A ledger export holds the ledger's claims; a full backup every stored claim. */
export type Scope = "ledger" | "everything";

/**
 * Rows of a query, a batch at a time, through a server-side cursor (DECLARE … FETCH) of the
 * export's transaction. A cursor declared in SQL, unlike a client-side one, leaves the connection
 * free between fetches for the queries that load what the rows refer to.
 */
export async function* cursorBatches<Row extends pg.QueryResultRow>(
  client: pg.PoolClient,
  name: string,
  query: { text: string; values: unknown[] },
  size: number,
): AsyncGenerator<Row[]> {
  await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${query.text}`, query.values);
  try {
    for (;;) {
      const { rows } = await client.query<Row>(`FETCH FORWARD ${size} FROM ${name}`);
      if (rows.length === 0) return;
      yield rows;
    }
  } finally {
    // Also when the reader stopped early; after a failure the transaction is lost anyway and the
    // error that matters is the one already on its way.
    await client.query(`CLOSE ${name}`).catch(() => undefined);
  }
}

export interface ExclusionRow {
  claimAId: string;
  claimBId: string;
  createdById: string | null;
  createdAt: Date;
}

/**
 * The conditions on the claims table aliased `c`: the ledger's (which leave deleted claims out),
 * or none for everything.
 */
export function claimsWhere(scope: Scope, filter: LedgerFilter): Prisma.Sql {
  return scope === "everything" ? Prisma.sql`TRUE` : ledgerWhereSql(filter);
}

/** For a full backup, after every claim: what no claim uses, by id. */
export const UNUSED_QUERIES = [
  {
    kind: "articles" as const,
    cursor: "derek_jsonl_unused_articles",
    text: `SELECT a.id FROM "Article" a WHERE NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."articleId" = a.id) ORDER BY a.id`,
    values: [],
  },
  {
    kind: "sources" as const,
    cursor: "derek_jsonl_unused_sources",
    text: `SELECT s.id FROM "Source" s WHERE NOT EXISTS (SELECT 1 FROM "ClaimSource" cs WHERE cs."sourceId" = s.id) ORDER BY s.id`,
    values: [],
  },
  {
    kind: "groups" as const,
    cursor: "derek_jsonl_unused_groups",
    text: `SELECT g.id FROM "ClaimGroup" g WHERE NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c."groupId" = g.id) ORDER BY g.id`,
    values: [],
  },
];

export function exclusionsQuery(scope: Scope, filter: LedgerFilter): Prisma.Sql {
  const where = claimsWhere(scope, filter);
  return Prisma.sql`
    SELECT e."claimAId", e."claimBId", e."createdById", e."createdAt"
      FROM "ClaimGroupExclusion" e
     WHERE EXISTS (SELECT 1 FROM "Claim" c WHERE c.id = e."claimAId" AND ${where})
       AND EXISTS (SELECT 1 FROM "Claim" c WHERE c.id = e."claimBId" AND ${where})
     ORDER BY e."claimAId", e."claimBId"`;
}

export async function loadArticles(client: pg.ClientBase, ids: string[]): Promise<{ articles: ArticleRecord[]; revisions: RevisionRecord[] }> {
  const articles = await client.query(
    `SELECT a.id, a.title, a.outlet, a."sourceUrl", a."publishedAt"::text AS "publishedAt", a.language, a."bodyJson",
            a."bodyText", a."contentHash", a.revision, a."createdById", a."createdAt", a."updatedAt",
            (SELECT coalesce(json_agg(json_build_object('start', s."start", 'end', s."end", 'text', s.text,
                      'dismissedAt', s."dismissedAt", 'dismissedById', s."dismissedById") ORDER BY s."start", s."end"), '[]'::json)
               FROM "ClaimSuggestion" s
              WHERE s."articleId" = a.id AND s.revision = a.revision AND s."dismissedAt" IS NOT NULL) AS "dismissedSuggestions"
       FROM "Article" a WHERE a.id = ANY($1::uuid[]) ORDER BY a.id`,
    [ids],
  );
  const revisions = await client.query(
    `SELECT id, "articleId", revision, "bodyJson", "bodyText", "contentHash", "createdById", "createdAt"
       FROM "ArticleRevision" WHERE "articleId" = ANY($1::uuid[]) ORDER BY "articleId", revision`,
    [ids],
  );
  return {
    articles: articles.rows.map((a) => ({
      type: "article",
      id: a.id,
      title: a.title,
      outlet: a.outlet,
      sourceUrl: a.sourceUrl,
      publishedAt: a.publishedAt,
      language: a.language,
      bodyJson: a.bodyJson,
      bodyText: a.bodyText,
      contentHash: a.contentHash,
      revision: a.revision,
      createdById: a.createdById,
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
      dismissedSuggestions: (a.dismissedSuggestions as ArticleRecord["dismissedSuggestions"]).map((d) => ({ ...d, dismissedAt: iso(d.dismissedAt) })),
    })),
    revisions: revisions.rows.map((r) => ({
      type: "revision",
      id: r.id,
      articleId: r.articleId,
      revision: r.revision,
      bodyJson: r.bodyJson,
      bodyText: r.bodyText,
      contentHash: r.contentHash,
      createdById: r.createdById,
      createdAt: iso(r.createdAt),
    })),
  };
}

export async function loadSources(client: pg.PoolClient, ids: string[]): Promise<SourceRecord[]> {
  const { rows } = await client.query(
    `SELECT id, url, title, publisher, kind, "accessedAt"::text AS "accessedAt", "archivedUrl", "createdById", "createdAt", "updatedAt"
       FROM "Source" WHERE id IN (SELECT unnest($1::uuid[])) ORDER BY id`,
    [ids],
  );
  return rows.map((s) => ({
    type: "source",
    id: s.id,
    url: s.url,
    title: s.title,
    publisher: s.publisher,
    kind: s.kind,
    accessedAt: s.accessedAt,
    archivedUrl: s.archivedUrl,
    createdById: s.createdById,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt),
  }));
}

export async function loadGroups(client: pg.PoolClient, ids: string[]): Promise<GroupRecord[]> {
  const { rows } = await client.query(
    `SELECT id, label, status, "createdById", "createdAt", "updatedAt" FROM "ClaimGroup" WHERE id IN (SELECT unnest($1::uuid[])) ORDER BY id`,
    [ids],
  );
  return rows.map((g) => ({
    type: "group",
    id: g.id,
    label: g.label,
    status: g.status,
    createdById: g.createdById,
    createdAt: iso(g.createdAt),
    updatedAt: iso(g.updatedAt),
  }));
}

/** A timestamp as ISO 8601 in UTC; json_agg renders them in the session's time zone. */
export function iso(value: Date | string): string;
export function iso(value: Date | string | null): string | null;
export function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function exclusionRecord(e: ExclusionRow): ExclusionRecord {
  return { type: "exclusion", claimAId: e.claimAId, claimBId: e.claimBId, createdById: e.createdById, createdAt: iso(e.createdAt) };
}

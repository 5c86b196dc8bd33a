import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { withLiterals } from "@/lib/export/export-lines";
import { jsonObject, jsonPlainString, jsonString, jsonTimestamp } from "./json-text-sql";

/**
 * The JSON Lines file's body as one statement: every claim's stored lines with, before each batch
 * of claims, the users, articles, sources and groups the batch names that no earlier line wrote,
 * in the order the batch-by-batch writer (the fallback in lib/backup/jsonl-format.ts) puts them:
 *
 *   for each batch of CLAIMS_PER_BATCH claims, in the file's order of claims:
 *     its new articles by id, ten at a time, each ten after the new users they name;
 *     the new users its new sources name, then those sources by id;
 *     the new users its new groups name, then those groups by id;
 *     the new users its claims name (author, assignee, reviewers, commenters, mentioned);
 *     its claims' lines.
 *
 * "New" is decided here, in PostgreSQL, for the whole file at once: an entity goes where its first
 * reference is (a user at the least of its references' places), so Node only hands the bytes on.
 */

/** Claims between two points where the records they name are written: the file has always had 200. */
export const CLAIMS_PER_BATCH = 200;
/** Articles written together after the users they name. */
export const ARTICLES_PER_GROUP = 10;

/** What a row of the statement is (its first field). */
export const ENTRY = { user: 0, article: 1, source: 2, group: 3, claim: 4 } as const;
export type EntryKind = (typeof ENTRY)[keyof typeof ENTRY];

/** A stale claim's references, from its lines as the writer rendered them before the statement. */
export interface StaleClaimRefs {
  id: string;
  sourceIds: string | null;
  userIds: string | null;
}

/** A stale article's references, from its lines as rendered before the statement. */
export interface StaleArticleRefs {
  id: string;
  userIds: string | null;
}

const type = (name: string) => `'${JSON.stringify(name)}'`;

// Key order is the records' (lib/backup/backup-records.ts), as the TypeScript writer builds them
// (lib/backup/jsonl-records.ts and the users' query in jsonl-format.ts).
const USER = jsonObject([
  ["type", type("user")],
  ["id", jsonPlainString("u.id")],
  ["email", jsonString("u.email")],
  ["name", jsonString("u.name")],
  ["role", jsonPlainString("u.role")],
]);

const SOURCE = jsonObject([
  ["type", type("source")],
  ["id", jsonPlainString("s.id")],
  ["url", jsonString("s.url")],
  ["title", jsonString("s.title")],
  ["publisher", jsonString("s.publisher")],
  ["kind", jsonPlainString("s.kind")],
  ["accessedAt", jsonPlainString(`s."accessedAt"`)],
  ["archivedUrl", jsonString(`s."archivedUrl"`)],
  ["createdById", jsonPlainString(`s."createdById"`)],
  ["createdAt", jsonTimestamp(`s."createdAt"`)],
  ["updatedAt", jsonTimestamp(`s."updatedAt"`)],
]);

const GROUP = jsonObject([
  ["type", type("group")],
  ["id", jsonPlainString("g.id")],
  ["label", jsonString("g.label")],
  ["status", jsonPlainString("g.status")],
  ["createdById", jsonPlainString(`g."createdById"`)],
  ["createdAt", jsonTimestamp(`g."createdAt"`)],
  ["updatedAt", jsonTimestamp(`g."updatedAt"`)],
]);

/**
 * The file's claims whose lines are stale (found by the partial index of migration
 * 20261209100000_claim_jsonl_lines_stale), with the generation a write-back is checked against;
 * at most `limit`.
 */
export function staleClaimsSql(where: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, l."generation"::text AS generation
      FROM "ClaimJsonlLine" l JOIN "Claim" c ON c.id = l."claimId"
     WHERE l."text" IS NULL AND ${where}
     LIMIT ${limit}`;
}

/**
 * Whether some claim has no stored row (its insert gives it one, so none should): counted rather
 * than looked for claim by claim, since a row only exists for a claim (its key references one).
 */
export const claimsWithoutLinesSql = `SELECT (SELECT count(*) FROM "Claim") > (SELECT count(*) FROM "ClaimJsonlLine") AS some`;

/** The articles the file's claims name whose lines are stale or that have no stored row; at most `limit`. */
export function staleArticlesSql(where: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT a.id, l."generation"::text AS generation
      FROM (SELECT DISTINCT c."articleId" AS id FROM "Claim" c WHERE ${where}) a
      LEFT JOIN "ArticleJsonlLine" l ON l."articleId" = a.id
     WHERE l."text" IS NULL
     LIMIT ${limit}`;
}

/** A constant of the statement, written in as itself (a parameter would be typed by its context). */
const raw = (value: number) => Prisma.raw(String(value));

/** A PostgreSQL array literal of texts (NULL elements as NULL), for an array written into a COPY. */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((value) => (value === null ? "NULL" : `"${value.replace(/["\\]/g, "\\$&")}"`)).join(",")}}`;
}

/**
 * `COPY … (FORMAT binary)` of the file's body from the claims matching `where` (on the claims table
 * aliased `c`). Each row: kind int4 (ENTRY), id text, text (NULL for a stale claim or article,
 * whose lines the caller rendered), n int4 (a claim's reviews, an article's revisions), m int4 (a
 * claim's comments). The stale ones' references come from the caller, the stored ones' from their
 * rows; the lines of a claim or article without a stored row cannot be sent this way (the caller
 * renders those as stale).
 */
export function jsonlFileCopySql(
  client: Pick<pg.ClientBase, "escapeLiteral">,
  where: Prisma.Sql,
  stale: { claims: StaleClaimRefs[]; articles: StaleArticleRefs[] },
): string {
  const claims = stale.claims;
  const articles = stale.articles;
  // Sorted narrow (kinds, places and ids), then each entry's text fetched by key in that order:
  // sorting the texts themselves would spill the file to disk. OFFSET 0 keeps each lookup a
  // per-entry index scan under the sort, so the outer ORDER BY is the sort's own and costs nothing.
  const query = Prisma.sql`
    WITH k AS MATERIALIZED (
      SELECT n.*, ((n.rn - 1) / ${raw(CLAIMS_PER_BATCH)})::int AS b
        FROM (SELECT c.id, c."articleId", c."groupId", c."authorId", c."assigneeId",
                     row_number() OVER (ORDER BY c."articleId", c."createdAt", c.id) AS rn
                FROM "Claim" c
               WHERE ${where}) n
    ),
    stale_claims AS (
      SELECT * FROM unnest(${arrayLiteral(claims.map((c) => c.id))}::uuid[], ${arrayLiteral(claims.map((c) => c.sourceIds))}::text[],
                           ${arrayLiteral(claims.map((c) => c.userIds))}::text[]) AS v(id, "sourceIds", "userIds")
    ),
    stale_articles AS (
      SELECT * FROM unnest(${arrayLiteral(articles.map((a) => a.id))}::uuid[], ${arrayLiteral(articles.map((a) => a.userIds))}::text[]) AS v(id, "userIds")
    ),
    refs AS MATERIALIZED (
      SELECT k.id, k.b, k."articleId", k."groupId", k."authorId", k."assigneeId",
             CASE WHEN sc.id IS NULL THEN l."sourceIds" ELSE sc."sourceIds" END AS "sourceIds",
             CASE WHEN sc.id IS NULL THEN l."userIds" ELSE sc."userIds" END AS "userIds"
        FROM k
        LEFT JOIN "ClaimJsonlLine" l ON l."claimId" = k.id
        LEFT JOIN stale_claims sc ON sc.id = k.id
    ),
    articles AS MATERIALIZED (
      SELECT a.id, a.b, ((row_number() OVER (PARTITION BY a.b ORDER BY a.id) - 1) / ${raw(ARTICLES_PER_GROUP)})::int AS g
        FROM (SELECT "articleId" AS id, min(b) AS b FROM refs GROUP BY "articleId") a
    ),
    -- A batch's ids as one text each: split a batch at a time, not a claim at a time (a call per
    -- claim cost PostgreSQL about 3.5 µs, a third of a second at 100,000 claims).
    batch_refs AS MATERIALIZED (
      SELECT b, string_agg("sourceIds", ',') AS sources, string_agg(concat_ws(',', "authorId", "assigneeId", "userIds"), ',') AS users
        FROM refs GROUP BY b
    ),
    sources AS MATERIALIZED (
      SELECT s.id::uuid AS id, s.b
        FROM (SELECT s.id, min(r.b) AS b FROM batch_refs r CROSS JOIN LATERAL unnest(string_to_array(r.sources, ',')) AS s(id) GROUP BY s.id) s
    ),
    groups AS MATERIALIZED (
      SELECT "groupId" AS id, min(b) AS b FROM refs WHERE "groupId" IS NOT NULL GROUP BY "groupId"
    ),
    -- Every place a user is named, as one number ordered as (batch, phase, group of articles):
    -- a user goes to the least, found by hashing rather than sorting every reference.
    named AS (
      SELECT u.id, a.b * 1000 + 100 + a.g AS place
        FROM articles a
        LEFT JOIN "ArticleJsonlLine" l ON l."articleId" = a.id
        LEFT JOIN stale_articles sa ON sa.id = a.id
        CROSS JOIN LATERAL unnest(string_to_array(CASE WHEN sa.id IS NULL THEN l."userIds" ELSE sa."userIds" END, ',')) AS u(id)
      UNION ALL
      SELECT s."createdById"::text, x.b * 1000 + 200 FROM sources x JOIN "Source" s ON s.id = x.id
      UNION ALL
      SELECT g."createdById"::text, x.b * 1000 + 400 FROM groups x JOIN "ClaimGroup" g ON g.id = x.id
      UNION ALL
      SELECT u.id, r.b * 1000 + 600 FROM batch_refs r CROSS JOIN LATERAL unnest(string_to_array(r.users, ',')) AS u(id)
    ),
    users AS (
      SELECT n.id::uuid AS id, n.place / 1000 AS b, n.place % 1000 / 100 AS phase, n.place % 100 AS g
        FROM (SELECT id, min(place) AS place FROM named WHERE id IS NOT NULL GROUP BY id) n
    ),
    entries AS (
      SELECT ${raw(ENTRY.user)} AS kind, u.id, u.b, u.phase, u.g, 0 AS after, 0::bigint AS rn FROM users u JOIN "User" x ON x.id = u.id
      UNION ALL SELECT ${raw(ENTRY.article)}, a.id, a.b, 1, a.g, 1, 0 FROM articles a
      UNION ALL SELECT ${raw(ENTRY.source)}, s.id, s.b, 3, 0, 0, 0 FROM sources s JOIN "Source" x ON x.id = s.id
      UNION ALL SELECT ${raw(ENTRY.group)}, g.id, g.b, 5, 0, 0, 0 FROM groups g JOIN "ClaimGroup" x ON x.id = g.id
      UNION ALL SELECT ${raw(ENTRY.claim)}, k.id, k.b, 7, 0, 0, k.rn FROM k
    )
    SELECT e.kind, e.id::text, coalesce(cl.text, al.text, ul.text, sl.text, gl.text) AS text,
           coalesce(cl.reviews, al.revisions) AS n, cl.comments AS m
      FROM (SELECT * FROM entries ORDER BY b, phase, g, after, rn, id) e
      LEFT JOIN LATERAL (SELECT l."text", l.reviews, l.comments FROM "ClaimJsonlLine" l
                          WHERE e.kind = ${raw(ENTRY.claim)} AND l."claimId" = e.id OFFSET 0) cl ON TRUE
      LEFT JOIN LATERAL (SELECT l."text", l.revisions FROM "ArticleJsonlLine" l
                          WHERE e.kind = ${raw(ENTRY.article)} AND l."articleId" = e.id OFFSET 0) al ON TRUE
      LEFT JOIN LATERAL (SELECT ${Prisma.raw(USER)} || E'\\n' AS text FROM "User" u WHERE e.kind = ${raw(ENTRY.user)} AND u.id = e.id OFFSET 0) ul ON TRUE
      LEFT JOIN LATERAL (SELECT ${Prisma.raw(SOURCE)} || E'\\n' AS text FROM "Source" s WHERE e.kind = ${raw(ENTRY.source)} AND s.id = e.id OFFSET 0) sl ON TRUE
      LEFT JOIN LATERAL (SELECT ${Prisma.raw(GROUP)} || E'\\n' AS text FROM "ClaimGroup" g WHERE e.kind = ${raw(ENTRY.group)} AND g.id = e.id OFFSET 0) gl ON TRUE
     ORDER BY e.b, e.phase, e.g, e.after, e.rn, e.id`;
  return `COPY (${withLiterals(client, query)}) TO STDOUT (FORMAT binary)`;
}

import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { withLiterals } from "@/lib/export/export-lines";
import { CLAIM_LINES_LATERAL, FILE_ORDER } from "./claim-lines-sql";
import { jsonObject, jsonPlainString, jsonString, jsonTimestamp } from "./json-text-sql";

/**
 * The statements behind the JSON Lines file sent in one COPY (lib/backup/jsonl-one-copy.ts): the
 * file's claims in its order with their stored lines and the ids they name, each article's stored
 * lines beside its first claim, and the users, sources and groups those name, rendered up front.
 */

/** Claims between two points where the records they name are written: the file has always had 200. */
export const CLAIMS_PER_BATCH = 200;
/** Articles written together after the users they name. */
export const ARTICLES_PER_GROUP = 10;

const type = (name: string) => `'${JSON.stringify(name)}'`;

// Key order is the records' (lib/backup/backup-records.ts), as the fetch-at-a-time writer builds
// them (lib/backup/jsonl-records.ts and the users' query in jsonl-format.ts).
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
 * The articles the file's claims name whose lines are stale; at most `limit`. Every article and
 * every claim has a stored row from its insert on (and the migrations gave one to those before).
 */
export function staleArticlesSql(where: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT l."articleId" AS id, l."generation"::text AS generation
      FROM "ArticleJsonlLine" l
     WHERE l."text" IS NULL AND EXISTS (SELECT 1 FROM "Claim" c WHERE c."articleId" = l."articleId" AND ${where})
     LIMIT ${limit}`;
}

/** Every user's line, by id: the users a file names are few (the newsroom's staff). */
export const userLinesSql = `SELECT u.id::text AS id, ${USER} || E'\\n' AS text FROM "User" u`;

/** Every source's line and creator, by id; at most `limit`. */
export const sourceLinesSql = (limit: number) => ({
  text: `SELECT s.id::text AS id, ${SOURCE} || E'\\n' AS text, s."createdById"::text AS "createdById" FROM "Source" s LIMIT $1`,
  values: [limit],
});

/** Every group's line and creator, by id; at most `limit`. */
export const groupLinesSql = (limit: number) => ({
  text: `SELECT g.id::text AS id, ${GROUP} || E'\\n' AS text, g."createdById"::text AS "createdById" FROM "ClaimGroup" g LIMIT $1`,
  values: [limit],
});

/** A row of jsonlClaimsCopySql's COPY: the index of each field. */
export const CLAIM_FIELD = {
  text: 0,
  sourceIds: 1,
  userIds: 2,
  reviews: 3,
  comments: 4,
  /** Only beside lines rendered here because the stored ones were stale (or missing): the claim's id. */
  id: 5,
  groupId: 6,
  authorId: 7,
  assigneeId: 8,
  /** Only on the first claim of an article: the article's id, its stored lines, revisions and users. */
  articleId: 9,
  articleText: 10,
  revisions: 11,
  articleUserIds: 12,
  /** Beside rendered lines: the generation they were read at, to store them over (NULL: no stored row). */
  generation: 13,
  /**
   * Where the stored lines are stale (text NULL): the lines rendered here, as a text[] of the text,
   * sourceIds, userIds, reviews and comments (CLAIM_LINES_LATERAL's columns).
   */
  rendered: 14,
} as const;

/**
 * `COPY … (FORMAT binary)` of the claims matching `where` (on the claims table aliased `c`) in the
 * file's order, the fields of CLAIM_FIELD: each claim's stored lines, or, where they are stale,
 * its lines rendered here (CLAIM_LINES_LATERAL, run only for those). The claims are sorted
 * narrow, then their lines fetched by key in that order, as the other formats' lines are
 * (lib/export/export-lines.ts): OFFSET 0 keeps each lookup a per-row index scan, so the outer
 * ORDER BY is the sort's own.
 */
export function jsonlClaimsCopySql(client: Pick<pg.ClientBase, "escapeLiteral">, where: Prisma.Sql): string {
  // A CASE runs its subquery only for the rows that take that branch; a LATERAL join would start
  // it (and its joins) again for every claim, stale or not.
  const query = Prisma.sql`
    SELECT l."text", l."sourceIds", l."userIds", l.reviews, l.comments, CASE WHEN l."text" IS NULL THEN k.id::text END,
           k."groupId"::text, k."authorId"::text, k."assigneeId"::text, CASE WHEN k.first THEN k."articleId"::text END,
           a."text", a.revisions, a."userIds", CASE WHEN l."text" IS NULL THEN l."generation" END,
           CASE WHEN l."text" IS NULL THEN
             (SELECT ARRAY[r."text", r."sourceIds", r."userIds", r.reviews::text, r.comments::text]
                FROM (${Prisma.raw(CLAIM_LINES_LATERAL)} WHERE c.id = k.id) r) END
      FROM (SELECT c.id, c."articleId", c."createdAt", c."groupId", c."authorId", c."assigneeId",
                   c."articleId" IS DISTINCT FROM lag(c."articleId") OVER (ORDER BY ${Prisma.raw(FILE_ORDER)}) AS first
              FROM "Claim" c
             WHERE ${where}
             ORDER BY ${Prisma.raw(FILE_ORDER)}) k
      LEFT JOIN LATERAL (SELECT l."text", l."generation", l."sourceIds", l."userIds", l.reviews, l.comments FROM "ClaimJsonlLine" l
                          WHERE l."claimId" = k.id OFFSET 0) l ON TRUE
      LEFT JOIN LATERAL (SELECT a."text", a.revisions, a."userIds" FROM "ArticleJsonlLine" a
                          WHERE k.first AND a."articleId" = k."articleId" OFFSET 0) a ON TRUE
     ORDER BY k."articleId", k."createdAt", k.id`;
  return `COPY (${withLiterals(client, query)}) TO STDOUT (FORMAT binary)`;
}

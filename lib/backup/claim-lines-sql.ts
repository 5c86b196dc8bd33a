import type pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { jsonDecimal, jsonInteger, jsonObject, jsonPlainString, jsonString, jsonTimestamp } from "./json-text-sql";

/** A claim in the file's order, with the ids the writer needs before its lines. */
export interface ClaimRow {
  id: string;
  articleId: string;
  groupId: string | null;
  authorId: string;
  assigneeId: string | null;
}

/**
 * A claim's stored lines (migration 20261208100000_claim_jsonl_lines) as `storedJsonlLinesCopySql`
 * sends them: `text` null when stale (then the other fields say nothing), `generation` null when
 * the claim has no row.
 */
export interface StoredClaimLines {
  text: Buffer | null;
  generation: string | null;
  /** Comma-separated, null when none. */
  sourceIds: string | null;
  /** The users the reviews, comments and mentions name, comma-separated, null when none. */
  userIds: string | null;
  reviews: number;
  comments: number;
}

/** A claim as the JSON Lines writer renders it: its line up to its links, and the ids it names. */
export interface ClaimHeadRow {
  id: string;
  articleId: string;
  groupId: string | null;
  authorId: string;
  assigneeId: string | null;
  /** The claim's line up to and including `"sources":[`; its links and `]}\n` follow. */
  head: string;
}

/** A claim's links, rendered: the JSON objects of its `sources` array, comma-separated. */
export interface ClaimLinksRow {
  claimId: string;
  links: string;
  /** The linked sources' ids, comma-separated. */
  sourceIds: string;
}

/** A claim's reviews' or comments' lines (each ending in "\n"), how many, and the users they name. */
export interface ClaimChildLinesRow {
  claimId: string;
  lines: string;
  n: number;
  /** Comma-separated. */
  userIds: string;
}

/** An article's stored lines' state (migration 20261208110000_article_jsonl_lines). */
export interface ArticleLineState {
  id: string;
  /** null: the article has no row (its insert gives it one), so it is rendered every time. */
  generation: string | null;
  stale: boolean;
  revisions: number;
  /** The users the lines name, comma-separated, null when none. */
  userIds: string | null;
}

export const articleLineStatesSql = (articleIds: string[]) => ({
  text: `SELECT v.id, l."generation"::text AS generation, l."text" IS NULL AS stale, coalesce(l.revisions, 0) AS revisions, l."userIds"
           FROM unnest($1::uuid[]) AS v(id) LEFT JOIN "ArticleJsonlLine" l ON l."articleId" = v.id`,
  values: [articleIds],
});

/** The stored lines of `articleIds`, in that order, as `COPY … (FORMAT binary)` (one field: the text). */
export function storedArticleLinesCopySql(client: Pick<pg.ClientBase, "escapeLiteral">, articleIds: string[]): string {
  const ids = client.escapeLiteral(`{${articleIds.join(",")}}`);
  return `COPY (SELECT l."text" FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS v(id, n) JOIN "ArticleJsonlLine" l ON l."articleId" = v.id ORDER BY v.n)
    TO STDOUT (FORMAT binary)`;
}

/** The file's order of claims: by article, then as they were tagged. */
export const FILE_ORDER = `c."articleId", c."createdAt", c.id`;

const type = (name: string) => `'${JSON.stringify(name)}'`;

// Key order is the records' (lib/backup/backup-records.ts), as the TypeScript writer built them.
const SOURCE_LINK = jsonObject([
  ["sourceId", jsonPlainString(`jl_cs."sourceId"`)],
  ["stance", jsonPlainString("jl_cs.stance")],
  ["note", jsonString("jl_cs.note")],
  ["passage", jsonString("jl_cs.passage")],
  ["createdAt", jsonTimestamp(`jl_cs."createdAt"`)],
]);

// The claim's object without its closing brace, then its links' array opened: Node adds the links.
const CLAIM_HEAD = jsonObject(
  [
    ["type", type("claim")],
    ["id", jsonPlainString("c.id")],
    ["articleId", jsonPlainString(`c."articleId"`)],
    ["start", jsonInteger(`c."start"`)],
    ["end", jsonInteger(`c."end"`)],
    ["quote", jsonString("c.quote")],
    ["prefix", jsonString("c.prefix")],
    ["suffix", jsonString("c.suffix")],
    ["anchorStatus", jsonPlainString(`c."anchorStatus"`)],
    ["category", jsonPlainString("c.category")],
    ["value", jsonDecimal("c.value")],
    ["min", jsonDecimal("c.min")],
    ["max", jsonDecimal("c.max")],
    ["unit", jsonString("c.unit")],
    ["qualifier", jsonPlainString("c.qualifier")],
    ["claimant", jsonString("c.claimant")],
    ["statement", jsonString("c.statement")],
    ["eventDate", jsonPlainString(`c."eventDate"`)],
    ["note", jsonString("c.note")],
    ["status", jsonPlainString("c.status")],
    ["rating", jsonPlainString("c.rating")],
    ["version", jsonInteger("c.version")],
    ["authorId", jsonPlainString(`c."authorId"`)],
    ["assigneeId", jsonPlainString(`c."assigneeId"`)],
    ["groupId", jsonPlainString(`c."groupId"`)],
    ["queuedAt", jsonTimestamp(`c."queuedAt"`)],
    ["createdAt", jsonTimestamp(`c."createdAt"`)],
    ["updatedAt", jsonTimestamp(`c."updatedAt"`)],
    ["deletedAt", jsonTimestamp(`c."deletedAt"`)],
    ["sources", "'['"],
  ],
  { open: true },
);

const REVIEW = jsonObject([
  ["type", type("review")],
  ["id", jsonPlainString("jl_r.id")],
  ["claimId", jsonPlainString(`jl_r."claimId"`)],
  ["reviewerId", jsonPlainString(`jl_r."reviewerId"`)],
  ["decision", jsonPlainString("jl_r.decision")],
  ["rating", jsonPlainString("jl_r.rating")],
  ["comment", jsonString("jl_r.comment")],
  ["createdAt", jsonTimestamp(`jl_r."createdAt"`)],
]);

const MENTION = jsonObject([
  ["userId", jsonPlainString(`jl_n."userId"`)],
  ["readAt", jsonTimestamp(`jl_n."readAt"`)],
]);

const COMMENT = jsonObject([
  ["type", type("comment")],
  ["id", jsonPlainString("jl_m.id")],
  ["claimId", jsonPlainString(`jl_m."claimId"`)],
  ["authorId", jsonPlainString(`jl_m."authorId"`)],
  ["body", jsonString("jl_m.body")],
  ["createdAt", jsonTimestamp(`jl_m."createdAt"`)],
  ["mentions", `'[' || coalesce(jl_mn.mentions, '') || ']'`],
]);

/** The file's claims: those matching `where` (on the claims table aliased `c`), in its order. */
export function claimRowsSql(where: Prisma.Sql): Prisma.Sql {
  // The claims alone: their stored lines' state comes with the lines (storedJsonlLinesCopySql), so
  // the sort reads no line; joined here, the cursor read the lines' table (160 MB at 100,000
  // claims) once more.
  return Prisma.sql`
    SELECT c.id, c."articleId", c."groupId", c."authorId", c."assigneeId"
      FROM "Claim" c
     WHERE ${where}
     ORDER BY ${Prisma.raw(FILE_ORDER)}`;
}

/**
 * The stored lines of `claimIds`, in that order, as `COPY … (FORMAT binary)`, one row per id with
 * the fields of StoredClaimLines in order (generation int8, reviews and comments int4), the ids
 * written in as a literal array: COPY takes no parameters.
 */
export function storedJsonlLinesCopySql(client: Pick<pg.ClientBase, "escapeLiteral">, claimIds: string[]): string {
  const ids = client.escapeLiteral(`{${claimIds.join(",")}}`);
  return `COPY (SELECT l."text", l."generation", l."sourceIds", l."userIds", l.reviews, l.comments
                  FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS v(id, n) LEFT JOIN "ClaimJsonlLine" l ON l."claimId" = v.id ORDER BY v.n)
    TO STDOUT (FORMAT binary)`;
}


/**
 * The claims matching `where` (on the claims table aliased `c`) in the file's order, each with the
 * head of its line written by PostgreSQL: no JSON is parsed, no Date built and no record
 * stringified in Node for the bulk of the file.
 */
export function claimHeadsSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c."articleId", c."groupId", c."authorId", c."assigneeId", ${Prisma.raw(CLAIM_HEAD)} AS head
      FROM "Claim" c
     WHERE ${where}
     ORDER BY ${Prisma.raw(FILE_ORDER)}`;
}

/*
 * What hangs on a fetch of claims, one statement per kind for the whole fetch rather than a
 * correlated subquery per claim: an aggregate with ORDER BY sorts on its own for every claim it is
 * run for, which made a claim cost PostgreSQL ~70 µs. Here one sort serves the fetch. The order
 * within a claim is the one the TypeScript writer's json_agg had. The ids are joined as a set
 * (IN (SELECT unnest(…))) rather than matched with = ANY(…), whose 2,000 elements the planner
 * estimates one by one (EXPLAIN showed 13 ms of planning against 20 ms of execution).
 */

export const linksSql = (claimIds: string[]) => ({
  text: `SELECT jl_cs."claimId", string_agg(${SOURCE_LINK}, ',' ORDER BY jl_cs."createdAt", jl_cs."sourceId") AS links,
                string_agg(jl_cs."sourceId"::text, ',' ORDER BY jl_cs."createdAt", jl_cs."sourceId") AS "sourceIds"
           FROM "ClaimSource" jl_cs WHERE jl_cs."claimId" IN (SELECT unnest($1::uuid[])) GROUP BY jl_cs."claimId"`,
  values: [claimIds],
});

export const reviewLinesSql = (claimIds: string[]) => ({
  text: `SELECT jl_r."claimId", string_agg(${REVIEW} || E'\n', '' ORDER BY jl_r."createdAt", jl_r.id) AS lines, count(*)::int AS n,
                string_agg(jl_r."reviewerId"::text, ',') AS "userIds"
           FROM "Review" jl_r WHERE jl_r."claimId" IN (SELECT unnest($1::uuid[])) GROUP BY jl_r."claimId"`,
  values: [claimIds],
});

export const commentLinesSql = (claimIds: string[]) => ({
  text: `SELECT jl_m."claimId", string_agg(${COMMENT} || E'\n', '' ORDER BY jl_m."createdAt", jl_m.id) AS lines, count(*)::int AS n,
                string_agg(concat_ws(',', jl_m."authorId", jl_mn.ids), ',') AS "userIds"
           FROM "Comment" jl_m
           LEFT JOIN LATERAL (
                  SELECT string_agg(${MENTION}, ',' ORDER BY jl_n."userId") AS mentions, string_agg(jl_n."userId"::text, ',') AS ids
                    FROM "CommentMention" jl_n WHERE jl_n."commentId" = jl_m.id) jl_mn ON TRUE
          WHERE jl_m."claimId" IN (SELECT unnest($1::uuid[])) GROUP BY jl_m."claimId"`,
  values: [claimIds],
});

/**
 * The lines of the claim aliased `c`, rendered as the three statements above render a fetch's, and
 * what a stored row keeps beside them: one row (text, sourceIds, userIds, reviews, comments). For
 * a LATERAL join on the few claims whose stored lines are stale: correlated, so each aggregate
 * sorts one claim's rows (about 70 µs a claim).
 */
export const CLAIM_LINES_LATERAL = `
  SELECT ${CLAIM_HEAD} || coalesce(jl_lk.links, '') || ']}' || E'\n' || coalesce(jl_rv.lines, '') || coalesce(jl_cm.lines, '') AS text,
         jl_lk."sourceIds", nullif(concat_ws(',', jl_rv."userIds", jl_cm."userIds"), '') AS "userIds", jl_rv.n AS reviews, jl_cm.n AS comments
    FROM "Claim" c
    CROSS JOIN LATERAL (
           SELECT string_agg(${SOURCE_LINK}, ',' ORDER BY jl_cs."createdAt", jl_cs."sourceId") AS links,
                  string_agg(jl_cs."sourceId"::text, ',' ORDER BY jl_cs."createdAt", jl_cs."sourceId") AS "sourceIds"
             FROM "ClaimSource" jl_cs WHERE jl_cs."claimId" = c.id) jl_lk
    CROSS JOIN LATERAL (
           SELECT string_agg(${REVIEW} || E'\n', '' ORDER BY jl_r."createdAt", jl_r.id) AS lines, count(*)::int AS n,
                  string_agg(jl_r."reviewerId"::text, ',') AS "userIds"
             FROM "Review" jl_r WHERE jl_r."claimId" = c.id) jl_rv
    CROSS JOIN LATERAL (
           SELECT string_agg(${COMMENT} || E'\n', '' ORDER BY jl_m."createdAt", jl_m.id) AS lines, count(*)::int AS n,
                  string_agg(concat_ws(',', jl_m."authorId", jl_mn.ids), ',') AS "userIds"
             FROM "Comment" jl_m
             LEFT JOIN LATERAL (
                    SELECT string_agg(${MENTION}, ',' ORDER BY jl_n."userId") AS mentions, string_agg(jl_n."userId"::text, ',') AS ids
                      FROM "CommentMention" jl_n WHERE jl_n."commentId" = jl_m.id) jl_mn ON TRUE
            WHERE jl_m."claimId" = c.id) jl_cm`;

import { Prisma } from "@/lib/generated/prisma/client";
import { jsonDecimal, jsonInteger, jsonObject, jsonString, jsonTimestamp } from "./json-text-sql";

/** A claim as the JSON Lines writer reads it: its lines rendered, and the ids those lines name. */
export interface ClaimLinesRow {
  id: string;
  articleId: string;
  groupId: string | null;
  /** The linked sources' ids, comma-separated, or null for none. */
  sourceIds: string | null;
  /** Every user the lines name (author, assignee, reviewers, commenters, mentioned), comma-separated. */
  userIds: string;
  /** The claim's line, then its reviews' lines, then its comments' lines, each ending in "\n". */
  lines: string;
  reviews: number;
  comments: number;
}

const type = (name: string) => `'${JSON.stringify(name)}'`;

// Key order is the records' (lib/backup/backup-records.ts), as the TypeScript writer built them.
const SOURCE_LINK = jsonObject([
  ["sourceId", jsonString(`jl_cs."sourceId"`)],
  ["stance", jsonString("jl_cs.stance")],
  ["note", jsonString("jl_cs.note")],
  ["passage", jsonString("jl_cs.passage")],
  ["createdAt", jsonTimestamp(`jl_cs."createdAt"`)],
]);

const CLAIM = jsonObject([
  ["type", type("claim")],
  ["id", jsonString("c.id")],
  ["articleId", jsonString(`c."articleId"`)],
  ["start", jsonInteger(`c."start"`)],
  ["end", jsonInteger(`c."end"`)],
  ["quote", jsonString("c.quote")],
  ["prefix", jsonString("c.prefix")],
  ["suffix", jsonString("c.suffix")],
  ["anchorStatus", jsonString(`c."anchorStatus"`)],
  ["category", jsonString("c.category")],
  ["value", jsonDecimal("c.value")],
  ["min", jsonDecimal("c.min")],
  ["max", jsonDecimal("c.max")],
  ["unit", jsonString("c.unit")],
  ["qualifier", jsonString("c.qualifier")],
  ["claimant", jsonString("c.claimant")],
  ["statement", jsonString("c.statement")],
  ["eventDate", jsonString(`c."eventDate"`)],
  ["note", jsonString("c.note")],
  ["status", jsonString("c.status")],
  ["rating", jsonString("c.rating")],
  ["version", jsonInteger("c.version")],
  ["authorId", jsonString(`c."authorId"`)],
  ["assigneeId", jsonString(`c."assigneeId"`)],
  ["groupId", jsonString(`c."groupId"`)],
  ["queuedAt", jsonTimestamp(`c."queuedAt"`)],
  ["createdAt", jsonTimestamp(`c."createdAt"`)],
  ["updatedAt", jsonTimestamp(`c."updatedAt"`)],
  ["deletedAt", jsonTimestamp(`c."deletedAt"`)],
  ["sources", `'[' || coalesce(jl_s.links, '') || ']'`],
]);

const REVIEW = jsonObject([
  ["type", type("review")],
  ["id", jsonString("jl_r.id")],
  ["claimId", jsonString(`jl_r."claimId"`)],
  ["reviewerId", jsonString(`jl_r."reviewerId"`)],
  ["decision", jsonString("jl_r.decision")],
  ["rating", jsonString("jl_r.rating")],
  ["comment", jsonString("jl_r.comment")],
  ["createdAt", jsonTimestamp(`jl_r."createdAt"`)],
]);

const MENTION = jsonObject([
  ["userId", jsonString(`jl_n."userId"`)],
  ["readAt", jsonTimestamp(`jl_n."readAt"`)],
]);

const COMMENT = jsonObject([
  ["type", type("comment")],
  ["id", jsonString("jl_m.id")],
  ["claimId", jsonString(`jl_m."claimId"`)],
  ["authorId", jsonString(`jl_m."authorId"`)],
  ["body", jsonString("jl_m.body")],
  ["createdAt", jsonTimestamp(`jl_m."createdAt"`)],
  ["mentions", `'[' || coalesce(jl_mn.mentions, '') || ']'`],
]);

/**
 * The claims matching `where` (on the claims table aliased `c`) in the file's order, each with its
 * lines written by PostgreSQL: no JSON is parsed, no Date built and no record stringified in Node
 * for the bulk of the file. Links, reviews, comments and mentions are aggregated per claim in the
 * order the TypeScript writer's json_agg gave them.
 */
export function claimLinesSql(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT c.id, c."articleId", c."groupId", jl_s.ids AS "sourceIds",
           concat_ws(',', c."authorId", c."assigneeId", jl_rs."userIds", jl_ms."userIds") AS "userIds",
           ${Prisma.raw(CLAIM)} || E'\n' || coalesce(jl_rs.lines, '') || coalesce(jl_ms.lines, '') AS lines,
           jl_rs.n AS reviews, jl_ms.n AS comments
      FROM "Claim" c
      LEFT JOIN LATERAL (
             SELECT string_agg(${Prisma.raw(SOURCE_LINK)}, ',' ORDER BY jl_cs."createdAt", jl_cs."sourceId") AS links,
                    string_agg(jl_cs."sourceId"::text, ',') AS ids
               FROM "ClaimSource" jl_cs WHERE jl_cs."claimId" = c.id) jl_s ON TRUE
      LEFT JOIN LATERAL (
             SELECT string_agg(${Prisma.raw(REVIEW)} || E'\n', '' ORDER BY jl_r."createdAt", jl_r.id) AS lines,
                    string_agg(jl_r."reviewerId"::text, ',') AS "userIds", count(*)::int AS n
               FROM "Review" jl_r WHERE jl_r."claimId" = c.id) jl_rs ON TRUE
      LEFT JOIN LATERAL (
             SELECT string_agg(${Prisma.raw(COMMENT)} || E'\n', '' ORDER BY jl_m."createdAt", jl_m.id) AS lines,
                    string_agg(concat_ws(',', jl_m."authorId", jl_mn.ids), ',') AS "userIds", count(*)::int AS n
               FROM "Comment" jl_m
               LEFT JOIN LATERAL (
                      SELECT string_agg(${Prisma.raw(MENTION)}, ',' ORDER BY jl_n."userId") AS mentions,
                             string_agg(jl_n."userId"::text, ',') AS ids
                        FROM "CommentMention" jl_n WHERE jl_n."commentId" = jl_m.id) jl_mn ON TRUE
              WHERE jl_m."claimId" = c.id) jl_ms ON TRUE
     WHERE ${where}
     ORDER BY c."articleId", c."createdAt", c.id`;
}

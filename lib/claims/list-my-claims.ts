import { authorize, type Actor } from "@/lib/auth/policy";
import { UUID_PATTERN_SOURCE } from "@/lib/core/ids";
import { db } from "@/lib/db/client";
import { Prisma, type ClaimCategory, type ClaimStatus, type Qualifier } from "@/lib/generated/prisma/client";

export const MY_CLAIMS_PAGE_SIZE = 25;

/** Every state, in the order an editor works through them. */
export const MY_CLAIM_STATES = ["RETURNED", "DISPUTED", "DRAFT", "SUBMITTED", "VERIFIED"] as const satisfies readonly ClaimStatus[];

/** States that come back with a reviewer's reason, shown beside the claim. */
const SENT_BACK: readonly ClaimStatus[] = ["RETURNED", "DISPUTED"];

/** Where the previous page ended: (last change, id), newest first. */
export interface MyClaimsCursor {
  updatedAt: Date;
  id: string;
}

export interface MyClaimsFilters {
  /** Empty or absent: every state. */
  statuses?: ClaimStatus[];
  articleId?: string;
  category?: ClaimCategory;
}

export interface MyClaim {
  id: string;
  articleId: string;
  articleTitle: string;
  quote: string;
  category: ClaimCategory;
  value: string | null;
  min: string | null;
  max: string | null;
  unit: string | null;
  qualifier: Qualifier;
  status: ClaimStatus;
  updatedAt: Date;
  /** For a returned or disputed claim, the reviewer's latest reason. */
  reviewComment: string | null;
  reviewerName: string | null;
  reviewedAt: Date | null;
}

/**
 * The actor's own claims that are not deleted, most recently changed first.
 *
 * One statement: a branch per asked-for state, each reading at most a page in index order along
 * Claim_authorId_status_updatedAt_id_idx (the article and category filters are conditions on the
 * same scans), merged and cut to a page. A branch per state keeps "RETURNED,DISPUTED" from walking
 * through an editor's thousands of drafts and verified claims. The reviewer's latest reason is read
 * for the page's rows only (Review_claimId_createdAt_idx).
 */
export async function listMyClaims(options: { actor: Actor; filters?: MyClaimsFilters; after?: MyClaimsCursor | null; take?: number }) {
  authorize(options.actor, "article.read");
  const filters = options.filters ?? {};
  const take = options.take ?? MY_CLAIMS_PAGE_SIZE;
  const limit = take + 1;
  const statuses = filters.statuses?.length ? filters.statuses : MY_CLAIM_STATES;

  const common: Prisma.Sql[] = [Prisma.sql`c."authorId" = ${options.actor.id}::uuid`, Prisma.sql`c."deletedAt" IS NULL`];
  if (filters.articleId) common.push(Prisma.sql`c."articleId" = ${filters.articleId}::uuid`);
  if (filters.category) common.push(Prisma.sql`c.category = ${filters.category}::"ClaimCategory"`);
  if (options.after) common.push(Prisma.sql`(c."updatedAt", c.id) < (${options.after.updatedAt}::timestamptz, ${options.after.id}::uuid)`);

  const branches = statuses.map(
    (status) => Prisma.sql`(
      SELECT c.id, c."articleId", c.quote, c.category, c.value, c.min, c.max, c.unit, c.qualifier, c.status, c."updatedAt"
      FROM "Claim" c
      WHERE c.status = ${status}::"ClaimStatus" AND ${Prisma.join(common, " AND ")}
      ORDER BY c."updatedAt" DESC, c.id DESC LIMIT ${limit})`,
  );
  const sentBack = Prisma.join(SENT_BACK.map((s) => Prisma.sql`${s}::"ClaimStatus"`));

  const rows = await db.$queryRaw<MyClaim[]>`
    SELECT q.id, q."articleId", a.title AS "articleTitle", q.quote, q.category,
           q.value::text AS value, q.min::text AS min, q.max::text AS max, q.unit, q.qualifier, q.status, q."updatedAt",
           r.comment AS "reviewComment", r.name AS "reviewerName", r."createdAt" AS "reviewedAt"
    FROM (
      SELECT * FROM (${Prisma.join(branches, " UNION ALL ")}) mine
      ORDER BY mine."updatedAt" DESC, mine.id DESC
      LIMIT ${limit}
    ) q
    JOIN "Article" a ON a.id = q."articleId"
    LEFT JOIN LATERAL (
      SELECT review.comment, reviewer.name, review."createdAt"
      FROM "Review" review JOIN "User" reviewer ON reviewer.id = review."reviewerId"
      WHERE review."claimId" = q.id AND q.status IN (${sentBack}) AND review.comment IS NOT NULL
      ORDER BY review."createdAt" DESC, review.id DESC
      LIMIT 1
    ) r ON true
    ORDER BY q."updatedAt" DESC, q.id DESC`;

  const items = rows.slice(0, take);
  const last = items.at(-1);
  const next: MyClaimsCursor | null = rows.length > take && last ? { updatedAt: last.updatedAt, id: last.id } : null;
  return { items, next };
}

/** How many of the actor's claims are in each state (for the state filter's counts). */
export async function countMyClaimsByStatus(options: { actor: Actor }): Promise<Record<ClaimStatus, number>> {
  authorize(options.actor, "article.read");
  const rows = await db.claim.groupBy({ by: ["status"], where: { authorId: options.actor.id, deletedAt: null }, _count: { _all: true } });
  const counts = Object.fromEntries(MY_CLAIM_STATES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  for (const row of rows) counts[row.status] = row._count._all;
  return counts;
}

/** The articles the actor has claims on, for the article filter. */
export async function listMyClaimArticles(options: { actor: Actor }) {
  authorize(options.actor, "article.read");
  return db.article.findMany({
    where: { claims: { some: { authorId: options.actor.id, deletedAt: null } } },
    select: { id: true, title: true },
    orderBy: [{ title: "asc" }, { id: "asc" }],
  });
}

/** A cursor as it travels in a URL: "milliseconds~id". */
export function encodeMyClaimsCursor(cursor: MyClaimsCursor): string {
  return `${cursor.updatedAt.getTime()}~${cursor.id}`;
}

const CURSOR = new RegExp(`^(\\d{1,15})~(${UUID_PATTERN_SOURCE})$`, "i");

export function decodeMyClaimsCursor(value: string): MyClaimsCursor | null {
  const match = CURSOR.exec(value);
  if (!match) return null;
  const updatedAt = new Date(Number(match[1]));
  if (Number.isNaN(updatedAt.getTime())) return null;
  return { updatedAt, id: match[2].toLowerCase() };
}

import { AWAITING_REVIEW, authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { Prisma, type ClaimCategory, type ClaimStatus, type Qualifier } from "@/lib/generated/prisma/client";
import { UUID_PATTERN_SOURCE } from "@/lib/core/ids";

export const QUEUE_PAGE_SIZE = 25;

/** Where the previous page ended: (assigned-to-me rank, time queued, id), the queue's sort key. */
export interface QueueCursor {
  rank: 0 | 1;
  queuedAt: Date;
  id: string;
}

export interface ReviewQueueFilters {
  category?: ClaimCategory;
  articleId?: string;
  authorId?: string;
  /** Only claims that have waited longer than this many days. */
  olderThanDays?: number;
}

export interface ReviewQueueItem {
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
  authorId: string;
  authorName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  queuedAt: Date;
  rank: 0 | 1;
}

/**
 * Claims awaiting review that the actor may decide (never their own), oldest first; claims an
 * admin assigned to the actor come before all others.
 *
 * "Oldest" is Claim.queuedAt, set in the same update that puts a claim in the queue (submit,
 * re-open, dispute), so a re-opened or disputed claim waits from then, not from its first
 * submission; not Claim.updatedAt, which an author's edit or a re-anchoring also moves.
 *
 * One statement, three branches, each reading at most a page in index order: the claims assigned
 * to the actor (few; Claim_assigneeId_idx), then the others per waiting status along
 * Claim_status_queuedAt_id_idx, merged. The assigned-first rank is not in any branch's ORDER BY
 * (a CASE there would defeat the index); it only orders the at most 3 × (take + 1) rows at the end.
 * The filters are conditions on the same scans (age is a range on queuedAt).
 */
export async function listReviewQueue(options: { actor: Actor; filters?: ReviewQueueFilters; after?: QueueCursor | null; take?: number }) {
  authorize(options.actor, "review.queue");
  const me = options.actor.id;
  const filters = options.filters ?? {};
  const take = options.take ?? QUEUE_PAGE_SIZE;
  const after = options.after ?? null;
  const limit = take + 1;

  const common: Prisma.Sql[] = [
    Prisma.sql`c."deletedAt" IS NULL`,
    Prisma.sql`c."authorId" <> ${me}::uuid`,
    Prisma.sql`c."queuedAt" IS NOT NULL`,
  ];
  if (filters.category) common.push(Prisma.sql`c.category = ${filters.category}::"ClaimCategory"`);
  if (filters.articleId) common.push(Prisma.sql`c."articleId" = ${filters.articleId}::uuid`);
  if (filters.authorId) common.push(Prisma.sql`c."authorId" = ${filters.authorId}::uuid`);
  if (filters.olderThanDays) common.push(Prisma.sql`c."queuedAt" < now() - make_interval(days => ${filters.olderThanDays}::int)`);

  const columns = Prisma.sql`c.id, c."articleId", c.quote, c.category, c.value, c.min, c.max, c.unit, c.qualifier, c.status,
                             c."authorId", c."assigneeId", c."queuedAt"`;
  const keyset = (rank: 0 | 1) =>
    after && after.rank === rank ? [Prisma.sql`(c."queuedAt", c.id) > (${after.queuedAt}::timestamptz, ${after.id}::uuid)`] : [];
  const branch = (rank: 0 | 1, conditions: Prisma.Sql[]) => Prisma.sql`(
      SELECT ${columns}, ${rank}::int AS rank FROM "Claim" c
      WHERE ${Prisma.join([...conditions, ...common, ...keyset(rank)], " AND ")}
      ORDER BY c."queuedAt", c.id LIMIT ${limit})`;

  const branches: Prisma.Sql[] = [];
  // Past the assigned claims (a cursor of rank 1), only the others are left.
  if (!after || after.rank === 0)
    branches.push(branch(0, [Prisma.sql`c."assigneeId" = ${me}::uuid`, Prisma.sql`c.status IN (${Prisma.join(AWAITING_REVIEW.map((s) => Prisma.sql`${s}::"ClaimStatus"`))})`]));
  // Each status awaiting review is its own range of the queue's index.
  for (const status of AWAITING_REVIEW)
    branches.push(branch(1, [Prisma.sql`c.status = ${status}::"ClaimStatus"`, Prisma.sql`c."assigneeId" IS DISTINCT FROM ${me}::uuid`]));

  const rows = await db.$queryRaw<ReviewQueueItem[]>`
    SELECT q.id, q."articleId", a.title AS "articleTitle", q.quote, q.category,
           q.value::text AS value, q.min::text AS min, q.max::text AS max, q.unit, q.qualifier, q.status,
           q."authorId", author.name AS "authorName", q."assigneeId", assignee.name AS "assigneeName",
           q.rank, q."queuedAt"
    FROM (${Prisma.join(branches, " UNION ALL ")}) q
    JOIN "Article" a ON a.id = q."articleId"
    JOIN "User" author ON author.id = q."authorId"
    LEFT JOIN "User" assignee ON assignee.id = q."assigneeId"
    ORDER BY q.rank, q."queuedAt", q.id
    LIMIT ${limit}`;

  const items = rows.slice(0, take);
  const last = items.at(-1);
  const next: QueueCursor | null = rows.length > take && last ? { rank: last.rank, queuedAt: last.queuedAt, id: last.id } : null;
  return { items, next };
}

/** A cursor as it travels in a URL: "rank~milliseconds~id". */
export function encodeQueueCursor(cursor: QueueCursor): string {
  return `${cursor.rank}~${cursor.queuedAt.getTime()}~${cursor.id}`;
}

const QUEUE_CURSOR = new RegExp(`^([01])~(\\d{1,15})~(${UUID_PATTERN_SOURCE})$`, "i");

export function decodeQueueCursor(value: string): QueueCursor | null {
  const match = QUEUE_CURSOR.exec(value);
  if (!match) return null;
  const queuedAt = new Date(Number(match[2]));
  if (Number.isNaN(queuedAt.getTime())) return null;
  return { rank: Number(match[1]) as 0 | 1, queuedAt, id: match[3].toLowerCase() };
}

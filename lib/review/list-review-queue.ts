import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { Prisma, type ClaimCategory, type ClaimStatus, type Qualifier } from "@/lib/generated/prisma/client";

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

// The actions that put a claim into the queue. The latest of them is when it began waiting
// this time: a re-opened or disputed claim waits from then, not from its first submission.
const QUEUEING_ACTIONS = Prisma.join(["claim.submit", "claim.reopen", "claim.dispute"]);

/**
 * Claims awaiting review that the actor may decide (never their own), oldest first; claims an
 * admin assigned to the actor come before all others.
 *
 * "Oldest" is the time of the latest queueing audit event, not Claim.updatedAt, which an
 * author's edit or a re-anchoring after a text revision also moves. Each lookup is served by the
 * AuditEvent (entityType, entityId) index and the candidate claims by (status, createdAt); the
 * sort itself runs over the claims awaiting review only, which a newsroom counts in hundreds. A
 * `queuedAt` column set on submission would make the sort indexable too, at the cost of one more
 * thing every state change must remember to keep right.
 */
export async function listReviewQueue(options: { actor: Actor; filters?: ReviewQueueFilters; after?: QueueCursor | null; take?: number }) {
  authorize(options.actor, "review.queue");
  const me = options.actor.id;
  const filters = options.filters ?? {};
  const take = options.take ?? QUEUE_PAGE_SIZE;
  const where: Prisma.Sql[] = [
    Prisma.sql`c.status IN ('SUBMITTED', 'DISPUTED')`,
    Prisma.sql`c."deletedAt" IS NULL`,
    Prisma.sql`c."authorId" <> ${me}::uuid`,
  ];
  if (filters.category) where.push(Prisma.sql`c.category = ${filters.category}::"ClaimCategory"`);
  if (filters.articleId) where.push(Prisma.sql`c."articleId" = ${filters.articleId}::uuid`);
  if (filters.authorId) where.push(Prisma.sql`c."authorId" = ${filters.authorId}::uuid`);

  const outer: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.olderThanDays) outer.push(Prisma.sql`q."queuedAt" < now() - make_interval(days => ${filters.olderThanDays}::int)`);
  if (options.after)
    outer.push(Prisma.sql`(q.rank, q."queuedAt", q.id) > (${options.after.rank}::int, ${options.after.queuedAt}::timestamptz, ${options.after.id}::uuid)`);

  const rows = await db.$queryRaw<ReviewQueueItem[]>`
    SELECT q.* FROM (
      SELECT c.id, c."articleId", a.title AS "articleTitle", c.quote, c.category,
             c.value::text AS value, c.min::text AS min, c.max::text AS max, c.unit, c.qualifier, c.status,
             c."authorId", author.name AS "authorName", c."assigneeId", assignee.name AS "assigneeName",
             (CASE WHEN c."assigneeId" = ${me}::uuid THEN 0 ELSE 1 END)::int AS rank,
             COALESCE(queued."createdAt", c."createdAt") AS "queuedAt"
      FROM "Claim" c
      JOIN "Article" a ON a.id = c."articleId"
      JOIN "User" author ON author.id = c."authorId"
      LEFT JOIN "User" assignee ON assignee.id = c."assigneeId"
      LEFT JOIN LATERAL (
        SELECT e."createdAt" FROM "AuditEvent" e
        WHERE e."entityType" = 'Claim' AND e."entityId" = c.id::text AND e.action IN (${QUEUEING_ACTIONS})
        ORDER BY e.id DESC LIMIT 1
      ) queued ON TRUE
      WHERE ${Prisma.join(where, " AND ")}
    ) q
    WHERE ${Prisma.join(outer, " AND ")}
    ORDER BY q.rank, q."queuedAt", q.id
    LIMIT ${take + 1}`;

  const items = rows.slice(0, take);
  const last = items.at(-1);
  const next: QueueCursor | null = rows.length > take && last ? { rank: last.rank, queuedAt: last.queuedAt, id: last.id } : null;
  return { items, next };
}

/** A cursor as it travels in a URL: "rank~milliseconds~id". */
export function encodeQueueCursor(cursor: QueueCursor): string {
  return `${cursor.rank}~${cursor.queuedAt.getTime()}~${cursor.id}`;
}

export function decodeQueueCursor(value: string): QueueCursor | null {
  const match = /^([01])~(\d{1,15})~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(value);
  if (!match) return null;
  const queuedAt = new Date(Number(match[2]));
  if (Number.isNaN(queuedAt.getTime())) return null;
  return { rank: Number(match[1]) as 0 | 1, queuedAt, id: match[3].toLowerCase() };
}

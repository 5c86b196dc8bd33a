import { AWAITING_REVIEW, authorize, can, type Actor, type ClaimStatus } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** What comes back to an author: their claims a reviewer returned or disputed. */
export const RETURNED_TO_AUTHOR = ["RETURNED", "DISPUTED"] as const satisfies readonly ClaimStatus[];

export interface HeaderFigures {
  /** Claims awaiting the actor's review (countAwaitingReview); null when the policy shows them no queue. */
  awaitingReview: number | null;
  /** The actor's own claims returned or disputed, not deleted. */
  returnedToMe: number;
  /** Mentions of the actor they have not seen on the Mentions page. */
  unreadMentions: number;
}

/**
 * The header's numbers in one round trip, as every signed-in page pays for them. Each count reads
 * an index: Claim (status, queuedAt, id) for the queue, Claim (authorId) for one's own, and
 * CommentMention (userId, readAt) for the unread mentions.
 */
export async function countHeaderFigures(options: { actor: Actor }): Promise<HeaderFigures> {
  const { actor } = options;
  authorize(actor, "article.read");
  const queue = can(actor, "review.queue");
  const [row] = await db.$queryRaw<{ awaitingReview: number | null; returnedToMe: number; unreadMentions: number }[]>`
    SELECT CASE WHEN ${queue} THEN
             (SELECT count(*)::int FROM "Claim"
               WHERE status = ANY(${[...AWAITING_REVIEW]}::"ClaimStatus"[]) AND "deletedAt" IS NULL AND "authorId" <> ${actor.id}::uuid)
           END AS "awaitingReview",
           (SELECT count(*)::int FROM "Claim"
             WHERE "authorId" = ${actor.id}::uuid AND status = ANY(${[...RETURNED_TO_AUTHOR]}::"ClaimStatus"[]) AND "deletedAt" IS NULL) AS "returnedToMe",
           (SELECT count(*)::int FROM "CommentMention" WHERE "userId" = ${actor.id}::uuid AND "readAt" IS NULL) AS "unreadMentions"`;
  return row;
}

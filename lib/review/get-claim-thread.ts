import { authorize, type Actor } from "@/lib/auth/policy";
import { claimNotFoundError } from "@/lib/claims/claim-errors";
import { isUuid } from "@/lib/core/ids";
import { db } from "@/lib/db/client";
import type { Rating, ReviewDecision } from "@/lib/generated/prisma/client";

interface ThreadEntryBase {
  id: string;
  at: Date;
  /** Who wrote it: the reviewer of a decision, the author of a comment. */
  person: string;
}
export type ThreadEntry =
  | (ThreadEntryBase & { kind: "review"; decision: ReviewDecision; rating: Rating | null; text: string | null })
  | (ThreadEntryBase & { kind: "comment"; text: string });

/**
 * A claim's conversation, oldest first: the reviewers' decisions with the reasons they gave, and
 * the comments, in the order they were written. What the author reads before answering.
 */
export async function getClaimThread(options: { actor: Actor; claimId: string }): Promise<ThreadEntry[]> {
  authorize(options.actor, "article.read");
  if (!isUuid(options.claimId)) throw claimNotFoundError();
  const claim = await db.claim.findFirst({
    where: { id: options.claimId, deletedAt: null },
    select: {
      reviews: { select: { id: true, decision: true, rating: true, comment: true, createdAt: true, reviewer: { select: { name: true } } } },
      comments: { select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
    },
  });
  if (!claim) throw claimNotFoundError();
  const entries: ThreadEntry[] = [
    ...claim.reviews.map((r) => ({ kind: "review" as const, id: r.id, at: r.createdAt, person: r.reviewer.name, decision: r.decision, rating: r.rating, text: r.comment })),
    ...claim.comments.map((c) => ({ kind: "comment" as const, id: c.id, at: c.createdAt, person: c.author.name, text: c.body })),
  ];
  // uuid v7 ids grow with time: they order what was written in the same millisecond.
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

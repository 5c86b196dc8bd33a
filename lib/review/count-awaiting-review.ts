import { AWAITING_REVIEW, authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** How many claims await the actor's review: the number in the header. */
export async function countAwaitingReview(options: { actor: Actor }): Promise<number> {
  authorize(options.actor, "review.queue");
  return db.claim.count({
    where: { status: { in: [...AWAITING_REVIEW] }, deletedAt: null, authorId: { not: options.actor.id } },
  });
}

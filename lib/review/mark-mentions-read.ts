import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/**
 * The actor has seen these comments' mentions of them. Only the ones named: a mention written
 * after the page was shown stays unread. Someone else's mentions are never touched.
 */
export async function markMentionsRead(options: { actor: Actor; commentIds: readonly string[] }): Promise<number> {
  authorize(options.actor, "article.read");
  if (options.commentIds.length === 0) return 0;
  const { count } = await db.commentMention.updateMany({
    where: { userId: options.actor.id, commentId: { in: [...options.commentIds] }, readAt: null },
    data: { readAt: new Date() },
  });
  return count;
}

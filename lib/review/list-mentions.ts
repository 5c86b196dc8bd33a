import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** How many mentions the Mentions page lists: the newest, read or not. */
export const MENTIONS_SHOWN = 100;

/** The comments that name the actor, newest first, each with its claim and article. */
export async function listMentions(options: { actor: Actor }) {
  authorize(options.actor, "article.read");
  const rows = await db.commentMention.findMany({
    where: { userId: options.actor.id },
    // uuid v7 ids grow with time: they order comments of the same millisecond.
    orderBy: [{ comment: { createdAt: "desc" } }, { commentId: "desc" }],
    take: MENTIONS_SHOWN,
    select: {
      readAt: true,
      comment: {
        select: {
          id: true,
          body: true,
          createdAt: true,
          author: { select: { name: true } },
          claim: { select: { id: true, quote: true, status: true, deletedAt: true, article: { select: { id: true, title: true } } } },
        },
      },
    },
  });
  return rows.map(({ readAt, comment }) => ({ ...comment, unread: readAt === null }));
}

export type ListedMention = Awaited<ReturnType<typeof listMentions>>[number];

import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";

/** A claim's comments in the order they were written, with their authors. */
export async function listComments(options: { actor: Actor; claimId: string }) {
  authorize(options.actor, "article.read");
  return db.comment.findMany({
    where: { claimId: options.claimId },
    // uuid v7 ids grow with time: they break ties between comments of the same millisecond.
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
  });
}

export type ListedComment = Awaited<ReturnType<typeof listComments>>[number];

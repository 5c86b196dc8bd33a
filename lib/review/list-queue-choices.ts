import { AWAITING_REVIEW, authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { sortKazakh } from "@/lib/i18n/collation";

/** The articles and authors of the claims awaiting the actor's review: the queue filter's choices. */
export async function listQueueChoices(options: { actor: Actor }) {
  authorize(options.actor, "review.queue");
  const waiting = { status: { in: [...AWAITING_REVIEW] }, deletedAt: null, authorId: { not: options.actor.id } };
  const [articles, authors] = await Promise.all([
    db.article.findMany({ where: { claims: { some: waiting } }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } }),
    db.user.findMany({ where: { claims: { some: waiting } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
  ]);
  return { articles: sortKazakh(articles, (a) => a.title), authors: sortKazakh(authors, (a) => a.name) };
}

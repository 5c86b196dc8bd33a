import { DerekError } from "@/lib/core/errors";
import { ArticleNotFoundError } from "@/lib/articles/article-errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import { redateSuggestions } from "@/lib/suggestions/redate-suggestions";
import { importDetailsRefusal } from "./import-error";
import { updateArticleDetailsSchema, type UpdateArticleDetailsInput } from "./import-schemas";

const DETAIL_FIELDS = { id: true, title: true, outlet: true, sourceUrl: true, publishedAt: true, updatedAt: true } as const;

/**
 * Changes an article's title, outlet, source address and publication date, never its text (that
 * is a revision). A blank outlet, address or date clears it.
 */
export async function updateArticleDetails(options: { actor: Actor; input: UpdateArticleDetailsInput }) {
  authorize(options.actor, "article.edit");
  const parsed = updateArticleDetailsSchema.safeParse(options.input);
  if (!parsed.success) throw importDetailsRefusal(parsed.error);
  const { articleId, updatedAt, title, outlet, sourceUrl, publishedAt } = parsed.data;

  return db.$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id: articleId }, select: DETAIL_FIELDS });
    if (!before) throw new ArticleNotFoundError();
    // The old timestamp in the update's filter: if anyone saved in between, nothing matches.
    const { count } = await tx.article.updateMany({
      where: { id: articleId, updatedAt: new Date(updatedAt) },
      data: { title, outlet: outlet ?? null, sourceUrl: sourceUrl ?? null, publishedAt: publishedAt ?? null },
    });
    if (count === 0) {
      throw new DerekError("libImport.changedMeanwhile", { kind: "conflict" });
    }
    const after = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: DETAIL_FIELDS });
    if (before.publishedAt?.getTime() !== after.publishedAt?.getTime()) await redateSuggestions(tx, articleId);
    await recordAuditEvent(tx, { actorId: options.actor.id, action: "article.update_details", entityType: "Article", entityId: articleId, before, after });
    return after;
  });
}

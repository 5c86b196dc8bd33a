import { db } from "@/lib/db/client";
import { refreshSuggestions } from "./refresh-suggestions";

/**
 * Computes suggestions for every article whose current revision has none: articles imported
 * before the suggester was wired into imports and edits. Idempotent and safe beside a running app:
 * each article is handled in its own transaction with its row locked, and skipped if an edit or
 * another backfill got there first. An article in which the suggester finds nothing is looked at
 * again on every run, which costs one extraction and writes nothing.
 */
export async function backfillSuggestions(): Promise<{ articlesBackfilled: number }> {
  const articles = await db.article.findMany({ select: { id: true, revision: true } });
  const done = await db.claimSuggestion.groupBy({ by: ["articleId", "revision"] });
  const hasSuggestions = new Set(done.map((d) => `${d.articleId}:${d.revision}`));

  let articlesBackfilled = 0;
  for (const { id } of articles.filter((a) => !hasSuggestions.has(`${a.id}:${a.revision}`))) {
    const stored = await db.$transaction(async (tx) => {
      const [article] = await tx.$queryRaw<{ revision: number; bodyText: string }[]>`
        SELECT "revision", "bodyText" FROM "Article" WHERE "id" = ${id}::uuid FOR UPDATE`;
      if (!article) return 0;
      const already = await tx.claimSuggestion.count({ where: { articleId: id, revision: article.revision } });
      if (already > 0) return 0;
      return (await refreshSuggestions(tx, { articleId: id, revision: article.revision, text: article.bodyText })).stored;
    });
    if (stored > 0) articlesBackfilled++;
  }
  return { articlesBackfilled };
}

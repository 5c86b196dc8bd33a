import { db } from "@/lib/db/client";
import { extractClaims } from "@/lib/extract";
import { rangeKey } from "./remembered-dismissals";
import { refreshSuggestions } from "./refresh-suggestions";

/**
 * Computes suggestions for every article whose current revision has none: articles imported
 * before the suggester was wired into imports and edits. Idempotent and safe beside a running app:
 * each article is handled in its own transaction with its row locked, and skipped if an edit or
 * another backfill got there first. An article in which the suggester finds nothing is looked at
 * again on every run, which costs one extraction and writes nothing.
 *
 * Suggestions of a current revision stored before ranking (score null) are read again and given
 * their score, claimant, category and event date; dismissals stay as they are.
 */
export async function backfillSuggestions(): Promise<{ articlesBackfilled: number; articlesRanked: number }> {
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
  return { articlesBackfilled, articlesRanked: await rankUnrankedSuggestions(articles) };
}

async function rankUnrankedSuggestions(articles: { id: string; revision: number }[]): Promise<number> {
  const current = new Set(articles.map((a) => `${a.id}:${a.revision}`));
  const unranked = await db.claimSuggestion.groupBy({ by: ["articleId", "revision"], where: { score: null } });
  let ranked = 0;
  for (const { articleId } of unranked.filter((u) => current.has(`${u.articleId}:${u.revision}`))) {
    const changed = await db.$transaction(async (tx) => {
      const [article] = await tx.$queryRaw<{ revision: number; bodyText: string; publishedAt: Date | null }[]>`
        SELECT "revision", "bodyText", "publishedAt" FROM "Article" WHERE "id" = ${articleId}::uuid FOR UPDATE`;
      if (!article) return false;
      const rows = await tx.claimSuggestion.findMany({ where: { articleId, revision: article.revision, score: null }, select: { id: true, start: true, end: true } });
      if (rows.length === 0) return false;
      const read = new Map(extractClaims(article.bodyText, { publishedAt: article.publishedAt }).map((c) => [rangeKey(c.start, c.end), c]));
      for (const row of rows) {
        const c = read.get(rangeKey(row.start, row.end));
        // A range the suggester no longer proposes is an old misreading: kept, but not listed first.
        const data = c ? { score: c.score, claimant: c.claimant, category: c.category, date: c.date } : { score: 0 };
        await tx.claimSuggestion.update({ where: { id: row.id }, data });
      }
      return true;
    });
    if (changed) ranked++;
  }
  return ranked;
}

import type { Tx } from "@/lib/db/client";
import { extractClaims } from "@/lib/extract";
import { rangeKey } from "./remembered-dismissals";

/**
 * Reads the event dates of the current revision's suggestions again, after the article's
 * publication date changed: a day and month without a year take theirs from it. Dismissals and
 * everything else stay as they are.
 */
export async function redateSuggestions(tx: Tx, articleId: string): Promise<{ redated: number }> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { revision: true, bodyText: true, publishedAt: true } });
  if (!article) return { redated: 0 };
  const rows = await tx.claimSuggestion.findMany({ where: { articleId, revision: article.revision }, select: { id: true, start: true, end: true, date: true } });
  if (rows.length === 0) return { redated: 0 };
  const dates = new Map(extractClaims(article.bodyText, { publishedAt: article.publishedAt }).map((c) => [rangeKey(c.start, c.end), c.date]));
  let redated = 0;
  for (const row of rows) {
    const date = dates.get(rangeKey(row.start, row.end));
    if (date === undefined || date === row.date) continue;
    await tx.claimSuggestion.update({ where: { id: row.id }, data: { date } });
    redated++;
  }
  return { redated };
}

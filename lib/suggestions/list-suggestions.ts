import { authorize, type Actor } from "@/lib/auth/policy";
import { DerekError } from "@/lib/core/errors";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/core/ids";
import { LIKELY_CLAIM_SCORE } from "@/lib/extract/ranking";
import { rangeKey } from "./remembered-dismissals";

const articleNotFoundError = () => new DerekError("libArticles.ref.notFound", { kind: "not-found" });

/**
 * The suggestions an editor still has to look at on the article's current revision: not
 * dismissed, and not already tagged (a claim anchored on exactly the same words). Read only:
 * suggestions are computed when an article is imported or revised, never on a page view.
 */
export async function listSuggestions(options: { actor: Actor; articleId: string }) {
  authorize(options.actor, "article.read");
  if (!isUuid(options.articleId)) throw articleNotFoundError();
  const article = await db.article.findUnique({ where: { id: options.articleId }, select: { revision: true } });
  if (!article) throw articleNotFoundError();

  const [suggestions, claims] = await Promise.all([
    db.claimSuggestion.findMany({
      where: { articleId: options.articleId, revision: article.revision, dismissedAt: null },
      orderBy: [{ start: "asc" }, { end: "asc" }],
      select: { id: true, revision: true, start: true, end: true, text: true, value: true, min: true, max: true, unit: true, qualifier: true, category: true, date: true, claimant: true, score: true },
    }),
    // An orphan's offsets point into an older text, so only anchored claims hide a suggestion.
    db.claim.findMany({
      where: { articleId: options.articleId, deletedAt: null, anchorStatus: "ANCHORED" },
      select: { start: true, end: true },
    }),
  ]);
  const tagged = new Set(claims.map((c) => rangeKey(c.start, c.end)));
  // Plain values only, so the list can go to the browser as is. A row stored before ranking
  // (score null, until backfillSuggestions reaches it) is listed among the likely ones: hiding
  // what editors saw before would read as lost suggestions.
  return suggestions
    .filter((s) => !tagged.has(rangeKey(s.start, s.end)))
    .map(({ score, ...s }) => ({
      ...s,
      value: s.value?.toString() ?? null,
      min: s.min?.toString() ?? null,
      max: s.max?.toString() ?? null,
      likely: score === null || score >= LIKELY_CLAIM_SCORE,
    }));
}

export type ListedSuggestion = Awaited<ReturnType<typeof listSuggestions>>[number];

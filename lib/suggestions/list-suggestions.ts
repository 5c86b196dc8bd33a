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
/** A claim as far as hiding a suggestion goes: its words, and whether they are still where it says. */
export interface TaggedRange {
  start: number;
  end: number;
  anchorStatus: string;
}

/**
 * `claims`: the article's claims (not deleted), when the caller reads them anyway (the workbench
 * page, whose 2,000 claims would otherwise be read twice per open); without it they are read here.
 */
export async function listSuggestions(options: { actor: Actor; articleId: string; claims?: PromiseLike<readonly TaggedRange[]> }) {
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
    options.claims ??
      db.claim.findMany({
        where: { articleId: options.articleId, deletedAt: null, anchorStatus: "ANCHORED" },
        select: { start: true, end: true, anchorStatus: true },
      }),
  ]);
  // An orphan's offsets point into an older text, so only anchored claims hide a suggestion.
  const tagged = new Set(claims.filter((c) => c.anchorStatus === "ANCHORED").map((c) => rangeKey(c.start, c.end)));
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

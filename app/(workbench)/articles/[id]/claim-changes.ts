import type { ArticleClaim } from "@/lib/claims/list-article-claims";

/**
 * What a claim action answers: the claims it changed, as they now are, and the ids of those that
 * left the article (deleted). Only these travel, so an action's answer and the redraw after it
 * stay the same size however many claims the article carries.
 */
export interface ClaimChanges {
  changed: ArticleClaim[];
  removedIds: string[];
}

/** The server's order (listArticleClaims): by start, the longer of two claims starting together first; a changed claim goes after its equals. */
function comesBefore(a: ArticleClaim, b: ArticleClaim): boolean {
  return a.start < b.start || (a.start === b.start && a.end > b.end);
}

/**
 * The article's claims with an action's changes taken in. Claims the action did not touch keep
 * their identity, so what is drawn from them (list items, highlights) is left as it is.
 */
export function applyClaimChanges(claims: readonly ArticleClaim[], changes: ClaimChanges): ArticleClaim[] {
  const replaced = new Set([...changes.removedIds, ...changes.changed.map((c) => c.id)]);
  const next = replaced.size === 0 ? [...claims] : claims.filter((c) => !replaced.has(c.id));
  for (const claim of changes.changed) {
    let low = 0;
    let high = next.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (!comesBefore(claim, next[middle])) low = middle + 1;
      else high = middle;
    }
    next.splice(low, 0, claim);
  }
  return next;
}

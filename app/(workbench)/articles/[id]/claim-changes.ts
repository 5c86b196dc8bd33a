import type { ArticleClaim } from "@/lib/claims/list-article-claims";

/**
 * What a claim action answers: the claims it changed, as they now are, and the ids of those that
 * left the article (deleted). Only these travel, so an action's answer and the redraw after it
 * stay the same size however many claims the article carries.
 */
export interface ClaimChanges {
  changed: ArticleClaim[];
  removedIds: string[];
  /** The sync point to send with the next action (lib/claims/article-claim-changes.ts). */
  syncedAt?: string;
}

/** An answered claim equal to the one held: colleagues' recent claims come back with every answer for a few seconds. */
function sameClaim(a: ArticleClaim, b: ArticleClaim): boolean {
  return a.version === b.version && JSON.stringify(a) === JSON.stringify(b);
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
  const held = changes.changed.length ? new Map(claims.map((c) => [c.id, c])) : null;
  // A claim that comes back as it is held keeps its object, so nothing drawn from it is redrawn.
  const changed = changes.changed.filter((c) => {
    const mine = held?.get(c.id);
    return !mine || !sameClaim(mine, c);
  });
  const replaced = new Set([...changes.removedIds, ...changed.map((c) => c.id)]);
  const next = replaced.size === 0 ? [...claims] : claims.filter((c) => !replaced.has(c.id));
  for (const claim of changed) {
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
